import { INNER_NAME } from './signals.ts';
import type { LinkableArticle, LinkableQuote, SpeakerClaim } from './types.ts';

/** Words of a speaker id: `donald-trump` → donald, trump. */
const wordsOf = (id: string) => id.split('-').filter(Boolean);

/** One name holds every word of the other: `trump` and `donald-trump`, `delorme` and `patrick-delorme`. */
export function nestedNames(x: string, y: string): boolean {
  const [short, long] = wordsOf(x).length <= wordsOf(y).length ? [wordsOf(x), wordsOf(y)] : [wordsOf(y), wordsOf(x)];
  return short.length > 0 && short.every((w) => long.includes(w));
}

/** Whether an article spells a name as a whole (`tranminhkhoa`), alone or inside a longer run of capitalised words. */
export function spellsWhole(anchors: ReadonlySet<string>, speakerId: string): boolean {
  const whole = wordsOf(speakerId).join('');
  return anchors.has(whole) || anchors.has(`${INNER_NAME}${whole}`);
}

/** Whether an article spells this name: as a whole, or every word of three letters or more. */
export function mentionsName(anchors: ReadonlySet<string>, speakerId: string): boolean {
  if (spellsWhole(anchors, speakerId)) return true;
  const words = wordsOf(speakerId).filter((w) => w.length >= 3);
  return words.length > 0 && words.every((w) => anchors.has(w));
}

/** Anchor sets of articles, built once per article object. */
const anchorSets = new WeakMap<LinkableArticle, Set<string>>();
function mentions(article: LinkableArticle, speakerId: string): boolean {
  let set = anchorSets.get(article);
  if (!set) anchorSets.set(article, (set = new Set(article.anchors)));
  return mentionsName(set, speakerId);
}

export type SpeakerRelation =
  /** The two names are one person's. */
  | { kind: 'same' }
  /** A speaker missing on one side, or a name the other article does not spell (an organisation translated). */
  | { kind: 'unknown' }
  /** Two names both articles spell, neither holding the other: two people; `certainty` says how sure both attributions are. */
  | { kind: 'different'; certainty: number };

/**
 * What the speakers of two quotes say about them being one utterance. A missing speaker is no evidence; a name the
 * other version does not contain may be the same speaker in another language (`Labour Party`, `Partai Buruh`); only
 * two people that both articles name are known to be different.
 */
export function speakerRelation(a: LinkableQuote, b: LinkableQuote, articleA: LinkableArticle, articleB: LinkableArticle): SpeakerRelation {
  if (!a.speaker || !b.speaker) return { kind: 'unknown' };
  if (nestedNames(a.speaker.id, b.speaker.id)) return { kind: 'same' };
  if (!mentions(articleB, a.speaker.id) || !mentions(articleA, b.speaker.id)) return { kind: 'unknown' };
  return { kind: 'different', certainty: Math.min(a.speaker.confidence, b.speaker.confidence) };
}

/** One member of a cluster, as far as its speaker goes. */
export interface SpeakerVote {
  quoteId: string;
  lang: string;
  articleId: string;
  /** The speaker its own article gives it. */
  own: SpeakerClaim | null;
  /** The cluster's original version (clusters.ts): breaks ties between names of one entity in several languages. */
  original: boolean;
}

export interface ServedSpeaker {
  id: string;
  name: string;
  /** Given by the other versions of the quote rather than its own article. */
  fromCluster: boolean;
  confidence: number;
}

/** A speaker found only through the cluster is given with this share of its best member's confidence. */
const CLUSTER_CONFIDENCE = 0.6;
/** A member's own speaker gives way to the cluster's only when the others outweigh it this many times. */
const OUTVOTED = 2;

interface Group {
  ids: string[];
  votes: SpeakerVote[];
  score: number;
}

const byId = (x: string, y: string) => (x < y ? -1 : x > y ? 1 : 0);
const fullest = (ids: string[]) => [...ids].sort((x, y) => wordsOf(y).length - wordsOf(x).length || byId(x, y))[0];

/**
 * Who said a quote, decided over all its versions. Names of one person group together (`Trump`, `Donald Trump`); names
 * of one entity in different languages too, when neither version spells the other's (`Labour Party`, `Đảng Lao động`).
 * The group with the most weight (own confidences summed) wins, ties going to the names more versions spell; its
 * fullest name is the speaker's id. Members without a speaker get it from the cluster; a member whose own article
 * names someone else keeps that unless outvoted twice over, or equally by a name its article spells when no other
 * version spells its own. Deterministic in the members alone, so clusters resolve alike whatever order their links
 * came in.
 */
