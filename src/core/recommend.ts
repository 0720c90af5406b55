/**
 * Which kind of document to write (`archdoc new`): the method's questions and the rules that turn
 * their answers into an RFC, an ADR, a tech spec or a system design, with the reason in one
 * sentence. Pure: answers in, a recommendation (or the questions still needed) out.
 *
 * The rules, first match wins:
 * 1. a whole system's shape → a system design;
 * 2. the approach decided, only the how missing → a tech spec;
 * 3. several viable options, and the choice crosses team boundaries, is costly to reverse or needs
 *    stakeholder review → an RFC;
 * 4. otherwise → an ADR, which records the decision and the alternatives considered.
 */

export type QuestionKey = 'wholeSystem' | 'approachDecided' | 'severalOptions' | 'crossTeam' | 'costlyToReverse' | 'needsReview';

export interface Question {
  key: QuestionKey;
  /** The option that answers it yes; `--no-<flag>` answers no. */
  flag: string;
  text: string;
}

/** The questions in the order the rules read them, which is the order they are asked in. */
export const QUESTIONS: readonly Question[] = [
  { key: 'wholeSystem', flag: 'whole-system', text: "Is it a whole system's shape?" },
  { key: 'approachDecided', flag: 'approach-decided', text: 'Is the approach already decided, and only the how is missing?' },
  { key: 'severalOptions', flag: 'several-options', text: 'Are there several viable options?' },
  { key: 'crossTeam', flag: 'cross-team', text: 'Does it cross team boundaries?' },
  { key: 'costlyToReverse', flag: 'costly-to-reverse', text: 'Is it costly to reverse?' },
  { key: 'needsReview', flag: 'needs-review', text: 'Does it need stakeholder review?' },
];

/**
 * The questions an unattended run (`--yes`, no terminal) may leave unanswered, taken as no: each
 * singles out another kind of document than a decision (a system's shape, the how of a decided
 * approach), and a run that does not say so is about a decision. Whether there are several options,
 * and what is at stake when there are, must be answered: they decide between an ADR and an RFC.
 */
export const DEFAULT_NO: readonly QuestionKey[] = ['wholeSystem', 'approachDecided'];

export type Answers = Partial<Record<QuestionKey, boolean>>;

export type RecommendedKind = 'system-design' | 'tech-spec' | 'rfc' | 'adr';

export interface Recommendation {
  kind: RecommendedKind;
  /** Why, in one sentence. */
  reason: string;
  /** The answers the rules read to get there, in the order they read them. */
  answersUsed: Array<{ key: QuestionKey; answer: boolean }>;
}

/** No recommendation yet: the questions that could decide it next, to ask (the first) or to name (all). */
export interface Pending {
  kind?: undefined;
  missing: QuestionKey[];
}

const STAKES: ReadonlyArray<{ key: QuestionKey; yes: string; no: string }> = [
  { key: 'crossTeam', yes: 'crosses team boundaries', no: 'stays within one team' },
  { key: 'costlyToReverse', yes: 'is costly to reverse', no: 'is cheap to reverse' },
  { key: 'needsReview', yes: 'needs stakeholder review', no: 'needs no stakeholder review' },
];

/** `a`, `a and b`, `a, b and c`. */
function list(parts: string[]): string {
  return parts.length <= 1 ? (parts[0] ?? '') : `${parts.slice(0, -1).join(', ')} and ${parts.at(-1)}`;
}

export function question(key: QuestionKey): Question {
  return QUESTIONS.find((q) => q.key === key)!;
}

/** The recommendation the answers lead to, or the questions still needed to reach one. */
export function recommend(answers: Answers): Recommendation | Pending {
  const used: Recommendation['answersUsed'] = [];
  const read = (key: QuestionKey): boolean | undefined => {
    const answer = answers[key];
    if (answer !== undefined) used.push({ key, answer });
    return answer;
  };
  const done = (kind: RecommendedKind, reason: string): Recommendation => ({ kind, reason, answersUsed: used });

  const wholeSystem = read('wholeSystem');
  if (wholeSystem === undefined) return { missing: ['wholeSystem'] };
  if (wholeSystem)
    return done('system-design', "It is a whole system's shape, so a system design draws its components, data model, security, scalability and deployment.");

  const approachDecided = read('approachDecided');
  if (approachDecided === undefined) return { missing: ['approachDecided'] };
  if (approachDecided) return done('tech-spec', 'The approach is decided and only the how is missing, so a tech spec sets out how it will be built.');

  const severalOptions = read('severalOptions');
  if (severalOptions === undefined) return { missing: ['severalOptions'] };
  if (!severalOptions) return done('adr', 'Only one option is viable, so an ADR records the decision, its context and the alternatives ruled out.');

  // Any one thing at stake makes it an RFC; only when none is can it be an ADR.
  const yes = STAKES.filter((s) => answers[s.key] === true);
  if (yes.length) {
    for (const s of yes) used.push({ key: s.key, answer: true });
    return done(
      'rfc',
      `Several options are viable and the choice ${list(yes.map((s) => s.yes))}, so an RFC puts them to reviewers before the decision is made.`,
    );
  }
  const unanswered = STAKES.filter((s) => answers[s.key] === undefined).map((s) => s.key);
  if (unanswered.length) return { missing: unanswered };
  for (const s of STAKES) used.push({ key: s.key, answer: false });
  return done(
    'adr',
    `Several options are viable, but the choice ${list(STAKES.map((s) => s.no))}, so an ADR records the decision and the alternatives considered.`,
  );
}

/** The answers with the questions an unattended run may leave out (DEFAULT_NO) taken as no; `defaulted` names those. */
export function withDefaults(answers: Answers): { answers: Answers; defaulted: QuestionKey[] } {
  const out: Answers = { ...answers };
  const defaulted: QuestionKey[] = [];
  for (const key of DEFAULT_NO) {
    if (out[key] === undefined) {
      out[key] = false;
      defaulted.push(key);
    }
  }
  return { answers: out, defaulted };
}
