/**
 * One traced page load (CDP Tracing), read for two things the page's own marks cannot show:
 * - the real length of the main-thread tasks FactLens works in (a task may hold a walk slice
 *   and a match slice back to back, plus microtasks and garbage collection);
 * - forced layout: every Layout or UpdateLayoutTree (style recalc) event on the page's main thread
 *   inside a FactLens span (registration, work slices, hit-tests) was forced by FactLens' code,
 *   since the browser's own rendering runs in frames outside those spans.
 */
import type { CDPSession } from 'playwright-core';

interface TraceEvent {
  name: string;
  cat: string;
  ph: string;
  ts: number;
  dur?: number;
  pid: number;
  tid: number;
  id2?: { local?: string };
  id?: string;
  args?: { startTime?: number };
}

const CATEGORIES = ['toplevel', 'blink.user_timing', 'devtools.timeline', 'v8.execute'];
const LAYOUT_EVENTS = new Set(['Layout', 'UpdateLayoutTree']);

/** Starts tracing; the returned function ends it and returns the events. */
export async function startTrace(cdp: CDPSession): Promise<() => Promise<TraceEvent[]>> {
  const events: TraceEvent[] = [];
  // The protocol types trace events as string maps; they are Chromium's trace event objects.
  const onData = (e: { value: Array<Record<string, unknown>> }) =>
    void events.push(...(e.value as unknown as TraceEvent[]));
  cdp.on('Tracing.dataCollected', onData);
  await cdp.send('Tracing.start', {
    traceConfig: { includedCategories: CATEGORIES, recordMode: 'recordAsMuchAsPossible' },
    transferMode: 'ReportEvents',
  });
  return async () => {
    const complete = new Promise<void>((resolve) =>
      cdp.once('Tracing.tracingComplete', () => resolve()),
    );
    await cdp.send('Tracing.end');
    await complete;
    cdp.off('Tracing.dataCollected', onData);
    return events;
  };
}

export interface TraceFindings {
  /**
   * Longest top-level main-thread slice holding FactLens' scanning work (start-up, walk, match,
   * refresh, registration), in ms, and what it held.
   */
  longestTaskMs: number;
  longestTaskHeld: string;
  /** The task that evaluated the content script and built its index (document_idle). */
  startupTaskMs: number;
  /** Layout / style recalc events inside FactLens spans, by span name. */
  forced: Record<string, { layouts: number; spans: number }>;
}

interface Interval {
  name: string;
  /** The measure's startTime on the page's timeline. */
  start: number;
  from: number;
  to: number;
}

/**
 * `describe(name, startTime)` names a span for the report (e.g. a task's walk or match detail,
 * which the trace does not carry); the span's name otherwise.
 */
export function analyseTrace(
  events: readonly TraceEvent[],
  describe: (name: string, start: number) => string = (name) => name,
): TraceFindings {
  const opened = new Map<string, TraceEvent>();
  const spans: Interval[] = [];
  let main: { pid: number; tid: number } | undefined;
  for (const e of events) {
    if (!e.cat.includes('blink.user_timing') || !e.name.startsWith('factlens:')) continue;
    const key = `${e.name}/${e.id2?.local ?? e.id ?? ''}`;
    if (e.ph === 'b') opened.set(key, e);
    else if (e.ph === 'e') {
      const begin = opened.get(key);
      if (!begin) continue;
      opened.delete(key);
      main ??= { pid: begin.pid, tid: begin.tid };
      spans.push({
        name: e.name.slice('factlens:'.length),
        start: begin.args?.startTime ?? Number.NaN,
        from: begin.ts,
        to: e.ts,
      });
    }
  }
  if (!main) throw new Error('The trace holds no FactLens measures.');
  const onMain = events
    .filter((e) => e.ph === 'X' && e.pid === main.pid && e.tid === main.tid && e.dur !== undefined)
    .sort((a, b) => a.ts - b.ts || b.dur! - a.dur!);

  // Top-level slices: not nested in an earlier one.
  const topLevel: TraceEvent[] = [];
  let until = -Infinity;
  for (const e of onMain) {
    if (e.ts >= until) {
      topLevel.push(e);
      until = e.ts + e.dur!;
    }
  }
  const work = spans.filter((s) => s.name !== 'scan');
  // A hit-test runs inside a frame's task, with the browser's own rendering of that frame.
  const scanWork = work.filter((s) => s.name !== 'hit-test');
  let longestTaskMs = 0;
  let longestTaskHeld = '';
  let startupTaskMs = Number.NaN;
  for (const slice of topLevel) {
    const end = slice.ts + slice.dur!;
    const held = scanWork.filter((s) => s.from >= slice.ts && s.to <= end);
    if (held.some((s) => s.name === 'index-build')) startupTaskMs = slice.dur! / 1000;
    if (!held.length || slice.dur! / 1000 <= longestTaskMs) continue;
    longestTaskMs = slice.dur! / 1000;
    const counts = new Map<string, number>();
    for (const s of held) {
      const label = describe(s.name, s.start);
      counts.set(label, (counts.get(label) ?? 0) + 1);
    }
    longestTaskHeld = [...counts]
      .map(([label, n]) => (n > 1 ? `${n}× ${label}` : label))
      .join(' + ');
  }

  const forced: TraceFindings['forced'] = {};
  const layouts = onMain.filter((e) => LAYOUT_EVENTS.has(e.name));
  for (const s of work) {
    const entry = (forced[s.name] ??= { layouts: 0, spans: 0 });
    entry.spans++;
    entry.layouts += layouts.filter((e) => e.ts >= s.from && e.ts + e.dur! <= s.to).length;
  }
  return { longestTaskMs, longestTaskHeld, startupTaskMs, forced };
}