export function clusterSpeakers(votes: SpeakerVote[], anchorsOf: (articleId: string) => ReadonlySet<string>): Map<string, ServedSpeaker | null> {
  const mentioned = (articleId: string, speakerId: string) => mentionsName(anchorsOf(articleId), speakerId);
  const served = new Map<string, ServedSpeaker | null>();
  const claims = votes.filter((v) => v.own);
  for (const v of votes) served.set(v.quoteId, v.own && { id: v.own.id, name: v.own.name, fromCluster: false, confidence: v.own.confidence });
  if (!claims.length || votes.length < 2) return served;

  const groups = aliasGroups(personGroups(claims), mentioned);
  const articles = [...new Set(votes.map((v) => v.articleId))];
  /** Versions spelling one of a group's names: a person's name is in every translation, a misread word in one. */
  const coverage = (g: Group) => articles.filter((a) => g.ids.some((id) => mentioned(a, id))).length;
  const ranked = groups.sort(
    (x, y) =>
      y.score - x.score ||
      coverage(y) - coverage(x) ||
      new Set(y.votes.map((v) => v.lang)).size - new Set(x.votes.map((v) => v.lang)).size ||
      Number(y.votes.some((v) => v.original)) - Number(x.votes.some((v) => v.original)) ||
      byId(fullest(x.ids), fullest(y.ids)),
  );
  const winner = ranked[0];
  // Among one entity's names in several languages, the person group the most versions spell, the best supported, the
  // original's. In it, the fullest name (`Donald Trump` over `Trump`) that two versions spell as a whole: a descriptor
  // leaking into one version's name (`Olympic Tom Daley`) is not spelt so by the others.
  const reach = (g: Group) => Math.max(...g.ids.map((id) => articles.filter((a) => mentioned(a, id)).length));
  const hasOriginal = (g: Group) => Number(g.votes.some((v) => v.original));
  const core = personGroups(winner.votes).sort(
    (x, y) => reach(y) - reach(x) || y.score - x.score || hasOriginal(y) - hasOriginal(x) || byId(fullest(x.ids), fullest(y.ids)),
  )[0];
  const whole = (id: string) => articles.filter((a) => spellsWhole(anchorsOf(a), id)).length;
  const weightOf = (id: string) => core.votes.filter((v) => v.own!.id === id).reduce((sum, v) => sum + v.own!.confidence, 0);
  const enough = Math.min(2, Math.max(...core.ids.map(whole)));
  const id = [...core.ids].sort(
    (x, y) => Number(whole(y) >= enough) - Number(whole(x) >= enough) || wordsOf(y).length - wordsOf(x).length || whole(y) - whole(x) || weightOf(y) - weightOf(x) || byId(x, y),
  )[0];
  const best = Math.max(...winner.votes.map((v) => v.own!.confidence));
  const nameIn = (lang: string) => {
    const local = winner.votes.filter((v) => v.lang === lang);
    const pick = local.find((v) => v.own!.id === id) ?? local.find((v) => !core.ids.includes(v.own!.id)) ?? winner.votes.find((v) => v.own!.id === id)!;
    return pick.own!.name;
  };
  const fromCluster = (v: SpeakerVote): ServedSpeaker => ({ id, name: nameIn(v.lang), fromCluster: true, confidence: round(CLUSTER_CONFIDENCE * best) });
  // Lent to a version whose article spells the name, or when versions in two languages name the speaker: a name one
  // version alone gives and no other spells is as likely a misreading (a word taken for a name) as a speaker.
  const lendable = (v: SpeakerVote) => mentioned(v.articleId, id) || new Set(winner.votes.map((w) => w.lang)).size >= 2;
  for (const v of votes) {
    if (!v.own) {
      if (lendable(v)) served.set(v.quoteId, fromCluster(v));
    }
    else if (winner.votes.includes(v)) {
      // A shorter form of the name (`Trump`) takes the full one; another language's name of the entity stays as written.
      const name = v.own.id === id || !core.ids.includes(v.own.id) ? v.own.name : nameIn(v.lang);
      served.set(v.quoteId, { id, name, fromCluster: false, confidence: v.own.confidence });
    } else if (lendable(v)) {
      // Outvoted twice over; or as strongly contradicted by a name its own article spells, when no other version spells
      // its own (`The Los Angeles Democrat` against `Maxine Waters`: a description, or a word taken for a name).
      const own = groups.find((g) => g.votes.includes(v))!;
      const unspelt = !own.ids.some((name) => articles.some((a) => a !== v.articleId && mentioned(a, name)));
      if (winner.score >= OUTVOTED * own.score || (unspelt && winner.score >= own.score && mentioned(v.articleId, id))) served.set(v.quoteId, fromCluster(v));
    }
  }
  return served;
}

