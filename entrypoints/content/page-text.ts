import type { Candidate, Matcher } from '@/utils/matcher';
import type { MatchResult, Mention, TextSegment } from '@/utils/types';
import { createTextCollector, runAt, type CollectedText, type TextRun } from './collect-text';
import { measure } from './perf';

/** A mention placed in the DOM: the ranges it covers and the text nodes it touches. */
export interface PlacedMention extends Mention {
  range: StaticRange;
  nodes: Text[];
}

/** The text of one scanned root (the body, or a subtree rescanned after a change). */
interface Chunk {
  root: Node;
  text: CollectedText;
  candidates: Candidate[];
}

/** Gives the thread back to the page between slices of work. */
export type YieldToPage = () => Promise<void>;

/** How long one slice of scanning may hold the main thread. */
const SLICE_MS = 6;

/**
 * The page's text and what the matcher found in it, kept per scanned root so that a change to
 * the page rescans only the changed subtree while the precision rules still see the whole page.
 */
export class PageText {
  private chunks: Chunk[] = [];
  private nextOffset = 0;
  private nextSegment = 0;

  constructor(
    private readonly matcher: Matcher,
    private readonly now: () => number = () => performance.now(),
  ) {}

  /** Walks and matches `root` in slices of a few milliseconds; `onSlice` after each slice. */
  async scan(root: Node, yieldToPage: YieldToPage, onSlice?: () => void): Promise<void> {
    const collector = createTextCollector(root, this.nextOffset);
    for (;;) {
      const started = this.now();
      const until = started + SLICE_MS;
      const done = collector.step(() => this.now() > until);
      measure('task', started, { walk: 1 });
      await yieldToPage();
      if (done) break;
    }
    const text = collector.result;
    this.nextOffset = text.end + 1;
    const chunk: Chunk = { root, text, candidates: [] };
    this.chunks.push(chunk);
    const segments = text.segments;
    // The clock is read after each batch of matching, not while choosing what to match: a slice
    // ends when its work has taken SLICE_MS, however many blocks or however long a block.
    const batches = matchingBatches(segments, this.nextSegment);
    let next = batches.next();
    while (!next.done) {
      const started = this.now();
      const until = started + SLICE_MS;
      do {
        const { pieces, segment, keep } = next.value;
        for (const c of this.matcher.scanSegments(pieces, segment)) {
          if (!keep || (c.start >= keep.from && c.start < keep.to)) chunk.candidates.push(c);
        }
        next = batches.next();
      } while (!next.done && this.now() < until);
      measure('task', started, { match: 1 });
      if (!next.done) {
        await yieldToPage();
        if (onSlice) {
          // Its own task: a refresh on top of a full slice would double the longest task.
          onSlice();
          await yieldToPage();
        }
      }
    }
    this.nextSegment += segments.length;
  }

  /**
   * Forgets what was found inside `roots` (they will be rescanned) and in text that left the
   * document; chunks with nothing left are dropped.
   */
  forget(roots: readonly Node[]): void {
    const inRoots = (node: Node) => roots.some((r) => r === node || r.contains(node));
    this.chunks = this.chunks.filter((chunk) => {
      if (
        !chunk.root.isConnected ||
        roots.some((r) => r === chunk.root || r.contains(chunk.root))
      ) {
        return false;
      }
      chunk.candidates = chunk.candidates.filter((c) => {
        const run = runAt(chunk.text.runs, c.start);
        return !!run && run.node.isConnected && !inRoots(run.node);
      });
      return true;
    });
  }

  /** Applies the page-wide precision rules to everything found so far. */
  resolve(): MatchResult {
    const all: Candidate[] = [];
    for (const chunk of this.chunks) for (const c of chunk.candidates) all.push(c);
    return this.matcher.resolve(all);
  }

  /** Turns offsets into DOM ranges; mentions whose text has changed since are left out. */
  place(mentions: readonly Mention[]): PlacedMention[] {
    const placed: PlacedMention[] = [];
    for (const m of mentions) {
      const chunk = this.chunkAt(m.start);
      if (!chunk) continue;
      const first = runAt(chunk.text.runs, m.start);
      const last = runAt(chunk.text.runs, m.end - 1);
      if (!first || !last || !first.node.isConnected || !last.node.isConnected) continue;
      const startOffset = m.start - first.start;
      const endOffset = m.end - last.start;
      if (endOffset > last.node.length || startOffset > first.node.length) continue;
      placed.push({
        ...m,
        range: new StaticRange({
          startContainer: first.node,
          startOffset,
          endContainer: last.node,
          endOffset,
        }),
        nodes: nodesBetween(chunk.text.runs, first, last),
      });
    }
    return placed;
  }

  private chunkAt(offset: number): Chunk | undefined {
    let lo = 0;
    let hi = this.chunks.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const chunk = this.chunks[mid]!;
      const start = chunk.text.runs[0]?.start ?? chunk.text.end;
      if (offset < start) hi = mid - 1;
      else if (offset >= chunk.text.end) lo = mid + 1;
      else return chunk;
    }
    return undefined;
  }
}

/** About a millisecond of matching: the work done between two looks at the clock. */
const BATCH_CHARS = 16_384;
/** Text read either side of a piece of a long block, longer than any name: no name is cut. */
const SEAM_CHARS = 256;

interface MatchingBatch {
  pieces: TextSegment[];
  /** Segment number of the first piece (all pieces of one long block share its number). */
  segment: number;
  /** For a piece of a long block: the candidates it owns start in [from, to). */
  keep?: { from: number; to: number };
}

/**
 * Segments grouped into batches of about BATCH_CHARS. A block longer than that (a single 5 MB
 * text node) is cut into stretches, each matched with SEAM_CHARS of text either side and keeping
 * only the candidates that start in its own stretch: a word cut at a piece's edge can only start
 * a candidate outside the stretch, so the result is that of one pass over the whole block.
 */
function* matchingBatches(
  segments: readonly TextSegment[],
  first: number,
): Generator<MatchingBatch> {
  let i = 0;
  while (i < segments.length) {
    const segment = segments[i]!;
    if (segment.text.length <= BATCH_CHARS) {
      const start = i;
      let chars = 0;
      while (i < segments.length && segments[i]!.text.length <= BATCH_CHARS && chars < BATCH_CHARS)
        chars += segments[i++]!.text.length;
      yield { pieces: segments.slice(start, i), segment: first + start };
      continue;
    }
    const { text, offset } = segment;
    for (let from = 0; from < text.length;) {
      const to = Math.min(text.length, from + BATCH_CHARS);
      const lo = Math.max(0, from - SEAM_CHARS);
      yield {
        pieces: [{ text: text.slice(lo, to + SEAM_CHARS), offset: offset + lo }],
        segment: first + i,
        keep: { from: offset + from, to: offset + to },
      };
      from = to;
    }
    i++;
  }
}

function nodesBetween(runs: readonly TextRun[], first: TextRun, last: TextRun): Text[] {
  if (first === last) return [first.node];
  const nodes: Text[] = [];
  let i = runs.indexOf(first);
  for (; i >= 0 && i < runs.length; i++) {
    nodes.push(runs[i]!.node);
    if (runs[i] === last) break;
  }
  return nodes;
}
