import type { LayerBand, LayerStack, Responsibility, WorkloadStack } from '../../../protocol/layer-stack';
import { asksForOwner, attentionCount, gapCount, gapsText, isKnownResponsibility, isProblem, matrixLabel, modelLabel, overrideLabel, RESPONSIBILITY_LABEL, statusLabel, summaryText, superscript, workloadLabel } from './labels';
import { escapeXml, fileSlug, fileStem, wrapText } from './text';

/**
 * A standalone SVG picture of one workload's stack. It lives outside the editor, so it
 * uses a fixed light palette rather than the theme. Every string from the file goes
 * through escapeXml.
 */

interface Palette {
  readonly stripe: string;
  readonly fill: string;
}

const PALETTE: Readonly<Record<Responsibility | 'unknown', Palette>> = {
  customer: { stripe: '#1a6fd6', fill: '#e8f1fd' },
  shared: { stripe: '#8250df', fill: '#f2ecfc' },
  'third-party': { stripe: '#bc4c00', fill: '#fff1e5' },
  provider: { stripe: '#2f8f46', fill: '#eaf5ec' },
  'not-applicable': { stripe: '#8c959f', fill: '#f6f8fa' },
  unknown: { stripe: '#8c959f', fill: '#f3f4f6' },
};
const TEXT = '#1f2328';
const MUTED = '#57606a';
const ERROR = '#cf222e';
const WARNING = '#9a6700';
const FONT = "-apple-system, 'Segoe UI', Helvetica, Arial, sans-serif";

const WIDTH = 760;
const PAD = 24;
const LINE = 18;
const FONT_SIZE = 13;
/** Average glyph width of the font, as a share of its size: used to wrap without measuring. */
const GLYPH = 0.56;

export interface SvgOptions {
  readonly fileName?: string;
}

export function buildStackSvg(stack: LayerStack, workload: WorkloadStack, opts: SvgOptions = {}): string {
  const out: string[] = [];
  const inner = WIDTH - 2 * PAD;
  let y = PAD;

  const name = workloadLabel(workload);
  const source = opts.fileName ?? fileStem(stack.uri);
  const title = `Layer stack of ${name}`;
  const desc = `${summaryText(workload)} Model: ${modelLabel(workload)}.`;

  const text = (x: number, baseline: number, value: string, attrs: string): void => {
    out.push(`<text x="${x}" y="${baseline}" ${attrs}>${escapeXml(value)}</text>`);
  };
  const wrapped = (x: number, value: string, width: number, size: number, attrs: string): void => {
    for (const line of wrapText(value, width / (size * GLYPH))) {
      y += Math.round(size * 1.4);
      text(x, y, line, `font-size="${size}" ${attrs}`);
    }
  };

  // Heading.
  wrapped(PAD, title, inner, 18, `font-weight="600" fill="${TEXT}"`);
  y += 4;
  wrapped(PAD, `Model: ${modelLabel(workload)} · Matrix: ${matrixLabel(workload)}${source ? ` · File: ${source}` : ''}`, inner, 12, `fill="${MUTED}"`);
  const problems = gapCount(workload);
  const attention = attentionCount(workload);
  const extra = [problems > 0 ? gapsText(problems) : '', attention > 0 ? `${attention} need${attention === 1 ? 's' : ''} attention` : '']
    .filter(Boolean)
    .join(' · ');
  wrapped(PAD, `${summaryText(workload)}${extra ? ` ${extra}.` : ''}`, inner, FONT_SIZE, `font-weight="600" fill="${problems > 0 ? ERROR : TEXT}"`);

  // Legend.
  y += 12;
  let x = PAD;
  for (const who of ['customer', 'shared', 'provider'] as const) {
    out.push(`<rect x="${x}" y="${y}" width="12" height="12" rx="2" fill="${PALETTE[who].fill}" stroke="${PALETTE[who].stripe}" stroke-width="3"/>`);
    text(x + 18, y + 11, RESPONSIBILITY_LABEL[who], `font-size="12" fill="${TEXT}"`);
    x += 18 + RESPONSIBILITY_LABEL[who].length * 7 + 18;
  }
  out.push(`<rect x="${x}" y="${y}" width="12" height="12" rx="2" fill="#ffffff" stroke="${ERROR}" stroke-width="2"/>`);
  text(x + 18, y + 11, 'Gap', `font-size="12" fill="${TEXT}"`);
  x += 18 + 3 * 7 + 18;
  out.push(`<rect x="${x}" y="${y}" width="12" height="12" rx="2" fill="#ffffff" stroke="${WARNING}" stroke-width="2" stroke-dasharray="3 2"/>`);
  text(x + 18, y + 11, 'Needs attention', `font-size="12" fill="${TEXT}"`);
  y += 12 + 16;

  // Bands.
  const notes = new Map<string, number>();
  const handoff = workload.handoffAfter;
  workload.bands.forEach((band, index) => {
    if (handoff === -1 && index === 0) {
      y = handoffLine(out, y, 'Handoff: the provider runs every layer');
    }
    let note: number | undefined;
    if (band.derived) {
      note = notes.get(band.derived) ?? notes.size + 1;
      notes.set(band.derived, note);
    }
    y = bandBlock(out, band, y, inner, note);
    if (handoff !== undefined && handoff >= 0 && handoff === index) {
      y = handoffLine(out, y, index === workload.bands.length - 1 ? 'Handoff: no layer is left to the provider' : "Handoff: customer's part above, provider's below");
    } else {
      y += 6;
    }
  });

  // Notes on derived cells.
  if (notes.size > 0) {
    y += 6;
    for (const [note, n] of notes) {
      wrapped(PAD, `${superscript(n)} ${note}`, inner, 11, `fill="${MUTED}"`);
    }
  }
  y += PAD;

  const height = Math.ceil(y);
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${height}" viewBox="0 0 ${WIDTH} ${height}" role="img" aria-labelledby="srm-title srm-desc" font-family="${escapeXml(FONT)}">`,
    `<title id="srm-title">${escapeXml(title)}</title>`,
    `<desc id="srm-desc">${escapeXml(desc)}</desc>`,
    `<rect x="0" y="0" width="${WIDTH}" height="${height}" fill="#ffffff"/>`,
    ...out,
    '</svg>',
    '',
  ].join('\n');
}

