import type { Candidate, Matcher } from '@/utils/matcher';
import type { MatchResult, Mention, TextSegment } from '@/utils/types';
import {
  createTextCollector,
  pieceIndexAt,
  textNodesOf,
  type CollectedText,
  type PieceNodes,
} from './collect-text';
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

/** Text nodes of the pieces mentions were placed in, by piece (null: the piece changed). */
export type PieceCache = Map<Node, PieceNodes | null>;

/** Gives the thread back to the page between slices of work. */
export type YieldToPage = () => Promise<void>;

/**
 * A slice stops taking on work once it has run this long. Its steps are chosen to end by then
 * (the walk looks at the clock every few dozen nodes; a batch of matching is sized from the
 * speed of the batches before it), which leaves the rest of the 10 ms task budget for a
 * misjudged batch and a garbage collection (a scavenge lands in a slice every so often: 1–5 ms
 * on a 1 MB page, the longer ones on a busy machine, where its helper threads wait for a core).
 */
const SLICE_MS = 5;
/** At most this much text per matcher call: about a millisecond of warm matching. */
const BATCH_CHARS = 16_384;
/** The least text a batch is cut down to when a slice has little time left. */
const MIN_BATCH_CHARS = 1_024;
/** Text the walk gathers ahead of the matching. */
const WALK_AHEAD_CHARS = BATCH_CHARS;
/** A block longer than this is matched in pieces, so that no single call outlasts a slice. */
const LONG_BLOCK_CHARS = 8_192;
const PIECE_CHARS = 4_096;
/** Text read either side of a piece of a long block, longer than any name: no name is cut. */
const SEAM_CHARS = 256;
/**
 * Matching speed assumed until some has been timed. The matcher's first call (MIN_BATCH_CHARS of
 * text, at the start of a slice) mostly compiles its code and is not timed; the calls after it
 * still run cold (interpreted, then baseline code), several times slower than warm.
 */
const COLD_MS_PER_CHAR = 1 / 1_500;

/**
 * A scan still walking the page after this long shows what it has found so far (the top of the
 * page); a shorter one shows everything at once.
 */
const EARLY_RESULTS_MS = 25;

/** One slice of work: what it has done so far, and when it must end. */
interface Slice {
  started: number;
  deadline: number;
  walkMs: number;
  matchMs: number;
}

/** Where the matching of one chunk has got to. */
interface MatchCursor {
  /** Segments matched so far (a long one counts once all its pieces are). */
  segment: number;
  /** Within a long segment, where its next piece starts. */
  within: number;
  /** Characters of the segments matched so far. */
  chars: number;
}

/** One call's worth of matching. */
interface MatchingBatch {
  pieces: TextSegment[];
  /** Number within the chunk of the first piece's segment (the pieces of a long block share it). */
  segment: number;
  /** For a piece of a long block: the candidates it owns start in [from, to). */
  keep?: { from: number; to: number };
  /** Characters matched, seams excluded: what the cursor advances by. */
  chars: number;
}

/**
 * The page's text and what the matcher found in it, kept per scanned root so that a change to
 * the page rescans only the changed subtree while the precision rules still see the whole page.
 */
export class PageText {
  private chunks: Chunk[] = [];
  private nextOffset = 0;
  private nextSegment = 0;
  /** Scans run one after another: a rescan waits for the scan before it (offsets, forget). */
  private queue: Promise<void> = Promise.resolve();
  private cancelled = false;
  /** The matcher's speed as last timed (it speeds up as its code warms). */
  private msPerChar = COLD_MS_PER_CHAR;
  /** Whether the matcher has run yet (in this page text). */
  private timed = false;
  /** The slice of work under way: one task, until the scan yields to the page. */
  private slice: Slice | null = null;
  /** Milliseconds of work done in all slices so far. */
  private worked = 0;

  constructor(
    private readonly matcher: Matcher,
    private readonly now: () => number = () => performance.now(),
  ) {}

  /**
   * Walks and matches `root` in slices of a few milliseconds, the top of the page first. On a
   * page long enough that its walk is still going EARLY_RESULTS_MS into the scan,
   * `onEarlyResults` runs once, in a task of its own, after the first slice that ends then with
   * something found: the reader sees the top of the page marked before the rest is done.
   * Resolves after the last slice, without yielding after it.
   */
  async scan(root: Node, yieldToPage: YieldToPage, onEarlyResults?: () => void): Promise<void> {
    await this.serially(async () => {
      await this.scanRoot(root, yieldToPage, onEarlyResults);
      this.endSlice();
    });
  }

  /**
   * Forgets what was found in `roots` and scans them again (a change to the page). Waits for a
   * scan still running. Roots share slices: many small blocks changed at once are rescanned a
   * slice's worth at a time. Resolves with the milliseconds of work done (waiting and the page's
   * turns left out), which is what the page watcher's budget counts.
   */
  rescan(roots: readonly Node[], yieldToPage: YieldToPage): Promise<number> {
    return this.serially(async () => {
      const before = this.worked;
      this.startSlice();
      this.forget(roots);
      for (const root of roots) {
        if (!this.cancelled && root.isConnected) await this.scanRoot(root, yieldToPage);
      }
      this.endSlice();
      return this.worked - before;
    });
  }

