import type { LayerBand, WorkloadStack } from '../../../protocol/layer-stack';
import { asksForOwner, gapCount, gapsText, isKnownResponsibility, matrixLabel, RESPONSIBILITY_LABEL, statusLabel, summaryText, workloadLabel } from './labels';

/**
 * Text for one Markdown table cell: pipes and Markdown punctuation are backslash-escaped,
 * HTML cannot form (`<`, `>` and entity-like `&` become entities) and line breaks become `<br>`.
 */
export function escapeMarkdownCell(value: string): string {
  return String(value)
    // eslint-disable-next-line no-control-regex -- control characters are exactly what must not reach the table
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g, '')
    .replace(/&(?=#?[A-Za-z0-9]+;)/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/([\\`*_[\]|])/g, '\\$1')
    .replace(/\t/g, ' ')
    .replace(/\r\n|\r|\n|\u2028|\u2029/g, '<br>')
    .trim();
}

export interface MarkdownOptions {
  readonly fileName?: string;
}

/** A caption line and the table of one workload's stack, top of the stack first. */
export function buildMarkdownTable(workload: WorkloadStack, opts: MarkdownOptions = {}): string {
  const model = workload.model ? `\`${workload.model.replace(/`/g, '')}\`` : 'no model';
  const modelName = workload.modelName ? ` (${escapeMarkdownCell(workload.modelName)})` : '';
  const gaps = gapCount(workload);
  const caption = [
    `**${escapeMarkdownCell(workloadLabel(workload))}**`,
    `model ${model}${modelName}`,
    `matrix ${escapeMarkdownCell(matrixLabel(workload))}`,
    opts.fileName ? `file ${escapeMarkdownCell(opts.fileName)}` : '',
    escapeMarkdownCell(summaryText(workload)) + (gaps > 0 ? ` ${gapsText(gaps)}.` : ''),
  ]
    .filter(Boolean)
    .join(' · ');

  const header = ['Layer', 'Responsibility', 'Owner', 'Handoff', 'Status'];
  const rows = workload.bands.map((band) => [
    band.name,
    responsibilityCell(band),
    ownerCell(band),
    band.handoff ?? (band.who === 'shared' || band.who === 'third-party' ? 'not stated' : ''),
    band.reason ? `${statusLabel(band.status)}: ${band.reason}` : statusLabel(band.status),
  ]);
  const line = (cells: readonly string[]): string => `| ${cells.map((cell) => escapeMarkdownCell(cell)).join(' | ')} |`;
  return [caption, '', line(header), `| ${header.map(() => '---').join(' | ')} |`, ...rows.map(line), ''].join('\n');
}

function responsibilityCell(band: LayerBand): string {
  const label = (who: unknown): string => (isKnownResponsibility(who) ? RESPONSIBILITY_LABEL[who] : 'Unknown');
  if (band.override) {
    return `${label(band.override.to)} (overridden from ${label(band.override.from)}, because ${band.override.reason})`;
  }
  return band.derived ? `${label(band.who)} (derived)` : label(band.who);
}

function ownerCell(band: LayerBand): string {
  if (band.owner) {
    return band.owner;
  }
  if (asksForOwner(band.who)) {
    return '— none —';
  }
  return '';
}
