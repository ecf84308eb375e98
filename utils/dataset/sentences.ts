/**
 * Splits a source body into paragraphs and sentences, keeping offsets into the body so that
 * mentions found by the matcher can be placed and quoted verbatim.
 */

export interface SourceSentence {
  /** 1-based paragraph number: each non-blank line of the body is one paragraph. */
  paragraph: number;
  /** Offset of the sentence in the body (UTF-16). */
  start: number;
  text: string;
}

// Words that end with a full stop without ending the sentence ("Dr. John Hemmings").
const ABBREVIATIONS = new Set(
  (
    'mr mrs ms dr prof sen rep gov gen lt col maj capt adm sgt st jr sr vol vs amb pres ' +
    'jan feb mar apr jun jul aug sep sept oct nov dec inc corp co ltd'
  ).split(' '),
);

// A terminator, any closing quotes or brackets, then space and what can open a sentence.
const BOUNDARY = /[.!?]+["'”’)\]]*(?=\s+["'“‘([]?[\p{Lu}\p{N}])/gu;

/** True when the full stop at `dot` belongs to an abbreviation or an initial, not a sentence end. */
function isAbbreviationDot(line: string, dot: number): boolean {
  if (line[dot] !== '.') return false;
  const before = /[\p{L}.]+$/u.exec(line.slice(0, dot))?.[0] ?? '';
  if (before === '') return false;
  // Initials and dotted acronyms: "F.", "U.S.", "D.P.R.K."
  if (/^(?:\p{L}\.)*\p{L}$/u.test(before)) return true;
  return ABBREVIATIONS.has(before.toLowerCase());
}

function splitLine(line: string): Array<{ start: number; end: number }> {
  const spans: Array<{ start: number; end: number }> = [];
  let start = 0;
  for (const match of line.matchAll(BOUNDARY)) {
    if (isAbbreviationDot(line, match.index)) continue;
    spans.push({ start, end: match.index + match[0].length });
    start = match.index + match[0].length;
  }
  spans.push({ start, end: line.length });
  return spans;
}

export function splitSentences(body: string): SourceSentence[] {
  const sentences: SourceSentence[] = [];
  let paragraph = 0;
  let lineStart = 0;
  for (const line of body.split('\n')) {
    const lineOffset = lineStart;
    lineStart += line.length + 1;
    if (line.trim() === '') continue;
    paragraph += 1;
    for (const span of splitLine(line)) {
      const raw = line.slice(span.start, span.end);
      const text = raw.trim();
      if (text === '') continue;
      const leading = raw.length - raw.trimStart().length;
      sentences.push({ paragraph, start: lineOffset + span.start + leading, text });
    }
  }
  return sentences;
}