/**
 * Two names of one person: one holds every word of the other (`Trump`, `Donald Trump`), or both end with the same two
 * words or more (`Olympic Tom Daley`, `Penyelam Olimpiade Tom Daley`: a descriptor leaked into each).
 */
export function samePerson(x: string, y: string): boolean {
  if (nestedNames(x, y)) return true;
  const [a, b] = [wordsOf(x).reverse(), wordsOf(y).reverse()];
  let shared = 0;
  while (shared < a.length && shared < b.length && a[shared] === b[shared]) shared++;
  return shared >= 2;
}

/** Claims grouped by person; a group holding two names that are not one person (`Minh` with `Do Quang Minh` and `Ho Chi Minh`) is ambiguous and splits into its exact names. */
function personGroups(claims: SpeakerVote[]): Group[] {
  const ids = [...new Set(claims.map((v) => v.own!.id))].sort(byId);
  const parent = new Map(ids.map((id) => [id, id]));
  const root = (id: string): string => (parent.get(id) === id ? id : root(parent.get(id)!));
  for (let i = 0; i < ids.length; i++) for (let j = i + 1; j < ids.length; j++) if (samePerson(ids[i], ids[j])) parent.set(root(ids[j]), root(ids[i]));
  const members = new Map<string, string[]>();
  for (const id of ids) members.set(root(id), [...(members.get(root(id)) ?? []), id]);
  const sets = [...members.values()].flatMap((g) => (g.every((x, i) => g.slice(i + 1).every((y) => samePerson(x, y))) ? [g] : g.map((id) => [id])));
  return sets.map((set) => {
    const votes = claims.filter((v) => set.includes(v.own!.id));
    return { ids: set, votes, score: votes.reduce((sum, v) => sum + v.own!.confidence, 0) };
  });
}

/**
 * Person groups joined when they are one entity named in different languages: no language in common, and no version
 * of either spells the other's name (an organisation translated). Two names that both versions spell are two people.
 */
function aliasGroups(groups: Group[], mentioned: (articleId: string, speakerId: string) => boolean): Group[] {
  const alias = (x: Group, y: Group) =>
    !x.votes.some((v) => y.votes.some((w) => w.lang === v.lang)) &&
    !x.ids.some((id) => y.votes.some((w) => mentioned(w.articleId, id))) &&
    !y.ids.some((id) => x.votes.some((v) => mentioned(v.articleId, id)));
  const ordered = [...groups].sort((x, y) => byId(fullest(x.ids), fullest(y.ids)));
  const joined: Group[] = [];
  for (const group of ordered) {
    const into = joined.find((j) => j.ids.every((id) => alias(group, ordered.find((g) => g.ids.includes(id))!)));
    if (into) {
      into.ids.push(...group.ids);
      into.votes.push(...group.votes);
      into.score += group.score;
    } else joined.push({ ids: [...group.ids], votes: [...group.votes], score: group.score });
  }
  return joined;
}

/**
 * One person per article: where the cluster of one of its quotes shows that a shorter name the article uses (`Trump`)
 * is a full name (`Donald Trump`), and only one, its other quotes under the shorter name take the full one too.
 */
export function articleFullNames(quotes: Array<{ articleId: string; own: SpeakerClaim | null; served: ServedSpeaker | null }>): Map<string, Map<string, ServedSpeaker>> {
  const found = new Map<string, Map<string, ServedSpeaker[]>>();
  for (const q of quotes) {
    if (!q.own || !q.served || q.served.id === q.own.id || !nestedNames(q.own.id, q.served.id)) continue;
    if (wordsOf(q.served.id).length <= wordsOf(q.own.id).length) continue;
    const byShort = found.get(q.articleId) ?? new Map<string, ServedSpeaker[]>();
    byShort.set(q.own.id, [...(byShort.get(q.own.id) ?? []), q.served]);
    found.set(q.articleId, byShort);
  }
  const out = new Map<string, Map<string, ServedSpeaker>>();
  for (const [articleId, byShort] of found) {
    const unique = new Map<string, ServedSpeaker>();
    for (const [short, full] of byShort) {
      if (new Set(full.map((f) => f.id)).size === 1) unique.set(short, [...full].sort((x, y) => byId(x.name, y.name))[0]);
    }
    if (unique.size) out.set(articleId, unique);
  }
  return out;
}

const round = (x: number) => Math.round(x * 1000) / 1000;
