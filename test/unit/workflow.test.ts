import { describe, expect, it } from 'vitest';
import { resolveConfig } from '../../src/core/config.js';
import { parseDoc, type DocRecord } from '../../src/core/document.js';
import { DEFAULT_KINDS } from '../../src/core/kinds.js';
import { planReviewer, planTransition } from '../../src/core/workflow.js';

const rfc = DEFAULT_KINDS.rfc!;
const doc = (status: string, extra = '', body = '') =>
  parseDoc(`---\nrfc_id: RFC-0001\ntitle: T\nstatus: ${status}\n${extra}---\n${body}`, 'rfcs/x/RFC-0001-t.md', rfc);
const lookup = () => undefined;

describe('planTransition', () => {
  it('refuses a transition the workflow does not have, naming the allowed ones', () => {
    const p = planTransition({ doc: doc('DRAFT'), target: 'approved', today: '2026-11-25', lookup });
    expect(p).toMatchObject({ ok: false, reason: 'not-allowed', details: ['Allowed next from DRAFT: REVIEW, ABANDONED, SUPERSEDED'] });
  });

  it('refuses an unknown status as usage', () => {
    expect(planTransition({ doc: doc('DRAFT'), target: 'REVEIW', today: '2026-11-25', lookup })).toMatchObject({ ok: false, reason: 'unknown-status' });
  });

  it('guards REVIEW on reviewers and warns below two', () => {
    expect(planTransition({ doc: doc('DRAFT'), target: 'REVIEW', today: '2026-11-25', lookup })).toMatchObject({ ok: false, reason: 'guard' });
    const p = planTransition({ doc: doc('DRAFT', 'reviewers:\n  - name: A\n    status: pending\n'), target: 'review', today: '2026-11-25', lookup });
    expect(p.ok && p.warnings).toEqual(['only 1 reviewer named; 2 or more is recommended']);
  });

  it('sets decision_date on APPROVED and records history with the comment', () => {
    const p = planTransition({ doc: doc('REVIEW', 'reviewers: ["A:approved"]\n'), target: 'APPROVED', today: '2026-11-25', comment: 'ok', lookup });
    expect(p.ok && p.edits).toEqual([
      { op: 'set', path: ['status'], value: 'APPROVED' },
      { op: 'set', path: ['last_updated'], value: '2026-11-25' },
      { op: 'set', path: ['decision_date'], value: '2026-11-25' },
      { op: 'append', key: 'history', item: { status: 'APPROVED', date: '2026-11-25', comment: 'ok' } },
    ]);
  });

  it('needs written sections for IN_PROGRESS', () => {
    const empty = planTransition({
      doc: doc('APPROVED', '', '\n## Technical Design\n\n[Describe it]\n\n## Implementation Plan\n\nSteps.\n'),
      target: 'IN_PROGRESS',
      today: '2026-11-25',
      lookup,
    });
    expect(empty).toMatchObject({ ok: false, message: expect.stringContaining('"## Technical Design" has no content') });
  });

  it('SUPERSEDED needs --by, an existing one, not itself', () => {
    expect(planTransition({ doc: doc('APPROVED'), target: 'SUPERSEDED', today: '2026-11-25', lookup })).toMatchObject({
      ok: false,
      message: expect.stringContaining('--by RFC-XXXX'),
    });
    expect(planTransition({ doc: doc('APPROVED'), target: 'SUPERSEDED', today: '2026-11-25', byMissing: 'RFC-0099', lookup })).toMatchObject({
      ok: false,
      message: expect.stringContaining('--by RFC-0099: no such RFC'),
    });
    const by = { ...doc('DRAFT'), id: 'RFC-0002', path: 'b.md' } as DocRecord;
    const p = planTransition({ doc: doc('APPROVED'), target: 'SUPERSEDED', today: '2026-11-25', by, lookup });
    expect(p.ok && p.successorEdits).toEqual([
      { op: 'set', path: ['supersedes'], value: 'RFC-0001' },
      { op: 'set', path: ['last_updated'], value: '2026-11-25' },
    ]);
    // A successor that already replaces another keeps it: the list grows.
    const by2 = { ...parseDoc('---\nrfc_id: RFC-0002\nsupersedes: RFC-0005\n---\n', 'b.md', rfc), id: 'RFC-0002' } as DocRecord;
    const p2 = planTransition({ doc: doc('APPROVED'), target: 'SUPERSEDED', today: '2026-11-25', by: by2, lookup });
    expect(p2.ok && p2.successorEdits[0]).toEqual({ op: 'set', path: ['supersedes'], value: ['RFC-0005', 'RFC-0001'] });
    expect(p.ok && p.edits).toContainEqual({ op: 'set', path: ['superseded_by'], value: 'RFC-0002' });
  });
});

describe('planReviewer', () => {
  it('adds, updates, and rejects unknown reviewer statuses', () => {
    const d = doc('DRAFT', 'reviewers:\n  - name: Alice\n    status: pending\n');
    expect(planReviewer(d, 'Bob', '2026-11-25')).toMatchObject({ ok: true, summary: 'added reviewer Bob (pending)' });
    expect(planReviewer(d, 'alice:approved', '2026-11-25')).toMatchObject({
      ok: true,
      edits: [
        { op: 'set', path: ['reviewers', 0, 'status'], value: 'approved' },
        { op: 'set', path: ['reviewers', 0, 'approved_on'], value: '2026-11-25' },
        { op: 'set', path: ['reviewers', 0, 'body_hash'], value: expect.stringMatching(/^[0-9a-f]{8}$/) },
        expect.anything(),
      ],
    });
    expect(planReviewer(d, 'Alice:maybe', '2026-11-25')).toMatchObject({ ok: false });
  });
});

describe('resolveConfig', () => {
  it('accepts an empty file and returns the defaults', () => {
    const r = resolveConfig(null);
    expect(r.errors).toEqual([]);
    expect(r.config.idPadding).toBe(4);
  });

  it('explains mistakes with did-you-mean', () => {
    expect(resolveConfig({ layuot: 'flat' }).errors).toEqual(['layuot: unknown setting; did you mean "layout"?']);
    expect(resolveConfig({ layout: 'flatt' }).errors[0]).toMatch(/layout: must be one of "by-status", "flat"; did you mean "flat"\?/);
    expect(resolveConfig({ id_padding: 'four' }).errors[0]).toMatch(/id_padding: must be integer/);
    expect(resolveConfig({ kinds: { rfc: { transitions: { DRAFT: ['REVEIW'] } } } }).errors).toEqual([
      'kinds.rfc.transitions.DRAFT names unknown status "REVEIW"; did you mean "REVIEW"?',
    ]);
    expect(resolveConfig({ kinds: { prd: { prefix: 'PRD' } } }).errors[0]).toMatch(/a new kind needs "folder", "statuses", "initial", "transitions"/);
    expect(resolveConfig({ kinds: { rfc: { folder: '../outside' } } }).errors[0]).toMatch(/kinds.rfc.folder/);
  });
});
