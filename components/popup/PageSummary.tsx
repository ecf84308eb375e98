import { useState } from 'preact/hooks';
import type { PageEntryCount } from '../../utils/messages.ts';
import { CATEGORIES, type Entry } from '../../utils/types.ts';
import { CATEGORY_HEADINGS, plural } from './labels.ts';

export interface PageSummaryProps {
  entries: readonly PageEntryCount[];
  entriesById: ReadonlyMap<string, Entry>;
  /** Scroll the tab to the entry's next mention and open its card there. */
  onShowEntry: (id: string) => void;
}

interface Row {
  entry: Entry;
  count: number;
}

function groupByCategory(entries: readonly PageEntryCount[], byId: ReadonlyMap<string, Entry>) {
  const rows = entries.flatMap(({ id, count }) => {
    const entry = byId.get(id);
    return entry ? [{ entry, count }] : [];
  });
  return CATEGORIES.map((category) => ({
    category,
    rows: rows
      .filter((r) => r.entry.category === category)
      .sort((a, b) => b.count - a.count || a.entry.name.localeCompare(b.entry.name)),
  })).filter((g) => g.rows.length > 0);
}

function EntryRow({ row, onShowEntry }: { row: Row; onShowEntry: (id: string) => void }) {
  const [open, setOpen] = useState(false);
  const { entry, count } = row;
  const detailsId = `summary-${entry.id}`;
  return (
    <li class="entry-row" data-entry-id={entry.id}>
      <div class="entry-line">
        <button
          type="button"
          class="entry-main"
          data-testid="entry-row"
          title="Show on the page (again: the next mention)"
          onClick={() => {
            setOpen(true);
            onShowEntry(entry.id);
          }}
        >
          <span class="entry-name">{entry.name}</span>
          <span class="entry-count" data-testid="entry-count">
            {plural(count, 'mention')}
          </span>
        </button>
        <button
          type="button"
          class="entry-toggle"
          aria-expanded={open}
          aria-controls={detailsId}
          aria-label={`Summary of ${entry.name}`}
          onClick={() => setOpen(!open)}
        >
          <span aria-hidden="true">{open ? '▾' : '▸'}</span>
        </button>
      </div>
      {open && (
        <p class="entry-summary" id={detailsId} data-testid="entry-summary">
          {entry.summary}
        </p>
      )}
    </li>
  );
}

/** What the page mentions, grouped by category, most mentioned first. */
export function PageSummary({ entries, entriesById, onShowEntry }: PageSummaryProps) {
  const groups = groupByCategory(entries, entriesById);
  return (
    <section class="page-summary" data-testid="page-summary" aria-labelledby="page-summary-heading">
      <h2 id="page-summary-heading">On this page</h2>
      {groups.map(({ category, rows }) => (
        <section class="category-group" key={category} aria-labelledby={`group-${category}`}>
          <h3 id={`group-${category}`}>
            {CATEGORY_HEADINGS[category]} <span class="muted">({rows.length})</span>
          </h3>
          <ul>
            {rows.map((row) => (
              <EntryRow key={row.entry.id} row={row} onShowEntry={onShowEntry} />
            ))}
          </ul>
        </section>
      ))}
    </section>
  );
}
