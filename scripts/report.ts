/**
 * `npm run report`: FactLens' reliability report.
 *
 * The hostile and real-world end-to-end suites (tests/e2e/hostile, tests/e2e/real-world.test.ts)
 * record what they measure in test-results/reliability/ whenever they run, in `npm test` too.
 * This prints those records with the bundle audit of .output/. With `--run` (or when there are
 * no records yet) it first builds and runs those suites; their own output goes to
 * test-results/reliability/vitest.log. Exits non-zero when a fixture failed or the audit found
 * something.
 *
 *   npm run report            the last results (and the audit of the current build)
 *   npm run report -- --run   build, run the fixtures in both browsers (~3 min), then report
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, openSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { RELIABILITY_DIR } from '../tests/e2e/hostile/ledger.ts';
import { ROOT } from './lib/paths.ts';
import { auditBuild } from './report/bundle-audit.ts';
import { formatReport, loadRecords } from './report/reliability.ts';

function run(command: string, args: string[], log: number): boolean {
  const result = spawnSync(command, args, { cwd: ROOT, stdio: ['ignore', log, log] });
  return result.status === 0;
}

function runFixtures(): void {
  rmSync(RELIABILITY_DIR, { recursive: true, force: true });
  mkdirSync(RELIABILITY_DIR, { recursive: true });
  const logPath = join(RELIABILITY_DIR, 'vitest.log');
  const log = openSync(logPath, 'w');
  console.error(`Building and running the hostile and real-world fixtures (log: ${logPath})…`);
  if (!run('npm', ['run', '-s', 'build'], log)) throw new Error(`The build failed: see ${logPath}`);
  const suites = ['tests/e2e/hostile', 'tests/e2e/real-world.test.ts'];
  // Failing fixtures are part of the report; the exit code below says so.
  run('npx', ['vitest', 'run', '--project', 'e2e', ...suites], log);
}

const args = process.argv.slice(2);
if (args.includes('--run') || !loadRecords(RELIABILITY_DIR).records.length) runFixtures();

const loaded = loadRecords(RELIABILITY_DIR);
const lines = formatReport(loaded);

lines.push('', 'Bundle audit (.output)');
let auditFindings = 0;
for (const build of ['chrome-mv3', 'firefox-mv3']) {
  try {
    const a = auditBuild(join(ROOT, '.output', build));
    auditFindings += a.findings.length;
    lines.push(
      `  ${build.padEnd(12)} ${a.files} files, ${a.findings.length} findings; permissions ${a.permissions.join(', ')}; ` +
        `hosts ${a.hostPermissions.join(', ')}; web-accessible resources ${a.webAccessibleResources}`,
    );
    for (const f of a.findings) lines.push(`    ✗ ${f.file}: ${f.what} — ${f.excerpt}`);
  } catch (error) {
    auditFindings++;
    lines.push(`  ${build.padEnd(12)} ${(error as Error).message}`);
  }
}
console.log(lines.join('\n'));

const failed = loaded.records.filter((r) => !r.passed).length;
process.exitCode = failed || auditFindings || !loaded.records.length ? 1 : 0;
