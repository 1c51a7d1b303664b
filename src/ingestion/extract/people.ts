import { fold } from '../../text/fold.ts';
import type { Gender } from '../languages/index.ts';
import type { Lexicon, PronounSense } from './lexicon.ts';

/** Someone (a person, or a body that speaks) an article refers to, under every form it uses. */
export interface Person {
  /** The fullest spelling the article gives. */
  name: string;
  words: string[];
  /** The first title the article gave them. */
  role?: string;
  /** Folded words of every title the article gave them (`Kapten …`, then `gelandang …`), for `holderOf`. */
  roleWords: string[][];
  /** Nationality nouns the article described them with (`le Belge X`), for `describedAs`. */
  nationalities: string[];
  gender: Gender;
  /**
   * How plainly the article treats the name as a person's: a honorific or title before it, an age or a description
   * in apposition, a surname used alone later. Places, bodies and capitalised words score none or less.
   */
  personhood: number;
  /** A place or a publication: spoken of, never a speaker. */
  mute?: boolean;
}

/** One place where the article refers to someone. */
export interface Reference {
  offset: number;
  /** Index of the sentence it stands in. */
  sentence: number;
  /** The first reference of its sentence, not governed by a preposition: what the sentence is about. */
  subject: boolean;
  /** The subject of a verb of saying: the sentence reports what they said. */
  speaking?: boolean;
  person: Person;
}

/** From this much evidence on, a name is a person's and a pronoun may stand for it. */
export const PERSONHOOD_THRESHOLD = 1.5;
/** A surname alone has two letters at least (`Ri`, `Ng`); abbreviations (`St`, `Dr`) are none. */
const MIN_SURNAME_CHARS = 2;
/** How many sentences back a pronoun looks for who it stands for before falling back on the last speaker. */
const ANTECEDENT_SENTENCES = 3;

const foldedWords = new Map<string, string[]>();
/** `al-Moualem` is referred to as `Moualem`: the particle is a word of its own. */
const NAME_PARTICLE = /^(al|el|ad|as|ash|an|ar|az|bin|ibn|abu|ben)-/;
/**
 * Folded words of a name, a hyphenated word staying one (`Black-Daley` is not `Daley`, `Jean-Pierre` not `Pierre`);
 * memoised because the same names and titles recur throughout an article.
 */
