/**
 * The rules of `archdoc new` (src/core/recommend.ts): each path to a kind, the answers each reads,
 * the questions still needed when the answers do not decide, and the answers an unattended run may
 * leave out.
 */
import { describe, expect, it } from 'vitest';
import { DEFAULT_NO, QUESTIONS, recommend, withDefaults, type Answers } from '../../src/core/recommend.js';

const NONE = { wholeSystem: false, approachDecided: false };

describe('recommend', () => {
  it('asks the six questions of the method, in the order the rules read them', () => {
    expect(QUESTIONS.map((q) => q.text)).toEqual([
      "Is it a whole system's shape?",
      'Is the approach already decided, and only the how is missing?',
      'Are there several viable options?',
      'Does it cross team boundaries?',
      'Is it costly to reverse?',
      'Does it need stakeholder review?',
    ]);
    expect(QUESTIONS.map((q) => q.flag)).toEqual(['whole-system', 'approach-decided', 'several-options', 'cross-team', 'costly-to-reverse', 'needs-review']);
  });

  it("a whole system's shape is a system design, whatever else is answered", () => {
    const r = recommend({ wholeSystem: true, severalOptions: true, crossTeam: true });
    expect(r.kind).toBe('system-design');
    expect(r).toMatchObject({ answersUsed: [{ key: 'wholeSystem', answer: true }] });
    expect((r as { reason: string }).reason).toMatch(/^It is a whole system's shape, so a system design/);
  });

  it('the approach decided, only the how missing, is a tech spec', () => {
    const r = recommend({ wholeSystem: false, approachDecided: true, severalOptions: true });
    expect(r).toEqual({
      kind: 'tech-spec',
      reason: 'The approach is decided and only the how is missing, so a tech spec sets out how it will be built.',
      answersUsed: [
        { key: 'wholeSystem', answer: false },
        { key: 'approachDecided', answer: true },
      ],
    });
  });

  it('several options and any one thing at stake is an RFC; the reason names what is at stake', () => {
    for (const stake of ['crossTeam', 'costlyToReverse', 'needsReview'] as const) {
      const r = recommend({ ...NONE, severalOptions: true, [stake]: true });
      expect(r.kind, stake).toBe('rfc');
      // The other two need no answer once one is yes.
      expect(r).toMatchObject({
        answersUsed: [{ key: 'wholeSystem' }, { key: 'approachDecided' }, { key: 'severalOptions', answer: true }, { key: stake, answer: true }],
      });
    }
    const both = recommend({ ...NONE, severalOptions: true, crossTeam: true, needsReview: true, costlyToReverse: false });
    expect(both).toMatchObject({
      kind: 'rfc',
      reason:
        'Several options are viable and the choice crosses team boundaries and needs stakeholder review, so an RFC puts them to reviewers before the decision is made.',
    });
  });

  it('one viable option is an ADR, stakes or not', () => {
    const r = recommend({ ...NONE, severalOptions: false, crossTeam: true });
    expect(r).toEqual({
      kind: 'adr',
      reason: 'Only one option is viable, so an ADR records the decision, its context and the alternatives ruled out.',
      answersUsed: [
        { key: 'wholeSystem', answer: false },
        { key: 'approachDecided', answer: false },
        { key: 'severalOptions', answer: false },
      ],
    });
  });

  it('several options with nothing at stake is an ADR, once every stake is answered no', () => {
    const r = recommend({ ...NONE, severalOptions: true, crossTeam: false, costlyToReverse: false, needsReview: false });
    expect(r.kind).toBe('adr');
    expect((r as { reason: string }).reason).toBe(
      'Several options are viable, but the choice stays within one team, is cheap to reverse and needs no stakeholder review, so an ADR records the decision and the alternatives considered.',
    );
    expect((r as { answersUsed: unknown[] }).answersUsed).toHaveLength(6);
  });

  it('names the questions still needed, one at a time until the stakes, which go together', () => {
    expect(recommend({})).toEqual({ missing: ['wholeSystem'] });
    expect(recommend({ severalOptions: true, crossTeam: true })).toEqual({ missing: ['wholeSystem'] });
    expect(recommend({ wholeSystem: false })).toEqual({ missing: ['approachDecided'] });
    expect(recommend(NONE)).toEqual({ missing: ['severalOptions'] });
    expect(recommend({ ...NONE, severalOptions: true })).toEqual({ missing: ['crossTeam', 'costlyToReverse', 'needsReview'] });
    expect(recommend({ ...NONE, severalOptions: true, costlyToReverse: false })).toEqual({ missing: ['crossTeam', 'needsReview'] });
  });

  it('an unattended run may leave out only whole-system and approach-decided, taken as no', () => {
    expect(DEFAULT_NO).toEqual(['wholeSystem', 'approachDecided']);
    const given: Answers = { severalOptions: true, crossTeam: true };
    const filled = withDefaults(given);
    expect(filled).toEqual({ answers: { ...given, ...NONE }, defaulted: ['wholeSystem', 'approachDecided'] });
    expect(recommend(filled.answers).kind).toBe('rfc');
    expect(withDefaults({ wholeSystem: true }).defaulted).toEqual(['approachDecided']);
    // Several options, or what is at stake, are never assumed.
    expect(recommend(withDefaults({}).answers)).toEqual({ missing: ['severalOptions'] });
    expect(recommend(withDefaults({ severalOptions: true, crossTeam: false }).answers)).toEqual({ missing: ['costlyToReverse', 'needsReview'] });
  });
});
