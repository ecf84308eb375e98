import { useEffect, useMemo, useState } from 'preact/hooks';
import type { Lookup } from '../../utils/messages.ts';
import type { Entry, SourceMeta } from '../../utils/types.ts';
import { Card } from '../Card.tsx';
import { categoryLabel } from '../format.ts';

export interface EntrySearchProps {
  /** Best matches first: fuse.js through `utils/search.ts`. */
  search: (query: string) => Entry[];
  entriesById: ReadonlyMap<string, Entry>;
  sources: ReadonlyMap<string, SourceMeta>;
  /** How often the open tab mentions an entry (0 when it does not, or cannot tell). */
  mentionsOnPage: (id: string) => number;
  /** A lookup from the context menu: its text in the box, its best match's card open. */
  lookup: Lookup | null;
  dark: boolean;
  onShowEntry: (id: string) => void;
  /** Stops highlighting an entry; resolves to the undo. */
  onIgnoreEntry: (id: string) => Promise<() => void>;
  onTurnOffSite: () => void;
}

const OPTION_ID = (i: number) => `search-option-${i}`;

/** A search box over the whole dataset, keyboard first, that opens an entry's card in place. */
export function EntrySearch(props: EntrySearchProps) {
  const { search, entriesById } = props;
  const [query, setQuery] = useState(props.lookup?.query ?? '');
  const [active, setActive] = useState(0);
  const [openId, setOpenId] = useState<string | null>(props.lookup?.entryId ?? null);
  const [notice, setNotice] = useState<{ text: string; undo: () => void } | null>(null);
  // A lookup arrives a moment after the popup opens: it replaces whatever the box holds.
  useEffect(() => {
    if (!props.lookup) return;
    setQuery(props.lookup.query);
    setOpenId(props.lookup.entryId);
    setActive(0);
  }, [props.lookup]);
  const hits = useMemo(() => (query.trim() ? search(query) : []), [search, query]);
  const open = openId ? (entriesById.get(openId) ?? null) : null;
  const listed = !open && hits.length > 0;

  const choose = (entry: Entry | undefined) => {
    if (!entry) return;
    setOpenId(entry.id);
    setNotice(null);
  };
  const onKeyDown = (e: KeyboardEvent) => {
    const n = hits.length;
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      if (open) setOpenId(null);
      else if (n) setActive((active + (e.key === 'ArrowDown' ? 1 : n - 1)) % n);
    } else if (e.key === 'Enter') {
      e.preventDefault();
      choose(hits[Math.min(active, n - 1)]);
    } else if (e.key === 'Escape' && (open || query)) {
      // Esc steps back one level (card → list → empty box) before it may close the popup.
      e.preventDefault();
      if (open) setOpenId(null);
      else setQuery('');
    }
  };

  return (
    <section class="search" aria-label="Look up a term">
      <label for="search-input">Look up any term FactLens knows</label>
      <input
        id="search-input"
        type="search"
        role="combobox"
        autoComplete="off"
        spellcheck={false}
        placeholder="e.g. Biegun, Sohae, maximum pressure"
        aria-autocomplete="list"
        aria-expanded={listed}
        aria-controls="search-results"
        aria-activedescendant={listed ? OPTION_ID(Math.min(active, hits.length - 1)) : undefined}
        data-testid="search-input"
        value={query}
        onInput={(e) => {
          setQuery(e.currentTarget.value);
          setActive(0);
          setOpenId(null);
        }}
        onKeyDown={onKeyDown}
      />
      <ul id="search-results" role="listbox" aria-label="Matching terms" hidden={!listed}>
        {listed &&
          hits.map((entry, i) => (
            <li
              key={entry.id}
              id={OPTION_ID(i)}
              role="option"
              aria-selected={i === active}
              class={i === active ? 'option active' : 'option'}
              data-testid="search-option"
              data-entry-id={entry.id}
              onMouseDown={(e) => e.preventDefault()}
              onClick={() => choose(entry)}
            >
              <span class="option-name">{entry.name}</span>
              <span class="muted"> · {categoryLabel(entry.category)}</span>
            </li>
          ))}
      </ul>
      {query.trim() && !open && hits.length === 0 && (
        <p class="no-match" role="status" data-testid="search-empty">
          Nothing in FactLens matches “{query.trim()}”.
        </p>
      )}
      {open && (
        <div class={props.dark ? 'popup-card theme dark' : 'popup-card theme'}>
          <Card
            entry={open}
            sources={props.sources}
            related={open.related.flatMap((id) => {
              const r = entriesById.get(id);
              return r ? [{ id, name: r.name }] : [];
            })}
            mention={null}
            position={{ index: 0, total: props.mentionsOnPage(open.id) }}
            notice={notice?.text ?? null}
            headingId="popup-card-heading"
            onRelated={(id) => choose(entriesById.get(id))}
            onStep={() => props.onShowEntry(open.id)}
            onShowOnPage={() => props.onShowEntry(open.id)}
            onIgnoreEntry={() =>
              void props
                .onIgnoreEntry(open.id)
                .then((undo) =>
                  setNotice({ text: `FactLens won’t highlight “${open.name}”.`, undo }),
                )
            }
            onTurnOffSite={props.onTurnOffSite}
            onUndo={() => {
              notice?.undo();
              setNotice(null);
            }}
            onClose={() => setOpenId(null)}
          />
        </div>
      )}
    </section>
  );
}