export function nameWords(s: string): string[] {
  let found = foldedWords.get(s);
  if (!found) {
    if (foldedWords.size > 10_000) foldedWords.clear();
    found = s.split(/\s+/).flatMap((word) => {
      const folded = fold(word.replace(/['’]s$/u, '')).replace(/ /g, '-');
      const particle = NAME_PARTICLE.exec(folded);
      return particle ? [particle[1], folded.slice(particle[0].length)] : [folded];
    }).filter(Boolean);
    foldedWords.set(s, found);
  }
  return found;
}

const compatible = (a: Gender, b: Gender) => a === 'x' || b === 'x' || a === b;

const MAX_ROLE_WORDS = 4;
/** Folded words of a title, each title of a `sameRoles` group written as the first of it (`chiến lược gia` → `huan luyen vien`). */
export function roleWords(lexicon: Lexicon, title: string): string[] {
  const said = nameWords(title);
  if (!lexicon.sameRole.size) return said;
  const out: string[] = [];
  for (let i = 0; i < said.length; ) {
    let n = Math.min(MAX_ROLE_WORDS, said.length - i);
    while (n > 0 && !lexicon.sameRole.has(said.slice(i, i + n).join(' '))) n--;
    if (n === 0) out.push(said[i++]);
    else {
      out.push(...lexicon.sameRole.get(said.slice(i, i + n).join(' '))!.split(' '));
      i += n;
    }
  }
  return out;
}

/**
 * The people an article refers to and where, so that a surname, a title or a pronoun can be resolved to the person
 * it stands for. A pronoun goes to what the discourse is about: a person the same sentence already named, else the
 * subject of a recent sentence, else the last speaker quoted — never merely the last capitalised word.
 */
export class PersonRegistry {
  private readonly people: Person[] = [];
  /** People by each folded word of their name. */
  private readonly byWord = new Map<string, Person[]>();
  /** In the order references were recorded; `references` gives them by offset. */
  private readonly recorded: Reference[] = [];
  private sorted = true;
  /** The last speaker quoted, while quotes are attributed in article order. */
  focus?: Person;

  constructor(private readonly lexicon: Lexicon) {}

  /**
   * The known person a spelling refers to: the same words, or part of them including the last (`Trung`, `Collins`),
   * the most recently referred to when several fit.
   */
  find(name: string, before = Infinity): Person | undefined {
    const said = nameWords(name);
    if (!said.length) return undefined;
    // Only people sharing a word with the spelling can fit.
    const sharing = new Set<Person>();
    for (const w of said) for (const p of this.byWord.get(w) ?? []) sharing.add(p);
    if (!sharing.size) return undefined;
    // A place does not take in a person by a part of its name (`Ho Chi Minh City` is not `Ho Chi Minh`).
    const fits = [
      (p: Person) => said.every((w) => p.words.includes(w)) && said.includes(p.words.at(-1)!),
      (p: Person) => !p.mute && p.words.length > said.length && said.every((w) => p.words.includes(w)),
      (p: Person) => !p.mute && p.words.every((w) => said.includes(w)),
    ];
    const people = this.people.filter((p) => sharing.has(p));
    for (const fit of fits) {
      const matching = people.filter(fit);
      if (matching.length === 1) return matching[0];
      if (matching.length > 1) return this.mostRecent(matching, before) ?? matching[0];
    }
    return undefined;
  }

  /** `roles`: every title the mention gave them, the first one first. */
  note(at: Omit<Reference, 'person'>, name: string, gender: Gender, personhood: number, roles: (string | undefined)[] = [], nationality?: string, mute = false): Person {
    let person = this.find(name, at.offset);
    if (person && Boolean(person.mute) !== mute && nameWords(name).length !== person.words.length) person = undefined;
    // A surname alone (`Lee`) after the full name: people are referred to so, places and bodies hardly ever.
    if (person && nameWords(name).length < person.words.length && name.length >= MIN_SURNAME_CHARS && !this.lexicon.abbreviations.has(nameWords(name)[0])) personhood += 1;
    if (!person) {
      person = { name, words: nameWords(name), gender, role: roles[0], roleWords: [], nationalities: [], personhood: 0 };
      this.people.push(person);
      this.index(person);
    } else {
      person.role ??= roles[0];
      if (person.gender === 'x') person.gender = gender;
      // The fullest spelling names the person (`Lee`, then `Kai-Fu Lee`); a name that already opens with a given name
      // is full, and words before it describe (`Chelsea Daniel Sturridge`).
      if (nameWords(name).length > person.words.length && !this.lexicon.givenNames.has(person.words[0])) {
        person.name = name;
        person.words = nameWords(name);
        this.index(person);
      }
    }
    person.personhood += personhood;
    if (mute) person.mute = true;
    for (const title of roles) if (title) person.roleWords.push(roleWords(this.lexicon, title));
    if (nationality) person.nationalities.push(nationality);
    this.touch(at, person);
    return person;
  }

  /** Records that someone known was referred to. */
  touch(at: Omit<Reference, 'person'>, person: Person): void {
    const last = this.recorded.at(-1);
    if (last && last.offset > at.offset) this.sorted = false;
    this.recorded.push({ offset: at.offset, sentence: at.sentence, subject: at.subject, speaking: at.speaking, person });
  }

  private index(person: Person): void {
    for (const w of person.words) {
      const list = this.byWord.get(w) ?? [];
      if (!list.includes(person)) list.push(person);
      this.byWord.set(w, list);
    }
  }

  /** Every reference, by offset. */
  private get timeline(): Reference[] {
    if (!this.sorted) {
      this.recorded.sort((a, b) => a.offset - b.offset);
      this.sorted = true;
    }
    return this.recorded;
  }

  isPerson(person: Person): boolean {
    return person.personhood >= PERSONHOOD_THRESHOLD;
  }

  /**
   * Who a pronoun (or a title the article gave nobody) at `offset` in sentence `sentence` stands for: a person the
   * sentence named before it, else who spoke or what a sentence was about in the few sentences before, else `focus`
   * (the last speaker quoted) when it fits, else the last person referred to.
   */
  antecedent(offset: number, sentence: number, gender: Gender, focus?: Person, refersTo: PronounSense['refersTo'] = 'people'): Person | undefined {
    const person = (p: Person) => refersTo !== 'bodies' && !p.mute && this.isPerson(p) && compatible(p.gender, gender);
    // A body (a name with the marks of one) is what a pronoun stands for only once it has spoken (`the Red Cross said
    // …. "…," it said`).
    const body = (p: Person) => refersTo !== 'people' && !p.mute && p.personhood < 0 && compatible(p.gender, gender);
    const eligible = (r: Reference) => person(r.person) || (body(r.person) && r.speaking);
    // The references before `offset`, latest first, one sentence at a time (sentences follow offsets).
    const timeline = this.timeline;
    let i = this.countBefore(offset) - 1;
    const sentenceAt = (s: number): Reference[] => {
      const found: Reference[] = [];
      while (i >= 0 && timeline[i].sentence > s) i--;
      for (; i >= 0 && timeline[i].sentence === s; i--) if (eligible(timeline[i])) found.unshift(timeline[i]);
      return found;
    };
    const same = sentenceAt(sentence);
    if (same.length) return (same.find((r) => r.speaking) ?? same.find((r) => r.subject) ?? same.at(-1)!).person;
    for (let s = sentence - 1; s >= sentence - ANTECEDENT_SENTENCES; s--) {
      const inSentence = sentenceAt(s);
      const salient = inSentence.find((r) => r.speaking) ?? inSentence.find((r) => r.subject);
      if (salient) return salient.person;
      if (focus && inSentence.some((r) => r.person === focus)) return focus;
      if (inSentence.length) return inSentence[0].person;
    }
    if (focus && (person(focus) || body(focus))) return focus;
    for (; i >= 0; i--) if (eligible(timeline[i])) return timeline[i].person;
    return undefined;
  }

  /** How many references stand before `offset`. */
  private countBefore(offset: number): number {
    const timeline = this.timeline;
    let [low, high] = [0, timeline.length];
    while (low < high) {
      const mid = (low + high) >> 1;
      if (timeline[mid].offset < offset) low = mid + 1;
      else high = mid;
    }
    return low;
  }

  /** The most recent person before `offset` the article described with a nationality noun (`le Français X`). */
  describedAs(nationality: string, offset: number): Person | undefined {
    return this.lastReferenceTo((p) => p.nationalities.includes(nationality), offset);
  }

  /** The most recent person before `offset` with a title containing every word of `title` (`Quyền Bộ trưởng` ⊂ `Quyền Bộ trưởng Ngoại giao`). */
  holderOf(title: string, offset: number): Person | undefined {
    const wanted = roleWords(this.lexicon, title);
    return this.lastReferenceTo((p) => !p.mute && p.personhood > 0 && p.roleWords.some((role) => wanted.every((w) => role.includes(w))), offset);
  }

  private lastReferenceTo(test: (p: Person) => boolean, offset: number): Person | undefined {
    const timeline = this.timeline;
    for (let i = this.countBefore(offset) - 1; i >= 0; i--) if (test(timeline[i].person)) return timeline[i].person;
    return undefined;
  }

  private mostRecent(people: Person[], before: number): Person | undefined {
    return this.lastReferenceTo((p) => people.includes(p), before);
  }
}
