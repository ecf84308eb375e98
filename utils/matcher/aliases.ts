/**
 * Turns the dataset's names and aliases into word patterns: each alias as a sequence of
 * vocabulary ids, with the case it demands of a page and what kind of evidence it needs. The data
 * build does this once and ships the result (compiled.ts); a page's start-up only reads it.
 */
import { scanWords, WordBuffer, wordForm, WORD_ALL_CAPS, WORD_CAPITALIZED } from '../normalize.ts';
import type { MatchableEntry } from '../types.ts';
import type { Vocabulary } from './vocabulary.ts';

/** What a page word must look like where an alias word is an acronym ("KCNA", "ICBMs"). */
export const RULE_ANY = 0;
export const RULE_ACRONYM = 1;
export const RULE_ACRONYM_PLURAL = 2;

/** One way of naming one entry. */
export interface AliasRef {
  /** Index of the entry in the matcher's entry list. */
  entry: number;
  /** The alias (or name) as the dataset writes it. */
  text: string;
  isName: boolean;
  ambiguous: boolean;
  /** A single capitalised word ("Biegun", "Sohae"): counts only when capitalised on the page. */
  properNoun: boolean;
  /** Lower-case words only ("maximum pressure", "go big"): everyday language as well. */
  commonPhrase: boolean;
  /** Per alias word: RULE_ANY, RULE_ACRONYM or RULE_ACRONYM_PLURAL. */
  wordRules: number[];
}

/** A distinct word sequence and every alias that normalises to it. */
export interface AliasPattern {
  ids: number[];
  forms: string[];
  /** Per word: whether some alias writes it with a capital (a name, unlike "of" or "the"). */
  capitalized: boolean[];
  refs: AliasRef[];
}

const scratch = new WordBuffer();

const HYPHEN = /[-\u2010\u2011]/;
const LETTER = /\p{L}/u;
const isHyphen = (ch: string) => ch === '-' || ch === '\u2010' || ch === '\u2011';

/** "Kim Jong-un" is also written "Kim Jongun", "Punggye-ri" "Punggyeri": hyphens between letters dropped. */
function joinHyphenated(text: string): string {
  if (!HYPHEN.test(text)) return text;
  let joined = text;
  for (let k = joined.length - 2; k > 0; k--) {
    if (isHyphen(joined[k]!) && LETTER.test(joined[k - 1]!) && LETTER.test(joined[k + 1]!)) {
      joined = joined.slice(0, k) + joined.slice(k + 1);
    }
  }
  return joined;
}

interface AliasVariant {
  forms: string[];
  capitalized: boolean[];
  wordRules: number[];
  properNoun: boolean;
  commonPhrase: boolean;
}

function variantsOf(text: string): AliasVariant[] {
  const spellings = [text];
  const joined = joinHyphenated(text);
  if (joined !== text) spellings.push(joined);
  const variants: AliasVariant[] = [];
  for (const spelling of spellings) {
    scanWords(spelling, scratch);
    if (scratch.count === 0) continue;
    const forms: string[] = [];
    const wordRules: number[] = [];
    const capitalized: boolean[] = [];
    for (let i = 0; i < scratch.count; i++) {
      const flags = scratch.flags[i]!;
      const form = wordForm(spelling, scratch, i);
      forms.push(form);
      const acronym = (flags & WORD_ALL_CAPS) !== 0 && form.length >= 2; // all caps implies a letter
      wordRules.push(acronym ? RULE_ACRONYM : RULE_ANY);
      capitalized.push((flags & WORD_CAPITALIZED) !== 0);
    }
    const first = scratch.flags[0]!;
    const properNoun =
      forms.length === 1 && (first & WORD_CAPITALIZED) !== 0 && wordRules[0] === RULE_ANY;
    variants.push({
      forms,
      capitalized,
      wordRules,
      properNoun,
      commonPhrase: !capitalized.includes(true),
    });
    const last = forms.length - 1;
    if (wordRules[last] === RULE_ACRONYM) {
      // Acronyms take a plural "s" in lower case: "ICBMs".
      variants.push({
        forms: [...forms.slice(0, last), `${forms[last]}s`],
        capitalized,
        wordRules: [...wordRules.slice(0, last), RULE_ACRONYM_PLURAL],
        properNoun: false,
        commonPhrase: false,
      });
    }
  }
  return variants;
}

export function compilePatterns(
  entries: readonly MatchableEntry[],
  vocabulary: Vocabulary,
): AliasPattern[] {
  const patterns: AliasPattern[] = [];
  const byKey = new Map<string, AliasPattern>();
  const addNaming = (entry: number, text: string, ambiguous: boolean, isName: boolean) => {
    for (const variant of variantsOf(text)) {
      const ids: number[] = [];
      for (const form of variant.forms) ids.push(vocabulary.add(form));
      const key = ids.join(' ');
      let pattern = byKey.get(key);
      if (!pattern) {
        const forms: string[] = []; // the vocabulary's own strings: one copy of each word
        for (const id of ids) forms.push(vocabulary.forms[id]!);
        pattern = { ids, forms, capitalized: [...variant.capitalized], refs: [] };
        byKey.set(key, pattern);
        patterns.push(pattern);
      } else {
        for (let k = 0; k < ids.length; k++) {
          if (variant.capitalized[k]) pattern.capitalized[k] = true;
        }
      }
      let same: AliasRef | undefined;
      for (const other of pattern.refs) if (other.entry === entry) same = other;
      if (same) {
        // One reference per entry and pattern, the first (the name comes first). If the curator
        // flagged any spelling of it as ambiguous, every spelling is: "Maximum Pressure" the name
        // is "maximum pressure" the tyre rating all the same.
        same.ambiguous ||= ambiguous;
        continue;
      }
      const { wordRules, properNoun, commonPhrase } = variant;
      pattern.refs.push({ entry, text, isName, ambiguous, wordRules, properNoun, commonPhrase });
    }
  };
  entries.forEach((entry, index) => {
    addNaming(index, entry.name, false, true);
    for (const alias of entry.aliases) addNaming(index, alias.text, alias.ambiguous, false);
  });
  return patterns;
}
