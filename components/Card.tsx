import type { Entry, MatchKind, SourceMeta } from '../utils/types.ts';
import { categoryLabel, formatAttribution, matchNote, splitMarks } from './format.ts';

export interface CardMention {
  text: string;
  kind: MatchKind;
  alias: string;
}

export interface CardProps {
  entry: Entry;
  sources: ReadonlyMap<string, SourceMeta>;
  /** Names of related entries, by id, in the entry's order. */
  related: ReadonlyArray<{ id: string; name: string }>;
  /** The mention the card was opened from; null when opened from a related link or a search. */
  mention: CardMention | null;
  /** Which of the entry's mentions on the page this is (0-based), of how many. */
  position: { index: number; total: number };
  /** A message with an Undo button after an action (ignore term, turn off site). */
  notice: string | null;
  headingId: string;
  onRelated: (id: string) => void;
  onStep: (direction: 1 | -1) => void;
  onIgnoreEntry: () => void;
  onTurnOffSite: () => void;
  onUndo: () => void;
  onClose: () => void;
  /**
   * Where the card is not beside the page (the toolbar popup): a "Show on page" button, which
   * moves to the next mention in the tab, takes the place of the previous/next steps.
   */
  onShowOnPage?: () => void;
}

/** The hover card: presentational only (props in, callbacks out). */
export function Card(props: CardProps) {
  const { entry, mention, position } = props;
  const note = mention ? matchNote(mention.kind, mention.text, mention.alias) : null;
  const contexts = entry.contexts.slice(0, 2);
  return (
    <div
      class="card"
      role="dialog"
      aria-labelledby={props.headingId}
      data-entry-id={entry.id}
      data-testid="factlens-card"
    >
      <header class="head">
        <h2 id={props.headingId} class="name">
          {entry.name}
        </h2>
        <span class="category">{categoryLabel(entry.category)}</span>
        <button type="button" class="close" aria-label="Close" onClick={props.onClose}>
          ×
        </button>
      </header>
      {note && (
        <p class="match-note" data-testid="match-note">
          {note}
        </p>
      )}
      <p class="summary">{entry.summary}</p>
      {contexts.length > 0 ? (
        contexts.map((c) => {
          const source = props.sources.get(c.source);
          return (
            <figure class="context" key={`${c.source}:${c.paragraph}:${c.text.length}`}>
              <blockquote>
                {splitMarks(c.text, c.marks).map((p, i) =>
                  p.marked ? <mark key={i}>{p.text}</mark> : p.text,
                )}
              </blockquote>
              {source && (
                <figcaption>
                  — {formatAttribution(source)}, ¶{c.paragraph}
                  <span class="source-title">{source.title}</span>
                </figcaption>
              )}
            </figure>
          );
        })
      ) : (
        <p class="absent">{entry.absentNote ?? 'Not mentioned in the source article.'}</p>
      )}
      {props.related.length > 0 && (
        <nav class="related" aria-label="Related">
          <span class="label">Related:</span>
          {props.related.map((r) => (
            <button type="button" class="link" key={r.id} onClick={() => props.onRelated(r.id)}>
              {r.name}
            </button>
          ))}
        </nav>
      )}
      <footer class="foot">
        <span class="count" data-testid="mention-count">
          {position.total === 0
            ? 'Not on this page'
            : `${position.total} mention${position.total === 1 ? '' : 's'} on this page`}
        </span>
        {props.onShowOnPage && position.total > 0 && (
          <button
            type="button"
            class="link show-on-page"
            data-testid="show-on-page"
            onClick={props.onShowOnPage}
          >
            Show on page
          </button>
        )}
        {!props.onShowOnPage && position.total > 1 && (
          <span class="steps">
            <button type="button" aria-label="Previous mention" onClick={() => props.onStep(-1)}>
              ‹
            </button>
            <span aria-live="polite">
              {position.index + 1}/{position.total}
            </span>
            <button type="button" aria-label="Next mention" onClick={() => props.onStep(1)}>
              ›
            </button>
          </span>
        )}
      </footer>
      {props.notice ? (
        <div class="notice" role="status">
          {props.notice}{' '}
          <button type="button" class="link" onClick={props.onUndo}>
            Undo
          </button>
        </div>
      ) : (
        <div class="actions">
          <button
            type="button"
            class="link"
            data-testid="ignore-entry"
            onClick={props.onIgnoreEntry}
          >
            Don’t highlight “{entry.name}”
          </button>
          <button
            type="button"
            class="link"
            data-testid="turn-off-site"
            onClick={props.onTurnOffSite}
          >
            Turn off on this site
          </button>
        </div>
      )}
    </div>
  );
}
