import { describe, expect, it } from 'vitest';
import { approvedStatuses, fromOnward, pastInitial } from '../../src/core/check/statuses.js';
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
});