function bandBlock(out: string[], band: LayerBand, top: number, inner: number, note: number | undefined): number {
  const palette = PALETTE[isKnownResponsibility(band.who) ? band.who : 'unknown'];
  const left = PAD + 16;
  const textWidth = inner - 16 - 12;
  const lines: { value: string; attrs: string; indent: number }[] = [];
  const add = (value: string, size: number, attrs: string): void => {
    // Continuation lines are indented so each entry reads as one block.
    wrapText(value, textWidth / (size * GLYPH)).forEach((line, i) => {
      lines.push({ value: line, attrs: `font-size="${size}" ${attrs}`, indent: i === 0 ? 0 : 12 });
    });
  };
  const needsOwner = asksForOwner(band.who);
  if (band.owner) {
    add(`Owner: ${band.owner}`, 12, `fill="${band.status === 'wrongly-provider' ? ERROR : TEXT}"`);
  } else if (needsOwner) {
    add('Owner: nobody assigned', 12, `fill="${ERROR}" font-style="italic"`);
  }
  if (band.handoff) {
    add(`Handoff: ${band.handoff}`, 12, `fill="${TEXT}"`);
  } else if (band.who === 'shared' || band.who === 'third-party') {
    add('Handoff: not stated', 12, `fill="${WARNING}" font-style="italic"`);
  }
  if (band.override) {
    add(`${overrideLabel(band.override)}, because ${band.override.reason}`, 12, `fill="${TEXT}" font-style="italic"`);
  }
  if (band.reason) {
    add(`${statusLabel(band.status)}: ${band.reason}`, 12, `fill="${isProblem(band.status) ? ERROR : WARNING}" font-weight="600"`);
  }

  const height = 10 + LINE + lines.length * 16 + 8;
  const problem = isProblem(band.status);
  const stroke = problem ? `stroke="${ERROR}" stroke-width="2"` : band.status === 'incomplete' ? `stroke="${WARNING}" stroke-width="2" stroke-dasharray="5 3"` : `stroke="${palette.stripe}" stroke-opacity="0.35" stroke-width="1"`;
  out.push(`<g class="band" data-layer-id="${escapeXml(band.id)}">`);
  out.push(`<rect x="${PAD}" y="${top}" width="${inner}" height="${height}" rx="4" fill="${palette.fill}" ${stroke}/>`);
  out.push(`<rect x="${PAD}" y="${top}" width="8" height="${height}" rx="2" fill="${palette.stripe}"/>`);
  let baseline = top + 10 + 14;
  const who = isKnownResponsibility(band.who) ? RESPONSIBILITY_LABEL[band.who] : 'Unknown';
  const status = band.status === 'assigned' || band.status === 'provider' ? '' : ` · ${statusLabel(band.status)}`;
  out.push(`<text x="${left}" y="${baseline}" font-size="14" font-weight="600" fill="${TEXT}">${escapeXml(band.name)}</text>`);
  out.push(
    `<text x="${PAD + inner - 12}" y="${baseline}" font-size="12" text-anchor="end" fill="${problem ? ERROR : MUTED}" font-weight="600">${escapeXml(
      `${who}${note !== undefined ? ` ${superscript(note)} derived` : ''}${status}`,
    )}</text>`,
  );
  for (const line of lines) {
    baseline += 16;
    out.push(`<text x="${left + line.indent}" y="${baseline}" ${line.attrs}>${escapeXml(line.value)}</text>`);
  }
  out.push('</g>');
  return top + height;
}

function handoffLine(out: string[], top: number, label: string): number {
  const mid = top + 14;
  const labelWidth = Math.round(label.length * 11 * GLYPH) + 16;
  const cx = WIDTH / 2;
  out.push(`<g class="handoff-line">`);
  out.push(`<line x1="${PAD}" y1="${mid}" x2="${WIDTH - PAD}" y2="${mid}" stroke="${TEXT}" stroke-width="2" stroke-dasharray="6 4"/>`);
  out.push(`<rect x="${cx - labelWidth / 2}" y="${mid - 9}" width="${labelWidth}" height="18" rx="9" fill="#ffffff" stroke="${TEXT}" stroke-width="1"/>`);
  out.push(`<text x="${cx}" y="${mid + 4}" font-size="11" font-weight="600" text-anchor="middle" fill="${TEXT}">${escapeXml(label)}</text>`);
  out.push('</g>');
  return top + 28;
}

/** `payments-api-layer-stack.svg`; the file's stem when the workload has no usable name. */
export function suggestedSvgName(stack: LayerStack, workload: WorkloadStack, fileName?: string): string {
  const stem = fileSlug(fileStem(fileName ?? stack.uri));
  const name = fileSlug(workload.workload) || (stem ? `${stem}-${workload.index + 1}` : `workload-${workload.index + 1}`);
  return `${name}-layer-stack.svg`;
}
