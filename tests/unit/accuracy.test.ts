/**
 * Precision and recall of the matcher with the real dataset over a labelled set of news-style
 * pages (tests/fixtures/accuracy/README.md): on-topic pages with every kind of spelling and typo,
 * off-topic pages full of confusable words. Fails below precision 0.97 or recall 0.95.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { INDEX } from '../../data/index.ts';
import { textSegments } from '../../scripts/scan.ts';
import { createMatcher } from '../../utils/matcher.ts';
import type { Mention } from '../../utils/types.ts';

const DIRECTORY = join(import.meta.dirname, '../fixtures/accuracy');
const MIN_PRECISION = 0.97;
const MIN_RECALL = 0.95;

interface Label {
  id: string;
  start: number;
  end: number;
  text: string;
}

interface LabelledPage {
  file: string;
  text: string;
  labels: Label[];
}

/** Strips `[[surface|entry-id]]` markup, keeping where each labelled surface ends up. */
function parsePage(file: string, marked: string): LabelledPage {
  const labels: Label[] = [];
  let text = '';
  let last = 0;
  for (const found of marked.matchAll(/\[\[([^|\]]+)\|([a-z0-9-]+)\]\]/g)) {
    text += marked.slice(last, found.index);
    const surface = found[1]!;
    labels.push({
      id: found[2]!,
      start: text.length,
      end: text.length + surface.length,
      text: surface,
    });
    text += surface;
    last = found.index + found[0].length;
  }
  return { file, text: text + marked.slice(last), labels };
}

const pages = readdirSync(DIRECTORY)
  .filter((name) => name.endsWith('.txt'))
  .sort()
  .map((name) => parsePage(name, readFileSync(join(DIRECTORY, name), 'utf8')));

interface Score {
  truePositives: number;
  falsePositives: Array<{ file: string; mention: Mention }>;
  falseNegatives: Array<{ file: string; label: Label }>;
}

/** A mention is right when it overlaps a label of the same entry; each label counts once. */
function score(): Score {
  const matcher = createMatcher(INDEX.entries);
  const result: Score = { truePositives: 0, falsePositives: [], falseNegatives: [] };
  for (const page of pages) {
    const { mentions } = matcher.findMentions(textSegments(page.text));
    const unmatched = new Set(page.labels);
    for (const mention of mentions) {
      const label = [...unmatched].find(
        (l) => l.id === mention.id && l.start < mention.end && mention.start < l.end,
      );
      if (label) {
        unmatched.delete(label);
        result.truePositives++;
      } else result.falsePositives.push({ file: page.file, mention });
    }
    for (const label of unmatched) result.falseNegatives.push({ file: page.file, label });
  }
  return result;
}

describe('accuracy on the labelled set', () => {
  it('has at least 30 pages, on topic and off, labelled with real entry ids', () => {
    expect(pages.length).toBeGreaterThanOrEqual(30);
    expect(pages.filter((page) => page.file.startsWith('on-')).length).toBeGreaterThanOrEqual(15);
    expect(pages.filter((page) => page.file.startsWith('off-')).length).toBeGreaterThanOrEqual(10);
    const ids = new Set(INDEX.entries.map((entry) => entry.id));
    const unknown = pages.flatMap((page) => page.labels.filter((label) => !ids.has(label.id)));
    expect(unknown).toEqual([]);
  });

  it(`reaches precision ≥ ${MIN_PRECISION} and recall ≥ ${MIN_RECALL}`, () => {
    const { truePositives, falsePositives, falseNegatives } = score();
    const precision = truePositives / (truePositives + falsePositives.length);
    const recall = truePositives / (truePositives + falseNegatives.length);
    const lines = [
      `accuracy: precision ${precision.toFixed(3)}, recall ${recall.toFixed(3)} ` +
        `(${truePositives} right, ${falsePositives.length} wrong, ${falseNegatives.length} missed; ${pages.length} pages)`,
      ...falsePositives.map(
        ({ file, mention }) =>
          `  wrong   ${file}: "${mention.text}" as ${mention.id} (${mention.kind})`,
      ),
      ...falseNegatives.map(
        ({ file, label }) => `  missed  ${file}: "${label.text}" (${label.id})`,
      ),
    ];
    console.log(lines.join('\n'));
    expect(precision).toBeGreaterThanOrEqual(MIN_PRECISION);
    expect(recall).toBeGreaterThanOrEqual(MIN_RECALL);
  });
});
