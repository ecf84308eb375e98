/** How bench parts report: a titled table of figures, then each budget with its verdict. */

export interface Budget {
  /** What is limited, e.g. "exact + fuzzy + precision on 1 MB ≤ 3× the floor". */
  name: string;
  /** The figure measured, as printed. */
  measured: string;
  within: boolean;
}

export interface BenchSection {
  title: string;
  /** Rows of cells; the first row is the header. */
  table: string[][];
  notes?: string[];
}

export interface BenchPartResult {
  sections: BenchSection[];
  budgets: Budget[];
}

export function formatMs(ms: number): string {
  if (ms >= 10_000) return `${(ms / 1000).toFixed(1)} s`;
  if (ms >= 100) return `${ms.toFixed(0)} ms`;
  if (ms >= 1) return `${ms.toFixed(1)} ms`;
  return `${ms.toFixed(2)} ms`;
}

export function formatBytes(bytes: number): string {
  return bytes >= 1024 * 1024
    ? `${(bytes / 1024 / 1024).toFixed(2)} MB`
    : `${(bytes / 1024).toFixed(0)} KB`;
}

export function formatRatio(ratio: number): string {
  return `${ratio >= 10 ? ratio.toFixed(0) : ratio.toFixed(2)}×`;
}

function renderTable(rows: readonly string[][]): string[] {
  const widths: number[] = [];
  for (const row of rows)
    row.forEach((cell, k) => (widths[k] = Math.max(widths[k] ?? 0, cell.length)));
  return rows.map((row, r) => {
    const line = row
      .map((cell, k) => (k === 0 ? cell.padEnd(widths[k]!) : cell.padStart(widths[k]!)))
      .join('   ');
    return r === 0 ? `${line}\n${'-'.repeat(line.length)}` : line;
  });
}

export function renderPart(title: string, result: BenchPartResult): string {
  const lines = [`== ${title} ==`, ''];
  for (const section of result.sections) {
    lines.push(
      section.title,
      ...renderTable(section.table).map((line) => `  ${line.replace(/\n/g, '\n  ')}`),
    );
    for (const note of section.notes ?? []) lines.push(`  ${note}`);
    lines.push('');
  }
  lines.push('Budgets');
  for (const budget of result.budgets) {
    lines.push(`  ${budget.within ? 'within' : 'OVER  '}  ${budget.name}: ${budget.measured}`);
  }
  return lines.join('\n');
}
