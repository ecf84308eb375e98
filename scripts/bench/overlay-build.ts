/**
 * The builds the overlay bench needs: the instrumented one (FACTLENS_BENCH=1, its own folder),
 * rebuilt when missing or older than the sources, and the reader's build, whose content script
 * is weighed (built only when missing: other work may be using .output/chrome-mv3).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { CHROME_BUILD, ROOT } from '../lib/paths.ts';

export const BENCH_BUILD = join(ROOT, '.output/chrome-mv3-bench');

/** What goes into a build. */
const SOURCES = [
  'entrypoints',
  'components',
  'utils',
  'data',
  'public',
  'assets',
  'wxt.config.ts',
  'package.json',
  'package-lock.json',
];

function newestMtime(path: string): number {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const name of readdirSync(path)) newest = Math.max(newest, newestMtime(join(path, name)));
  return newest;
}

const sourcesMtime = () => Math.max(...SOURCES.map((p) => newestMtime(join(ROOT, p))));

function isStale(buildDir: string): boolean {
  const manifest = join(buildDir, 'manifest.json');
  return !existsSync(manifest) || statSync(manifest).mtimeMs < sourcesMtime();
}

function wxtBuild(env: Record<string, string>): void {
  const run = spawnSync(join(ROOT, 'node_modules/.bin/wxt'), ['build'], {
    cwd: ROOT,
    env: { ...process.env, ...env },
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  if (run.status !== 0) {
    const output = `${run.stdout}\n${run.stderr}`.trim().split('\n').slice(-20).join('\n');
    throw new Error(`wxt build failed (exit ${run.status ?? run.signal}):\n${output}`);
  }
}

/** Makes sure .output/chrome-mv3-bench is current; true when it had to be built. */
export function ensureBenchBuild(log: (line: string) => void): boolean {
  if (!isStale(BENCH_BUILD)) return false;
  log('overlay: building the instrumented extension (FACTLENS_BENCH=1 wxt build)…');
  wxtBuild({ FACTLENS_BENCH: '1' });
  return true;
}

export interface ScriptSize {
  raw: number;
  gzip: number;
  css: number;
  /** The reader's build is older than the sources (run `npm run build` for a current figure). */
  stale: boolean;
  /** The same script in the instrumented build, always current. */
  benchRaw: number;
}

const fileSize = (path: string) => (existsSync(path) ? statSync(path).size : 0);

/** The reader's content script: raw bytes and gzip (level 9) of content.js, and its CSS. */
export function contentScriptSize(log: (line: string) => void): ScriptSize {
  const script = join(CHROME_BUILD, 'content-scripts/content.js');
  if (!existsSync(script)) {
    log('overlay: building the extension (wxt build) to weigh its content script…');
    wxtBuild({ FACTLENS_BENCH: '' });
  }
  const bytes = readFileSync(script);
  return {
    raw: bytes.length,
    gzip: gzipSync(bytes, { level: 9 }).length,
    css: fileSize(join(CHROME_BUILD, 'content-scripts/content.css')),
    stale: isStale(CHROME_BUILD),
    benchRaw: fileSize(join(BENCH_BUILD, 'content-scripts/content.js')),
  };
}