  /** Stops any scan at its next slice; this page text is no longer wanted. */
  cancel(): void {
    this.cancelled = true;
  }

  private serially<T>(work: () => Promise<T>): Promise<T> {
    const run = this.queue.then(work);
    this.queue = run.then(
      () => undefined,
      () => undefined,
    );
    return run;
  }

  /** The slice under way, started now if there is none. */
  private startSlice(): Slice {
    if (!this.slice) {
      const started = this.now();
      this.slice = { started, deadline: started + SLICE_MS, walkMs: 0, matchMs: 0 };
    }
    return this.slice;
  }

  /** Records the slice under way as one task, if there is one. */
  private endSlice(): void {
    const slice = this.slice;
    if (!slice) return;
    this.slice = null;
    measure('task', slice.started, taskDetail(slice.walkMs, slice.matchMs));
    this.worked += this.now() - slice.started;
  }

  /**
   * Scans one root in the slice under way and as many more as it needs. Leaves the last slice
   * open (the caller ends it), so that the next root can use the rest of it.
   */
  private async scanRoot(
    root: Node,
    yieldToPage: YieldToPage,
    onEarlyResults?: () => void,
  ): Promise<void> {
    const collector = createTextCollector(root, this.nextOffset);
    const text = collector.result;
    const chunk: Chunk = { root, text, candidates: [] };
    // In place from the start, so early results can be placed while the scan goes on.
    this.chunks.push(chunk);
    const first = this.nextSegment;
    const cursor: MatchCursor = { segment: 0, within: 0, chars: 0 };
    let early = onEarlyResults;
    const began = this.now();
    for (;;) {
      if (this.cancelled) return;
      const slice = this.startSlice();
      const { deadline } = slice;
      let t = this.now();
      let finished = false;
      // A slice carried over from the previous root may have no time left.
      let worked = slice.walkMs + slice.matchMs > 0;
      while (!worked || t < deadline) {
        worked = true;
        if (!collector.done && text.chars - cursor.chars < WALK_AHEAD_CHARS) {
          collector.step(
            () => this.now() >= deadline || text.chars - cursor.chars >= WALK_AHEAD_CHARS,
          );
          const after = this.now();
          slice.walkMs += after - t;
          t = after;
          continue;
        }
        // Sized to take half the time left at the speed timed so far (text and the code's
        // warmth vary: a batch can take twice as long as the last), so that a slice ends near
        // its deadline in a few steps. The first step of a slice is always taken, so that
        // every slice gets something done.
        const budget = this.timed
          ? Math.min(BATCH_CHARS, (deadline - t) / 2 / this.msPerChar)
          : MIN_BATCH_CHARS;
        const batch = nextBatch(text.segments, cursor, budget);
        if (!batch) {
          finished = collector.done;
          break;
        }
        if (slice.matchMs + slice.walkMs > 0) {
          // The matcher's first call also compiles its code (a few milliseconds, whatever the
          // text): it starts a slice of its own. After that, a batch that would overrun waits.
          if (!this.timed || batch.chars * this.msPerChar > deadline - t) break;
        }
        this.match(chunk, first, batch);
        advance(text.segments, cursor, batch);
        const after = this.now();
        this.learnSpeed(after - t, batch.chars);
        slice.matchMs += after - t;
        t = after;
      }
      if (finished) break;
      this.endSlice();
      await yieldToPage();
      if (
        early &&
        !collector.done &&
        chunk.candidates.length > 0 &&
        this.now() - began >= EARLY_RESULTS_MS
      ) {
        // Its own task: a refresh on top of a full slice would double the longest task.
        early();
        early = undefined;
        await yieldToPage();
      }
    }
    this.nextOffset = text.end + 1;
    this.nextSegment += text.segments.length;
    // Matched: the text itself is no longer needed (offsets map to nodes through `starts`).
    text.segments = [];
  }

  private match(chunk: Chunk, first: number, batch: MatchingBatch): void {
    const { keep } = batch;
    for (const c of this.matcher.scanSegments(batch.pieces, first + batch.segment)) {
      if (!keep || (c.start >= keep.from && c.start < keep.to)) chunk.candidates.push(c);
    }
  }

