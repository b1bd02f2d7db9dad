import type { LayerBand, WorkloadStack } from '../../../protocol/layer-stack';
import { countStatuses, isKnownResponsibility, RESPONSIBILITY_LABEL, statusLabel, summaryText, workloadLabel } from './labels';

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
  const { problems } = countStatuses(workload.bands);
  const caption = [
    `**${escapeMarkdownCell(workloadLabel(workload))}**`,
    `model ${model}${modelName}`,
    opts.fileName ? `file ${escapeMarkdownCell(opts.fileName)}` : '',
    escapeMarkdownCell(summaryText(workload)) + (problems > 0 ? ` ${problems} ${problems === 1 ? 'gap' : 'gaps'}.` : ''),
  ]
    .filter(Boolean)
    .join(' · ');

  const header = ['Layer', 'Responsibility', 'Owner', 'Handoff', 'Status'];
  const rows = workload.bands.map((band) => [
    band.name,
    responsibilityCell(band),
    ownerCell(band),
    band.handoff ?? (band.who === 'shared' ? 'not stated' : ''),
    band.reason ? `${statusLabel(band.status)}: ${band.reason}` : statusLabel(band.status),
  ]);
  const line = (cells: readonly string[]): string => `| ${cells.map((cell) => escapeMarkdownCell(cell)).join(' | ')} |`;
  return [caption, '', line(header), `| ${header.map(() => '---').join(' | ')} |`, ...rows.map(line), ''].join('\n');
}

function responsibilityCell(band: LayerBand): string {
  const who = isKnownResponsibility(band.who) ? RESPONSIBILITY_LABEL[band.who] : 'Unknown';
  return band.derived ? `${who} (derived)` : who;
}

function ownerCell(band: LayerBand): string {
  if (band.owner) {
    return band.owner;
  }
  if (band.who === 'customer' || band.who === 'shared') {
    return '— none —';
  }
  return '';
}
