import { describe, expect, it } from 'vitest';
import { approvedStatuses, fromOnward, holdsIn, pastInitial, statusRules } from '../../src/core/check/statuses.js';
import { DEFAULT_KINDS } from '../../src/core/kinds.js';

const { rfc, 'tech-spec': ts, adr } = DEFAULT_KINDS as Required<typeof DEFAULT_KINDS>;

describe('status phases', () => {
  it('REVIEW or later excludes the draft a review can return to', () => {
    expect([...fromOnward(rfc!, 'REVIEW')].sort()).toEqual(['APPROVED', 'COMPLETED', 'IN_PROGRESS', 'REVIEW']);
  });
  it('approved or later, per kind', () => {
    expect([...approvedStatuses(rfc!)].sort()).toEqual(['APPROVED', 'COMPLETED', 'IN_PROGRESS']);
    expect([...approvedStatuses(ts!)].sort()).toEqual(['APPROVED', 'REFERENCE']);
    expect([...approvedStatuses(adr!)]).toEqual(['ACCEPTED']);
  });
  it('past the initial status, archived left out', () => {
    expect([...pastInitial(adr!)]).toEqual(['ACCEPTED']);
  });
  it('status rules: a kind names them per status, a status it does not name keeps the default', () => {
    const strict = { ...rfc!, statusRules: { REVIEW: ['placeholder' as const] } };
    expect([...statusRules(strict, 'REVIEW')]).toEqual(['placeholder']);
    expect([...statusRules(strict, 'APPROVED')]).toEqual([...statusRules(rfc!, 'APPROVED')]);
    expect(holdsIn(strict, 'REVIEW', 'required-section')).toBe(false);
    expect(holdsIn(rfc!, 'REVIEW', 'required-section')).toBe(true);
    // A status the kind does not have holds nothing.
    expect(holdsIn(rfc!, 'SHIPPED', 'required-section')).toBe(false);
    expect(holdsIn(rfc!, undefined, 'required-section')).toBe(false);
  });
});
