import type { CdpSession } from '../../../scripts/lib/drivers.ts';

/**
 * Chromium's own account of FactLens' cost on a tab, over the DevTools protocol: the main-thread
 * tasks its content script ran (from a performance trace) and the heap and DOM nodes left after
 * garbage collection. Firefox has no such protocol; its suites measure from the page instead.
 */

interface TraceEvent {
  name: string;
  ph: string;
  pid: number;
  tid: number;
  ts: number;
  dur?: number;
  /** Time the thread was on a CPU: unlike `dur`, not stretched when the machine is busy. */
  tdur?: number;
  args?: { name?: string; data?: { url?: string } };
}

export interface TaskFigures {
  /**
   * Longest task that ran FactLens' content script, apart from its first evaluation (CPU ms:
   * these machines share two cores with other work, which stretches wall-clock durations).
   */
  longestTaskMs: number;
  /** The task that first evaluated the content script: compile and index build (ms). */
  startupTaskMs: number;
  /** FactLens' tasks in the trace, and their total time (ms). */
  tasks: number;
  totalMs: number;
}

const CONTENT_SCRIPT = /-extension:\/\/[^/]+\/content-scripts\//;

/** Starts a trace; `stop()` ends it and measures FactLens' tasks in it. */
export async function startTrace(cdp: CdpSession): Promise<{ stop(): Promise<TaskFigures> }> {
  const events: TraceEvent[] = [];
  cdp.on('Tracing.dataCollected', (p) => events.push(...(p as { value: TraceEvent[] }).value));
  await cdp.send('Tracing.start', {
    traceConfig: {
      includedCategories: ['toplevel', 'devtools.timeline'],
      excludedCategories: ['*'],
    },
    transferMode: 'ReportEvents',
  });
  return {
    async stop() {
      const complete = new Promise<void>((resolve) =>
        cdp.on('Tracing.tracingComplete', () => resolve()),
      );
      await cdp.send('Tracing.end');
      await complete;
      return taskFigures(events);
    },
  };
}

function taskFigures(events: TraceEvent[]): TaskFigures {
  const mainThreads = new Set(
    events
      .filter((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain')
      .map((e) => `${e.pid}:${e.tid}`),
  );
  const onMain = events
    .filter((e) => e.ph === 'X' && e.dur !== undefined && mainThreads.has(`${e.pid}:${e.tid}`))
    .sort((a, b) => a.ts - b.ts || b.dur! - a.dur!);
  // Top-level tasks, each marked with whether FactLens' script ran inside it.
  const tasks: Array<{ dur: number; ours: boolean; startup: boolean }> = [];
  let end = -1;
  for (const e of onMain) {
    const ours = CONTENT_SCRIPT.test(e.args?.data?.url ?? '');
    if (e.ts >= end) {
      const cpu = Math.min(e.tdur ?? e.dur!, e.dur!);
      tasks.push({ dur: cpu / 1000, ours, startup: ours && e.name === 'EvaluateScript' });
      end = e.ts + e.dur!;
    } else if (ours) {
      const task = tasks[tasks.length - 1]!;
      task.ours = true;
      if (e.name === 'EvaluateScript') task.startup = true;
    }
  }
  const ours = tasks.filter((t) => t.ours);
  const scan = ours.filter((t) => !t.startup).map((t) => t.dur);
  return {
    longestTaskMs: round(Math.max(0, ...scan)),
    startupTaskMs: round(Math.max(0, ...ours.filter((t) => t.startup).map((t) => t.dur))),
    tasks: ours.length,
    totalMs: round(ours.reduce((sum, t) => sum + t.dur, 0)),
  };
}

export interface Memory {
  heapBytes: number;
  nodes: number;
  documents: number;
}

/** JS heap and live DOM nodes of the tab's renderer after two full garbage collections. */
export async function memoryAfterGc(cdp: CdpSession): Promise<Memory> {
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('HeapProfiler.collectGarbage');
  const heap = await cdp.send<{ usedSize: number }>('Runtime.getHeapUsage');
  const counters = await cdp.send<{ nodes: number; documents: number }>('Memory.getDOMCounters');
  return { heapBytes: heap.usedSize, nodes: counters.nodes, documents: counters.documents };
}

const round = (ms: number) => Math.round(ms * 10) / 10;