  /** Speeds up as the matcher warms; slows down at once when a batch took longer than thought. */
  private learnSpeed(ms: number, chars: number): void {
    // The first call's time is mostly compiling: it says nothing of the speed to come.
    if (!this.timed) {
      this.timed = true;
      return;
    }
    if (chars < MIN_BATCH_CHARS) return;
    const observed = ms / chars;
    this.msPerChar = observed > this.msPerChar ? observed : (this.msPerChar + observed) / 2;
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
        const at = pieceIndexAt(chunk.text, c.start);
        const piece = at >= 0 ? chunk.text.pieces[at]! : null;
        return !!piece && piece.isConnected && !inRoots(piece);
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

  /**
   * Turns offsets into DOM ranges; mentions whose text has changed since are left out. The text
   * nodes of the pieces mentions fall in are looked up once per piece (per `found`, which calls
   * that place the mentions of one refresh in batches share).
   */
  place(mentions: readonly Mention[], found: PieceCache = new Map()): PlacedMention[] {
    const placed: PlacedMention[] = [];
    const nodesOf = (text: CollectedText, index: number) => {
      const piece = text.pieces[index]!;
      let nodes = found.get(piece);
      if (nodes === undefined) {
        nodes = textNodesOf(text, index);
        found.set(piece, nodes);
      }
      return nodes;
    };
    for (const m of mentions) {
      const chunk = this.chunkAt(m.start);
      if (!chunk) continue;
      const first = pieceIndexAt(chunk.text, m.start);
      const last = first < 0 ? -1 : pieceIndexAt(chunk.text, m.end - 1);
      if (first < 0 || last < first) continue;
      let nodes: Text[] = [];
      let starts: number[] = [];
      for (let i = first; i <= last; i++) {
        const piece = nodesOf(chunk.text, i);
        if (!piece) {
          nodes = [];
          break;
        }
        nodes = i === first ? piece.nodes : nodes.concat(piece.nodes);
        starts = i === first ? piece.starts : starts.concat(piece.starts);
      }
      const from = lastAtOrBefore(starts, m.start);
      const to = lastAtOrBefore(starts, m.end - 1);
      if (!nodes.length || from < 0 || to < from) continue;
      const startNode = nodes[from]!;
      const endNode = nodes[to]!;
      const startOffset = m.start - starts[from]!;
      const endOffset = m.end - starts[to]!;
      if (!startNode.isConnected || !endNode.isConnected) continue;
      if (startOffset >= startNode.length || endOffset > endNode.length) continue;
      placed.push({
        ...m,
        range: new StaticRange({
          startContainer: startNode,
          startOffset,
          endContainer: endNode,
          endOffset,
        }),
        nodes: nodes.slice(from, to + 1),
      });
    }
    return placed;
  }

  private chunkAt(offset: number): Chunk | undefined {
    // Chunks are in the order they were scanned, which is the order of their offsets.
    let lo = 0;
    let hi = this.chunks.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const chunk = this.chunks[mid]!;
      const start = chunk.text.starts[0] ?? chunk.text.end;
      if (offset < start) hi = mid - 1;
      else if (offset >= chunk.text.end) lo = mid + 1;
      else return chunk;
    }
    return undefined;
  }
}

/** The bench's record of one slice: how long it walked and how long it matched (ms). */
function taskDetail(walkMs: number, matchMs: number): Record<string, number> {
  const detail: Record<string, number> = {};
  if (walkMs > 0) detail.walk = walkMs;
  if (matchMs > 0) detail.match = matchMs;
  return detail;
}

/**
 * The next batch from `cursor`: whole segments up to about `chars` characters (at least one), or
 * one piece of a block longer than LONG_BLOCK_CHARS. A long block is cut into stretches, each
 * matched with SEAM_CHARS of text either side and keeping only the candidates that start in its
 * own stretch: a word cut at a piece's edge can only start a candidate outside the stretch, so
 * the result is that of one pass over the whole block. Null when no segment is waiting.
 */
function nextBatch(
  segments: readonly TextSegment[],
  cursor: MatchCursor,
  chars: number,
): MatchingBatch | null {
  let i = cursor.segment;
  if (i >= segments.length) return null;
  const segment = segments[i]!;
  const target = Math.max(MIN_BATCH_CHARS, Math.floor(chars));
  if (segment.text.length > LONG_BLOCK_CHARS) {
    const { text, offset } = segment;
    const from = cursor.within;
    const to = Math.min(text.length, from + Math.min(PIECE_CHARS, target));
    const lo = Math.max(0, from - SEAM_CHARS);
    return {
      pieces: [{ text: text.slice(lo, to + SEAM_CHARS), offset: offset + lo }],
      segment: i,
      keep: { from: offset + from, to: offset + to },
      chars: to - from,
    };
  }
  let total = segment.text.length;
  i++;
  while (i < segments.length) {
    const length = segments[i]!.text.length;
    if (length > LONG_BLOCK_CHARS || total + length > target) break;
    total += length;
    i++;
  }
  return { pieces: segments.slice(cursor.segment, i), segment: cursor.segment, chars: total };
}

function advance(
  segments: readonly TextSegment[],
  cursor: MatchCursor,
  batch: MatchingBatch,
): void {
  cursor.chars += batch.chars;
  if (batch.keep) {
    const segment = segments[cursor.segment]!;
    cursor.within = batch.keep.to - segment.offset;
    if (cursor.within >= segment.text.length) {
      cursor.segment++;
      cursor.within = 0;
    }
  } else {
    cursor.segment += batch.pieces.length;
  }
}

/** The index of the last of the increasing `starts` at or before `at`, or -1. */
function lastAtOrBefore(starts: readonly number[], at: number): number {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (starts[mid]! <= at) lo = mid + 1;
    else hi = mid - 1;
  }
  return hi;
}
