import { describe, expect, it } from 'vitest';
import { dateInBody, statusInBody, supersededByIn } from '../../src/core/body-fields.js';

const status = (body: string) => {
  const v = statusInBody(body);
  return v && { raw: v.raw, place: v.place, at: body.slice(v.start, v.end), line: v.line };
};

describe('fields written in a body', () => {
  it('reads the status wherever the tools before archdoc write it, with its exact place', () => {
    expect(status('# 1. Record\n\nDate: 2024-02-01\n\n## Status\n\nAccepted\n\n## Context\n')).toEqual({
      raw: 'Accepted',
      place: 'section',
      at: 'Accepted',
      line: 7,
    });
    expect(status('# T\n\n## Status\n\nSuperseded by [3. Use Postgres](0003-use-postgres.md)\n\nSupersedes [1. X](0001-x.md)\n')?.raw).toBe(
      'Superseded by [3. Use Postgres](0003-use-postgres.md)',
    );
    expect(status('# Use X\n\n* Status: accepted\n* Deciders: Ann\n')).toEqual({ raw: 'accepted', place: 'bullet', at: 'accepted', line: 3 });
    expect(status('# Use X\n\n- **Status**: proposed\n')?.raw).toBe('proposed');
    expect(status('# Use X\n\n**Status:** Accepted\n')).toMatchObject({ raw: 'Accepted', place: 'bold' });
    expect(status('# Use X\n\n**Status**: Accepted  \n')).toMatchObject({ raw: 'Accepted', place: 'bold' });
    expect(status('# Use X\n\nStatus: Accepted\r\n')).toMatchObject({ raw: 'Accepted', place: 'line', at: 'Accepted' });
    expect(status('# RFC\n\n| Field | Value |\n|---|---|\n| Status | DRAFT |\n| Author | Ann |\n')).toMatchObject({ raw: 'DRAFT', place: 'table', line: 5 });
    expect(status('# X\n\n```yaml\nstatus: accepted\n```\n')).toBeUndefined();
    expect(status('# X\n\nThe status: unclear, says Ann.\n')).toBeUndefined();
  });

  it('reads a date, and what superseded a record', () => {
    expect(dateInBody('# 1. X\n\nDate: 2024-02-01\n')).toBe('2024-02-01');
    expect(dateInBody('* Date: 2019-05-01\n')).toBe('2019-05-01');
    expect(dateInBody('Date: sometime\n')).toBeUndefined();
    expect(supersededByIn('superseded by ADR-0005')).toBe('ADR-0005');
    expect(supersededByIn('Superseded by [3. Use Postgres](0003-use-postgres.md)')).toBe('0003-use-postgres.md');
    expect(supersededByIn('Accepted')).toBeUndefined();
  });
});
