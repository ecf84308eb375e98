/**
 * The one normalisation: every way a page may write a name folds to the same words, and each
 * word still knows where it sits in the original text.
 */
import { describe, expect, it } from 'vitest';
import { Vocabulary } from '../../utils/matcher/vocabulary.ts';
import {
  KEY_MASK,
  normalize,
  normalizedWords,
  scanWords,
  WordBuffer,
  wordForm,
} from '../../utils/normalize.ts';

describe('normalize', () => {
  it('folds case and diacritics, including McCune–Reischauer romanisation', () => {
    expect(normalize('Joseph BERMÚDEZ')).toBe('joseph bermudez');
    expect(normalize("P'yŏngyang")).toBe('pyongyang');
    expect(normalize('Ch’oe Sŏn-hŭi')).toBe('choe son hui');
    // A diacritic typed as a combining mark folds the same as a precomposed one.
    expect(normalize('Bermu\u0301dez')).toBe(normalize('Bermúdez'));
  });

  it('treats every dash and hyphen as a word gap', () => {
    const spellings = [
      'Kim Jong-un',
      'Kim Jong‐un',
      'Kim Jong‑un',
      'Kim Jong–un',
      'Kim Jong—un',
      'Kim Jong−un',
      'Kim Jong Un',
    ];
    for (const spelling of spellings) expect(normalize(spelling)).toBe('kim jong un');
  });

  it('drops possessives with straight, curly and modifier apostrophes', () => {
    for (const apostrophe of ["'", '’', 'ʼ']) {
      expect(normalize(`Kim Jong-un${apostrophe}s unwillingness`)).toBe(
        'kim jong un unwillingness',
      );
      expect(normalize(`the United States${apostrophe} position`)).toBe(
        'the united states position',
      );
    }
  });

  it('reads whitespace and line breaks of any kind as one space', () => {
    expect(normalize('Stephen\n  Biegun')).toBe('stephen biegun');
    expect(normalize('Stephen\u00a0Biegun')).toBe('stephen biegun');
    expect(normalize('  Stephen\t\r\nBiegun  ')).toBe('stephen biegun');
  });

  it('ignores soft hyphens and zero-width characters inside a word', () => {
    expect(normalize('Bie\u00adgun')).toBe('biegun');
    expect(normalize('denuclear\u200bization')).toBe('denuclearization');
  });

  it('joins dotted abbreviations and drops punctuation', () => {
    expect(normalize('U.S.-North Korea')).toBe('us north korea');
    expect(normalize('“go big,” he said.')).toBe('go big he said');
  });

  it('keeps Korean script whole', () => {
    expect(normalize('김정은 위원장')).toBe('김정은 위원장');
  });

  it('expands compatibility characters', () => {
    expect(normalize('ﬁnal, fully veriﬁed')).toBe('final fully verified');
  });

  it('is idempotent', () => {
    const samples = ['Kim Jong-un’s U.S. trip', "P'yŏngyang", 'Sohae – “West Sea”'];
    for (const sample of samples) expect(normalize(normalize(sample))).toBe(normalize(sample));
  });
});

describe('normalizedWords', () => {
  it('maps each word back to its place in the original text', () => {
    const text = 'Kim Jong-un’s envoy, Bermu\u0301dez and the U.S.';
    const words = normalizedWords(text);
    expect(words.map((word) => word.form)).toEqual([
      'kim',
      'jong',
      'un',
      'envoy',
      'bermudez',
      'and',
      'the',
      'us',
    ]);
    expect(words.map((word) => text.slice(word.start, word.end))).toEqual([
      'Kim',
      'Jong',
      'un', // the possessive stays outside the word
      'envoy',
      'Bermu\u0301dez', // the combining mark stays inside it
      'and',
      'the',
      'U.S.',
    ]);
  });

  it('finds no words in punctuation and space alone', () => {
    expect(normalizedWords(' — “…” ')).toEqual([]);
  });
});

describe('scanWords with a word table (the matcher’s vocabulary)', () => {
  const vocabulary = new Vocabulary(['kim', 'jong', 'un', 'of', 'bermudez', 'icbms', '김정은']);
  const starts = Int32Array.from([0, -1, -1, -1, 1, 2, 3]); // "kim", "bermudez", … start aliases
  vocabulary.seal(starts, undefined, [9, 5], new Uint32Array((KEY_MASK + 1) / 32).fill(~0));
  const texts = [
    'Kim Jong-un’s envoy, Bermu\u0301dez, and the U.S. of A. — two ICBMs; 김정은 위원장.',
    'KIM JONG UN. kim jong un! Kimchi, Kim’s, Kims’ of-the of.the Jongun 3D U.S.A. Bermudezzz',
  ];

  it('finds the same words, with the same flags, as without one', () => {
    for (const text of texts) {
      const plain = new WordBuffer();
      const looked = new WordBuffer();
      scanWords(text, plain);
      scanWords(text, looked, vocabulary.table);
      const words = (buffer: WordBuffer) =>
        Array.from({ length: buffer.count }, (_, i) => [
          buffer.start[i],
          buffer.end[i],
          buffer.flags[i],
          wordForm(text, buffer, i),
        ]);
      expect(words(looked)).toEqual(words(plain));
    }
  });

  it('knows the words of the table, and lists those the matcher looks at', () => {
    const text = texts[1]!;
    const words = new WordBuffer();
    scanWords(text, words, vocabulary.table);
    const ids = Array.from({ length: words.count }, (_, i) => vocabulary.idAt(text, words, i));
    const forms = ids.map((id) => (id < 0 ? null : vocabulary.forms[id]));
    expect(forms).toEqual([
      'kim',
      'jong',
      'un',
      'kim',
      'jong',
      'un',
      null,
      'kim',
      null,
      'of',
      null,
      'of',
      null,
      null,
      null,
      null,
      null,
    ]);
    const listed = Array.from(words.marked.subarray(0, words.markedCount));
    expect(listed.map((i) => wordForm(text, words, i))).toEqual(['kim', 'kim', 'kim']);
    // Possible typos: words in no alias from nine letters (five when capitalised) on.
    const typos = Array.from(words.typos.subarray(0, words.typoCount));
    expect(typos.map((i) => wordForm(text, words, i))).toEqual(['kimchi', 'jongun', 'bermudezzz']);
  });
});
