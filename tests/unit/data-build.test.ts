/**
 * The data build refuses a bad dataset and says exactly where the problem is: one small invalid
 * fixture per rule under tests/fixtures/data-invalid/<case>/, each proving its message names the
 * file, the entry and the field.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadDatasetFiles } from '../../scripts/build-data.ts';
import { compileDataset } from '../../utils/dataset/compile.ts';
import { formatProblem } from '../../utils/dataset/problems.ts';
import { splitSentences } from '../../utils/dataset/sentences.ts';
import { compileMatcherIndex, createMatcher } from '../../utils/matcher.ts';
import { normalize } from '../../utils/normalize.ts';

const FIXTURES = 'tests/fixtures/data-invalid';

function problemsOf(fixture: string): string[] {
  const outcome = compileDataset(loadDatasetFiles(join(FIXTURES, fixture)), {
    createMatcher,
    aliasKey: normalize,
    compileMatcherIndex,
  });
  expect(outcome.index).toBeUndefined();
  return outcome.problems.map(formatProblem);
}

const entryFile = (fixture: string, id: string): string =>
  `${FIXTURES}/${fixture}/entries/${id}.json`;

describe('an invalid dataset is refused with the file, entry and field named', () => {
  const cases: Array<{
    fixture: string;
    file: string;
    entry: string;
    field: string;
    says: RegExp;
  }> = [
    {
      fixture: 'unknown-field',
      file: entryFile('unknown-field', 'stephen-biegun'),
      entry: 'stephen-biegun',
      field: 'nickname',
      says: /unknown field/,
    },
    {
      fixture: 'general-not-boolean',
      file: entryFile('general-not-boolean', 'stephen-biegun'),
      entry: 'stephen-biegun',
      field: 'general',
      says: /must be true or false/,
    },
    {
      fixture: 'missing-summary',
      file: entryFile('missing-summary', 'stephen-biegun'),
      entry: 'stephen-biegun',
      field: 'summary',
      says: /missing/,
    },
    {
      fixture: 'duplicate-id',
      file: entryFile('duplicate-id', 'steve-biegun'),
      entry: 'stephen-biegun',
      field: 'id',
      says: /duplicate id: .*stephen-biegun\.json has it too/,
    },
    {
      fixture: 'alias-claimed-twice',
      file: entryFile('alias-claimed-twice', 'stephen-biegun'),
      entry: 'stephen-biegun',
      field: 'aliases[0]',
      says: /"Biegun" is also claimed by entry "biegun-family".*"ambiguous": true/,
    },
    {
      fixture: 'unknown-related',
      file: entryFile('unknown-related', 'stephen-biegun'),
      entry: 'stephen-biegun',
      field: 'related[0]',
      says: /no entry has the id "mike-pompeo"/,
    },
    {
      fixture: 'pin-not-verbatim',
      file: entryFile('pin-not-verbatim', 'stephen-biegun'),
      entry: 'stephen-biegun',
      field: 'pin',
      says: /not verbatim in any source/,
    },
    {
      fixture: 'named-without-context',
      file: entryFile('named-without-context', 'hanoi-summit'),
      entry: 'hanoi-summit',
      field: 'namedIn[0]',
      says: /source "mini" names this entry, but no sentence of it matches/,
    },
    {
      fixture: 'source-unknown-field',
      file: `${FIXTURES}/source-unknown-field/sources/mini.md`,
      entry: 'mini',
      field: 'url',
      says: /unknown field/,
    },
  ];

  it.each(cases)('$fixture', ({ fixture, file, entry, field, says }) => {
    const problems = problemsOf(fixture);
    const prefix = `${file}: entry "${entry}", field "${field}": `;
    const match = problems.find((line) => line.startsWith(prefix));
    expect(
      match,
      `expected a problem starting ${prefix}\ngot:\n${problems.join('\n')}`,
    ).toBeDefined();
    expect(match?.slice(prefix.length)).toMatch(says);
  });

  it('gives the same problems whatever order the files come in', () => {
    const files = loadDatasetFiles(join(FIXTURES, 'duplicate-id'));
    const tools = { createMatcher, aliasKey: normalize, compileMatcherIndex };
    const forward = compileDataset(files, tools).problems;
    const reversed = compileDataset(
      { sources: [...files.sources].reverse(), entries: [...files.entries].reverse() },
      tools,
    ).problems;
    expect(reversed).toEqual(forward);
  });
});

describe('a valid dataset of several sources', () => {
  const outcome = compileDataset(loadDatasetFiles('tests/fixtures/data-valid'), {
    createMatcher,
    aliasKey: normalize,
    compileMatcherIndex,
  });
  const entry = (id: string) => outcome.index?.entries.find((e) => e.id === id);

  it('compiles with no code change for the added source', () => {
    expect(outcome.problems.map(formatProblem)).toEqual([]);
    expect(outcome.index?.sources.map((source) => [source.id, source.title])).toEqual([
      ['envoys-meet', 'Envoys Meet Again'],
      ['launch-site', 'Rebuilding at Sohae: What the Imagery Shows'],
    ]);
  });

  it('quotes each entry from the source that names it, with paragraph and marked words', () => {
    expect(entry('sohae-satellite-launching-station')?.contexts).toEqual([
      {
        source: 'launch-site',
        paragraph: 1,
        text: 'Imagery showed new work at Sohae.',
        marks: [[27, 32]],
      },
    ]);
    const biegun = entry('stephen-biegun')?.contexts.map((c) => [c.text, c.marks]);
    expect(biegun).toEqual([
      ['Stephen Biegun said the talks would go on.', [[0, 14]]],
      ['Biegun did not say when.', [[0, 6]]],
    ]);
  });

  it('tells the card what to say about an entry no source mentions', () => {
    expect(entry('yongbyon')?.contexts).toEqual([]);
    expect(entry('yongbyon')?.absentNote).toBe(
      'Not mentioned in the articles; see Sohae Satellite Launching Station.',
    );
  });
});

describe('npm run data', () => {
  const tsx = join('node_modules', '.bin', 'tsx');
  const run = (...args: string[]) =>
    spawnSync(tsx, ['scripts/build-data.ts', ...args], { encoding: 'utf8' });

  it('lists every problem, writes nothing and exits with code 1', () => {
    const out = join(mkdtempSync(join(tmpdir(), 'factlens-data-')), 'index.json');
    const result = run('--dir', join(FIXTURES, 'several-problems'), '--out', out);
    expect(result.status).toBe(1);
    const file = entryFile('several-problems', 'stephen-biegun');
    expect(result.stderr).toContain(
      `${file}: entry "stephen-biegun", field "category": must be one of`,
    );
    expect(result.stderr).toContain(`${file}: entry "stephen-biegun", field "summary": missing`);
    expect(result.stderr).toContain(
      `${file}: entry "stephen-biegun", field "related": an entry cannot be related to itself`,
    );
    expect(result.stderr).toContain('3 problem(s); nothing written.');
    expect(existsSync(out)).toBe(false);
  });

  it('writes the compiled index and reports its size and gzip size in one line', () => {
    const out = join(mkdtempSync(join(tmpdir(), 'factlens-data-')), 'index.json');
    const result = run('--out', out);
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout.trim()).toMatch(
      /^data: \d+ entries .* → .*index\.json: [\d.]+ KB \([\d.]+ KB gzip\)$/,
    );
    const written = JSON.parse(readFileSync(out, 'utf8')) as {
      version: number;
      entries: unknown[];
    };
    expect(written.version).toBe(1);
    expect(written.entries.length).toBeGreaterThan(40);
  });
});

describe('sentences quoted on cards are whole sentences', () => {
  const texts = (body: string) => splitSentences(body).map((sentence) => sentence.text);

  it('does not break after titles, initials or dotted abbreviations', () => {
    expect(texts('Dr. John Hemmings is based in London. He writes on Asia.')).toEqual([
      'Dr. John Hemmings is based in London.',
      'He writes on Asia.',
    ]);
    expect(texts('The U.S. Senate met. Joseph S. Bermudez spoke.')).toEqual([
      'The U.S. Senate met.',
      'Joseph S. Bermudez spoke.',
    ]);
  });

  it('ends a sentence after a closing quote and keeps a question inside one', () => {
    expect(texts('Two questions: “what went wrong?” and “what next?” In answer, we wait.')).toEqual(
      ['Two questions: “what went wrong?” and “what next?”', 'In answer, we wait.'],
    );
  });

  it('numbers paragraphs by non-blank lines and keeps offsets into the body', () => {
    const body = 'Title line\n\nFirst paragraph. Second sentence.\nLast one.';
    const sentences = splitSentences(body);
    expect(sentences.map((s) => [s.paragraph, s.text])).toEqual([
      [1, 'Title line'],
      [2, 'First paragraph.'],
      [2, 'Second sentence.'],
      [3, 'Last one.'],
    ]);
    for (const s of sentences) expect(body.slice(s.start, s.start + s.text.length)).toBe(s.text);
  });
});
