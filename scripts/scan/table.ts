/** The scan CLI's readable output: one line per mention, then what the page is about. */
import type { CompiledIndex, MatchResult, Mention } from '../../utils/types.ts';

function how(mention: Mention): string {
  if (mention.kind === 'fuzzy')
    return `typo of "${mention.alias}" (score ${mention.score.toFixed(2)})`;
  if (mention.kind === 'coreference') return `"${mention.alias}", named in full elsewhere`;
  return '';
}

function pad(cells: readonly string[], widths: readonly number[]): string {
  return cells
    .map((cell, column) => cell.padEnd(widths[column] ?? 0))
    .join('  ')
    .trimEnd();
}

function render(rows: readonly string[][]): string[] {
  const widths: number[] = [];
  for (const row of rows)
    row.forEach((cell, column) => (widths[column] = Math.max(widths[column] ?? 0, cell.length)));
  return rows.map((row) => pad(row, widths));
}

export function formatTable(result: MatchResult, index: CompiledIndex): string {
  const names = new Map(index.entries.map((entry) => [entry.id, entry.name]));
  const lines: string[] = [];
  if (result.mentions.length === 0) lines.push('No mentions.');
  else {
    const rows = [['OFFSETS', 'KIND', 'ENTRY', 'TEXT ON THE PAGE', 'HOW']];
    for (const mention of result.mentions) {
      rows.push([
        `${mention.start}–${mention.end}`,
        mention.kind,
        names.get(mention.id) ?? mention.id,
        JSON.stringify(mention.text.replace(/\s+/g, ' ')),
        how(mention),
      ]);
    }
    lines.push(...render(rows));
  }
  const { entries, onTopic } = result.summary;
  lines.push('');
  lines.push(
    `${result.mentions.length} mention${result.mentions.length === 1 ? '' : 's'} of ${entries.length} ` +
      `entr${entries.length === 1 ? 'y' : 'ies'}; ${onTopic ? 'on topic' : 'not on topic'}.`,
  );
  if (entries.length > 0) {
    lines.push(...render(entries.map(({ id, count }) => [`  ${count}×`, names.get(id) ?? id])));
  }
  return lines.join('\n');
}
