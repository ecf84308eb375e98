/**
 * Which candidate matches become mentions. Unambiguous names always count. An ambiguous alias
 * (a surname, an everyday phrase) or a typo counts only with evidence on the page:
 *  - coreference: the entry itself is named unambiguously somewhere in the same call; or
 *  - topic: the page names enough of the field unambiguously (two entries, or three with general
 *    ones such as Japan among them), and at least one that is not general. Everyday phrases, and typos at the start of a sentence, also need support
 *    close by: the entry, one related to it, or a confirmed entry that is not a place, named in
 *    the same or a neighbouring block of text.
 * A one-word name that is part of someone else's name ("Stella Kim", "Kim Kardashian") never
 * counts. General entries (countries in the news of every kind) count only on a page that names
 * an entry that is not general. The outcome does not depend on the order of the text.
 */
import type { MatchKind, MatchResult, Mention } from '../types.ts';
import type { AliasRef } from './aliases.ts';
import { PageEvidence } from './page-evidence.ts';

/** A match found in one segment, in the call's shared offsets, before these rules. */
export interface Candidate {
  segment: number;
  start: number;
  end: number;
  text: string;
  refs: AliasRef[];
  /** Typos corrected; 0 for an exact match. */
  edits: number;
  /** Letters in the alias, for the fuzzy score. */
  aliasLength: number;
  /** First word of a sentence: a capital there says nothing about being a name. */
  sentenceStart: boolean;
  /** A one-word name with another name part just before ("Stella Kim") or after ("Kim Kardashian"). */
  afterNamePart: boolean;
  beforeNamePart: boolean;
}

export interface PrecisionContext {
  entryIds: readonly string[];
  /** Per entry: the entries related to it (both directions). */
  related: ReadonlyArray<ReadonlySet<number>>;
  /** Per entry: whether it is a place (weaker evidence of the topic). */
  isPlace: readonly boolean[];
  /** Per entry: whether it turns up in news of every kind (counts only beside one that does not). */
  isGeneral: readonly boolean[];
  /** Topic weight (see PageEvidence.topicWeight) from which a page is on topic. */
  minTopicWeight: number;
}

export function applyPrecisionRules(
  candidates: readonly Candidate[],
  context: PrecisionContext,
): MatchResult {
  const mentions: Mention[] = [];
  const evidence = new PageEvidence(context.related, context.isPlace, context.isGeneral);
  let pending: Array<{ candidate: Candidate; refs: AliasRef[] }> = [];

  for (const candidate of candidates) {
    // A surname with another name part right before or after it belongs to someone else:
    // "Stella Kim", "Melania Trump", "Kim Kardashian". (Unambiguous one-word names are places,
    // which no given name precedes: "Visit Japan" is still Japan.)
    const refs = candidate.refs.filter(
      (ref) =>
        !(ref.properNoun && ref.ambiguous && (candidate.afterNamePart || candidate.beforeNamePart)),
    );
    const ref = candidate.edits === 0 ? refs.find((r) => !r.ambiguous) : undefined;
    if (ref) {
      mentions.push(toMention(candidate, ref, ref.isName ? 'exact' : 'alias', context));
      evidence.addNamed(ref.entry, candidate.start, candidate.segment);
    } else if (refs.length > 0) pending.push({ candidate, refs });
  }
  // A page that names only general entries (the United States, Japan) is not about the field:
  // an oil-market story about Iran names them too. Nothing of it is marked.
  const specific = evidence.namesAny((entry) => !context.isGeneral[entry]);
  const onTopic = specific && evidence.topicWeight >= context.minTopicWeight;

  // Coreference: the entry is named unambiguously somewhere on the page.
  pending = pending.filter(({ candidate, refs }) => {
    const named = refs.filter((ref) => evidence.isNamed(ref.entry));
    if (named.length === 0) return true;
    const ref = evidence.nearestNamed(named, candidate.start);
    mentions.push(
      toMention(candidate, ref, candidate.edits > 0 ? 'fuzzy' : 'coreference', context),
    );
    evidence.addMentioned(ref.entry, candidate.segment, true);
    return false;
  });

  // On topic: accepted in rounds, each judged on the evidence of the rounds before it, so that
  // "grand bargain" accepted near John Bolton can vouch for "denuclearization" next to it, and
  // the outcome does not depend on the order of the page.
  while (onTopic && pending.length > 0) {
    const decisions = pending.map((item) => ({
      ...item,
      ref: decide(item.candidate, item.refs, evidence),
    }));
    let acceptedAny = false;
    for (const { candidate, ref } of decisions) {
      if (!ref) continue;
      mentions.push(
        toMention(
          candidate,
          ref,
          candidate.edits > 0 ? 'fuzzy' : ref.isName ? 'exact' : 'alias',
          context,
        ),
      );
      evidence.addMentioned(ref.entry, candidate.segment, false);
      acceptedAny = true;
    }
    if (!acceptedAny) break;
    pending = decisions.filter((item) => !item.ref);
  }

  const kept = specific ? mentions : withoutGeneral(mentions, context);
  kept.sort((a, b) => a.start - b.start || a.end - b.end);
  return { mentions: kept, summary: summarize(kept, onTopic) };
}

/**
 * Which entry an ambiguous alias or typo names on an on-topic page, if it can tell. Everyday
 * phrases need a related entry close by: a sports page that names three countries is still not
 * talking diplomacy when it says "go big or go home". So do typos at the start of a sentence,
 * where a capital does not make a word a name ("Begun in 2018, …"). When several entries share
 * the alias, the one with the most support close by wins.
 */
function decide(
  candidate: Candidate,
  refs: readonly AliasRef[],
  evidence: PageEvidence,
): AliasRef | undefined {
  const needsSupport = (ref: AliasRef) =>
    ref.commonPhrase || (candidate.edits > 0 && candidate.sentenceStart);
  const scored = refs
    .map((ref) => ({ ref, support: evidence.supportNear(ref, candidate.segment) }))
    .filter(({ ref, support }) => support > 0 || !needsSupport(ref));
  if (scored.length === 1) return scored[0]!.ref;
  const best = Math.max(0, ...scored.map(({ support }) => support));
  const leaders = scored.filter(({ support }) => support === best);
  return best > 0 && leaders.length === 1 ? leaders[0]!.ref : undefined;
}

function withoutGeneral(mentions: Mention[], context: PrecisionContext): Mention[] {
  const general = new Set(context.entryIds.filter((_, entry) => context.isGeneral[entry]));
  return mentions.filter((mention) => !general.has(mention.id));
}

function toMention(
  candidate: Candidate,
  ref: AliasRef,
  kind: MatchKind,
  context: PrecisionContext,
): Mention {
  const score =
    candidate.edits === 0
      ? 1
      : Math.round((1 - candidate.edits / candidate.aliasLength) * 100) / 100;
  return {
    id: context.entryIds[ref.entry]!,
    start: candidate.start,
    end: candidate.end,
    text: candidate.text,
    kind,
    score,
    alias: ref.text,
  };
}

function summarize(mentions: readonly Mention[], onTopic: boolean): MatchResult['summary'] {
  const counts = new Map<string, number>();
  for (const mention of mentions) counts.set(mention.id, (counts.get(mention.id) ?? 0) + 1);
  const entries = [...counts].map(([id, count]) => ({ id, count }));
  entries.sort((a, b) => b.count - a.count || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return { entries, onTopic };
}
