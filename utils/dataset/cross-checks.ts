/**
 * Rules that span entries: unique ids, related ids that exist, sources that exist, and who may
 * claim an alias.
 */
import { idFromPath, type DatasetProblem } from './problems.ts';
import type { EntryDraft } from './entry-file.ts';

/** Maps an alias to the form the matcher compares (the shared normalisation). */
export type AliasKey = (text: string) => string;

/** Ids are unique and name their files, so an entry is found by its id alone. */
export function checkIds(entries: readonly EntryDraft[]): DatasetProblem[] {
  const firstFile = new Map<string, string>();
  const problems: DatasetProblem[] = [];
  for (const entry of entries) {
    const fileId = idFromPath(entry.file);
    if (entry.id !== fileId) {
      problems.push({
        file: entry.file,
        entry: entry.id,
        field: 'id',
        message: `must equal the file name ("${fileId}")`,
      });
    }
    const first = firstFile.get(entry.id);
    if (first === undefined) firstFile.set(entry.id, entry.file);
    else
      problems.push({
        file: entry.file,
        entry: entry.id,
        field: 'id',
        message: `duplicate id: ${first} has it too`,
      });
  }
  return problems;
}

export function checkReferences(
  entries: readonly EntryDraft[],
  sourceIds: ReadonlySet<string>,
): DatasetProblem[] {
  const ids = new Set(entries.map((entry) => entry.id));
  const problems: DatasetProblem[] = [];
  for (const entry of entries) {
    entry.related.forEach((id, index) => {
      if (!ids.has(id)) {
        problems.push({
          file: entry.file,
          entry: entry.id,
          field: `related[${index}]`,
          message: `no entry has the id "${id}"`,
        });
      }
    });
    entry.namedIn.forEach((id, index) => {
      if (!sourceIds.has(id)) {
        problems.push({
          file: entry.file,
          entry: entry.id,
          field: `namedIn[${index}]`,
          message: `no source has the id "${id}" (data/sources/${id}.md)`,
        });
      }
    });
  }
  return problems;
}

interface Claim {
  entry: EntryDraft;
  text: string;
  field: string;
  /** Whether the entry flags this form ambiguous (any spelling of it flagged counts for all). */
  ambiguous: boolean;
}

/**
 * The forms an entry claims, one per normalised key. Spellings that normalise alike ("Kim Jong Un",
 * "Kim Jong-un") are variants of one form, and the matcher treats them as one: if any is flagged
 * ambiguous, all are — which is also how a curator marks the name itself ambiguous ("Maximum
 * pressure" the policy, "maximum pressure" the tyre rating).
 */
function claimsOf(
  entry: EntryDraft,
  aliasKey: AliasKey,
  problems: DatasetProblem[],
): Map<string, Claim> {
  const claims = new Map<string, Claim>();
  const seenTexts = new Set<string>();
  const forms = [
    { text: entry.name, field: 'name', ambiguous: false },
    ...entry.aliases.map((alias, index) => ({ ...alias, field: `aliases[${index}]` })),
  ];
  for (const form of forms) {
    // Listing the name again is how it is flagged ambiguous; anything else is a slip.
    const flagsName = form.field !== 'name' && form.text === entry.name && form.ambiguous;
    if (seenTexts.has(form.text) && !flagsName) {
      const what =
        form.text === entry.name
          ? 'repeats the name (list it again only to flag it ambiguous)'
          : 'is listed twice';
      problems.push({
        file: entry.file,
        entry: entry.id,
        field: form.field,
        message: `"${form.text}" ${what}`,
      });
      continue;
    }
    seenTexts.add(form.text);
    const key = aliasKey(form.text);
    if (key === '') {
      problems.push({
        file: entry.file,
        entry: entry.id,
        field: form.field,
        message: `"${form.text}" has no words to match`,
      });
      continue;
    }
    const earlier = claims.get(key);
    if (earlier) earlier.ambiguous ||= form.ambiguous;
    else claims.set(key, { entry, text: form.text, field: form.field, ambiguous: form.ambiguous });
  }
  return claims;
}

/**
 * Two entries may share a form only when both flag it ambiguous: then it counts only with
 * evidence, and the evidence (which entry's full name is on the page) tells them apart — "Kim" is
 * Kim Jong-un beside "Kim Jong-un", Kim Yong-chol beside "Kim Yong-chol". Anything else would let
 * one entry silently take another's mentions.
 */
export function checkAliasClaims(
  entries: readonly EntryDraft[],
  aliasKey: AliasKey,
): DatasetProblem[] {
  const problems: DatasetProblem[] = [];
  const claimsByKey = new Map<string, Claim[]>();
  for (const entry of entries) {
    for (const [key, claim] of claimsOf(entry, aliasKey, problems)) {
      claimsByKey.set(key, [...(claimsByKey.get(key) ?? []), claim]);
    }
  }
  for (const claims of claimsByKey.values()) {
    const [first, ...others] = claims;
    if (first === undefined || others.length === 0) continue;
    if (claims.every((claim) => claim.ambiguous)) continue;
    for (const claim of others) {
      problems.push({
        file: claim.entry.file,
        entry: claim.entry.id,
        field: claim.field,
        message:
          `"${claim.text}" is also claimed by entry "${first.entry.id}" (${first.entry.file}, ${first.field}); ` +
          'two entries may share an alias only if both flag it { "ambiguous": true }, so the full name on the page decides',
      });
    }
  }
  return problems;
}
