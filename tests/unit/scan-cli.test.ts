/**
 * `npm run scan`, run as a reader would run it: on a saved page and on a text file, as a table
 * and as JSON for `jq`, and on files that are not there.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '../..');
const FIXTURES = join(ROOT, 'tests/fixtures/scan');
const TSX = join(ROOT, 'node_modules/.bin/tsx');

function scan(...args: string[]) {
  const run = spawnSync(TSX, ['scripts/scan.ts', ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

interface ScanJson {
  mentions: Array<Record<string, unknown>>;
  summary: { onTopic: boolean; entries: Array<{ id: string; name: string; count: number }> };
}

describe('npm run scan', { timeout: 30_000 }, () => {
  it('prints only JSON on stdout with --json, mentions in the contract shape', () => {
    const { code, stdout, stderr } = scan(join(FIXTURES, 'article.html'), '--json');
    expect(code).toBe(0);
    const result = JSON.parse(stdout) as ScanJson;
    expect(Object.keys(result)).toEqual(['mentions', 'summary']);
    for (const mention of result.mentions) {
      expect(Object.keys(mention)).toEqual(['id', 'name', 'text', 'kind', 'start', 'end']);
      expect(['exact', 'alias', 'fuzzy', 'coreference']).toContain(mention.kind);
    }
    expect(result.summary.onTopic).toBe(true);
    expect(stderr).toMatch(/mentions in \d+ ms/);
  });

  it('reads a saved page as the content script does', () => {
    const { mentions } = JSON.parse(
      scan(join(FIXTURES, 'article.html'), '--json').stdout,
    ) as ScanJson;
    const texts = mentions.map((m) => `${String(m.text)} → ${String(m.id)}`);
    // A name split by inline tags or a <br> still matches.
    expect(texts).toContain('Steve Biegun → stephen-biegun');
    expect(texts).toContain('Joseph\nBermudez → joseph-bermudez');
    expect(texts).toContain('Cha → victor-cha');
    // Nothing from the head, scripts, styles, code, form fields or hidden text.
    for (const id of ['kim-jong-un', 'mike-pompeo', 'choe-son-hui']) {
      expect(mentions.map((m) => m.id)).not.toContain(id);
    }
    expect(mentions.filter((m) => m.id === 'stephen-biegun')).toHaveLength(1);
  });

  it('scans a text file by paragraphs, with offsets into the file', () => {
    const file = join(FIXTURES, 'article.txt');
    const text = readFileSync(file, 'utf8');
    const { mentions } = JSON.parse(scan(file, '--json').stdout) as ScanJson;
    expect(mentions.length).toBeGreaterThan(5);
    for (const m of mentions) expect(text.slice(Number(m.start), Number(m.end))).toBe(m.text);
    expect(mentions.map((m) => m.text)).not.toContain('Kim');
  });

  it('prints a readable table without --json', () => {
    const { code, stdout } = scan(join(FIXTURES, 'article.txt'));
    expect(code).toBe(0);
    expect(stdout).toMatch(/^OFFSETS\s+KIND\s+ENTRY\s+TEXT ON THE PAGE/);
    expect(stdout).toMatch(/exact\s+Stephen Biegun\s+"Stephen Biegun"/);
    expect(stdout).toMatch(/on topic\./);
    expect(scan(join(FIXTURES, 'no-mentions.txt')).stdout).toMatch(/^No mentions\./);
  });

  it('fails with one line and exit code 1 on a missing or unreadable file', () => {
    for (const path of [join(FIXTURES, 'missing.html'), FIXTURES]) {
      const { code, stdout, stderr } = scan(path, '--json');
      expect(code).toBe(1);
      expect(stdout).toBe('');
      expect(stderr.trim().split('\n')).toHaveLength(1);
      expect(stderr).toContain(path);
    }
  });

  it('explains its usage when called without a file', () => {
    const { code, stderr } = scan();
    expect(code).toBe(1);
    expect(stderr.trim()).toBe('scan: usage: npm run scan -- <file.html|file.txt> [--json]');
  });
});
