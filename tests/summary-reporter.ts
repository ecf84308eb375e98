import type { Reporter, TestModule } from 'vitest/node';

/**
 * Ends the run with one plain line per project and a total, "N passed, N failed", which CI reads
 * whatever the runner. Skipped tests are counted too, so none can hide.
 */
export default class SummaryReporter implements Reporter {
  onTestRunEnd(modules: ReadonlyArray<TestModule>): void {
    const byProject = new Map<string, { passed: number; failed: number; skipped: number }>();
    for (const mod of modules) {
      const name = mod.project.name || 'tests';
      const counts = byProject.get(name) ?? { passed: 0, failed: 0, skipped: 0 };
      for (const test of mod.children.allTests()) {
        const state = test.result().state;
        if (state === 'passed') counts.passed++;
        else if (state === 'failed') counts.failed++;
        else counts.skipped++;
      }
      // A file that failed to load has no tests but must still fail the count.
      if (mod.state() === 'failed' && ![...mod.children.allTests()].length) counts.failed++;
      byProject.set(name, counts);
    }
    const total = { passed: 0, failed: 0, skipped: 0 };
    const line = (c: typeof total) =>
      `${c.passed} passed, ${c.failed} failed${c.skipped ? `, ${c.skipped} skipped` : ''}`;
    for (const [name, c] of [...byProject].sort()) {
      console.log(`${name}: ${line(c)}`);
      total.passed += c.passed;
      total.failed += c.failed;
      total.skipped += c.skipped;
    }
    console.log(`total: ${line(total)}`);
  }
}
