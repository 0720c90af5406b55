/** Detection of existing records (core/detect.ts): what counts as a folder of records, and the configuration that reads it. */
import { describe, expect, it } from 'vitest';
import { detectFolder } from '../../src/core/detect.js';
import { headingTitle, parseDoc } from '../../src/core/document.js';
import { numberOfName } from '../../src/core/file-names.js';
import { DEFAULT_KINDS } from '../../src/core/kinds.js';

const adrTools = (n: number, title: string, status: string) => ({
  name: `${String(n).padStart(4, '0')}-${title.toLowerCase().replace(/ /g, '-')}.md`,
  text: `# ${n}. ${title}\n\nDate: 2024-01-0${n}\n\n## Status\n\n${status}\n\n## Context\n\nWhy.\n\n## Decision\n\nWhat.\n\n## Consequences\n\nThen.\n`,
});

describe('detectFolder', () => {
  it('reads an adr-tools folder: numbered names, status in a section, its own words', () => {
    const d = detectFolder({
      folder: 'doc/adr',
      namedBy: '.adr-dir',
      files: [adrTools(1, 'Record decisions', 'Accepted'), adrTools(2, 'Use Kafka', 'Proposed'), { name: 'README.md', text: '# Decisions\n' }],
    });
    expect(d).toMatchObject({ kind: 'adr', format: 'adr-tools', records: 2, skipped: ['README.md'], unplaced: [] });
    expect(d!.config).toEqual({ folder: 'doc/adr', layout: 'flat', frontmatter: 'optional', file_name: '{nnnn}-{slug}.md', template: 'adr-tools' });
    expect(d!.statuses).toEqual([
      { word: 'Accepted', count: 1, status: 'ACCEPTED' },
      { word: 'Proposed', count: 1, status: 'PROPOSED' },
    ]);
  });

  it('numbered Markdown that states no status is no folder of records (a manual: 01-intro.md, 02-setup.md)', () => {
    const files = [
      { name: '01-intro.md', text: '# Intro\n\nHello.\n' },
      { name: '02-setup.md', text: '# Setup\n\nnpm i.\n' },
      { name: '03-status.md', text: '# Status page\n\nStatus: see the dashboard.\n' },
    ];
    expect(detectFolder({ folder: 'docs/manual', files })).toBeUndefined();
    // Named by a marker, the same files are records all the same.
    expect(detectFolder({ folder: 'docs/manual', files, namedBy: '.adr-dir' })?.records).toBe(3);
  });

  it('takes the digit count of file names from the names most used, and a date from dated names', () => {
    const two = [0, 1, 2].map((n) => ({ name: `0${n}-x${n}.md`, text: `# X${n}\n\n* Status: accepted\n` }));
    expect(detectFolder({ folder: 'docs/adr', files: two })!.config.file_name).toBe('{nn}-{slug}.md');
    const dated = ['20240105', '20240110'].map((d) => ({ name: `${d}-x${d}.md`, text: `# X\n\n- Status: accepted\n` }));
    expect(detectFolder({ folder: 'docs/adr', files: dated })!.config.file_name).toBe('{date}-{slug}.md');
  });

  it("maps the team's words to the kind's statuses, and says what it cannot place", () => {
    const rfc = (n: number, status: string) => ({ name: `RFC-000${n}-x.md`, text: `# RFC-000${n}: X\n\n**Status**: ${status}\n\n## Summary\n\nS.\n` });
    const d = detectFolder({ folder: 'rfcs', files: [rfc(1, 'IMPLEMENTED'), rfc(2, 'Accepted'), rfc(3, 'Parked')] })!;
    expect(d.kind).toBe('rfc');
    expect(d.config.status_aliases).toEqual({ implemented: 'COMPLETED', accepted: 'APPROVED' });
    expect(d.unplaced).toEqual([{ name: 'RFC-0003-x.md', why: expect.stringContaining('status "Parked"') }]);
    // No record names reviewers or writes archdoc's sections: no guard or rule asks for them.
    expect(d.config.required_sections).toEqual(['Summary']);
    expect(d.config.decision_discipline).toBe(false);
    expect(d.config.guards).toEqual({ SUPERSEDED: [{ type: 'by', required: true }] });
  });

  it('takes the kind whose statuses place the most records, whatever the folder is called', () => {
    const proposal = (n: number, status: string) => ({ name: `000${n}-p${n}.md`, text: `# P${n}\n\n**Status**: ${status}\n` });
    const words = ['Draft', 'In Review', 'Implemented', 'Accepted', 'Withdrawn'];
    const d = detectFolder({ folder: 'proposals', files: words.map((w, i) => proposal(i + 1, w)) })!;
    expect(d.kind).toBe('rfc');
    expect(d.unplaced).toEqual([]);
  });

  it('prose that mentions a status word no kind knows is no folder of records', () => {
    const guide = [
      { name: '01-troubleshooting.md', text: '# Troubleshooting\n\nStatus: running means the job is up.\n' },
      { name: '02-ops.md', text: '# Operations\n\n- Status: green means all good\n' },
    ];
    expect(detectFolder({ folder: 'docs/guide', files: guide })).toBeUndefined();
  });

  it('recognises adr-tools records without .adr-dir, and a folder .adr-dir names before any record is in it', () => {
    const d = detectFolder({ folder: 'doc/adr', files: [adrTools(1, 'Record decisions', 'Accepted'), adrTools(2, 'Use Kafka', 'Accepted')] })!;
    expect(d.format).toBe('adr-tools');
    expect(d.config.template).toBe('adr-tools');
    const empty = detectFolder({ folder: 'decisions', files: [], namedBy: '.adr-dir' })!;
    expect(empty.config).toEqual({ folder: 'decisions', layout: 'flat', frontmatter: 'optional', file_name: '{nnnn}-{slug}.md', template: 'adr-tools' });
  });

  it('reads metadata in a block quote, and titles written `RFC 1: Title`', () => {
    const rfc = (n: number, status: string) => ({ name: `000${n}-q${n}.md`, text: `# RFC ${n}: Quote ${n}\n\n> **Status:** ${status}\n` });
    const d = detectFolder({ folder: 'rfcs', files: [rfc(1, 'Accepted'), rfc(2, 'Draft')] })!;
    expect(d.records).toBe(2);
    expect(d.unplaced).toEqual([]);
    expect(headingTitle('# RFC 1: Quote 1\n')).toBe('Quote 1');
    // Words before a number stay words: only an id in capitals with a colon is stripped.
    expect(headingTitle('# Python 3: drop 2.7\n')).toBe('Python 3: drop 2.7');
    expect(headingTitle('\uFEFF# 2. BOM record\n')).toBe('BOM record');
  });

  it('keys status words by the words that place them: `Accepted on 2024-01-02` is `accepted`', () => {
    const rfc = (n: number) => ({ name: `RFC-000${n}-x.md`, text: `# RFC-000${n}: X\n\n**Status**: Accepted on 2024-01-0${n}\n` });
    const d = detectFolder({ folder: 'rfcs', files: [rfc(1), rfc(2)] })!;
    expect(d.statuses).toEqual([{ word: 'Accepted', count: 2, status: 'APPROVED' }]);
    expect(d.config.status_aliases).toEqual({ accepted: 'APPROVED' });
  });

  it('takes dashed dates in file names for dates, never for numbers', () => {
    const dated = ['2024-01-05', '2024-01-10'].map((day) => ({ name: `${day}-x${day}.md`, text: '# X\n\n- Status: accepted\n' }));
    expect(detectFolder({ folder: 'docs/adr', files: dated })!.config.file_name).toBe('{yyyy-mm-dd}-{slug}.md');
    const kind = { ...DEFAULT_KINDS.adr!, fileName: '{nnnn}-{slug}.md' };
    expect(numberOfName(kind, '2024-05-01-retro-notes.md')).toBeUndefined();
    expect(numberOfName(kind, '0012-x.md')).toBe(12);
  });

  it("gives the kind the team's own prefix (DEC-0001-x.md)", () => {
    const dec = (n: number) => ({ name: `DEC-000${n}-x${n}.md`, text: `# DEC-000${n}: X\n\n## Status\n\nAccepted\n` });
    const d = detectFolder({ folder: 'decisions', files: [dec(1), dec(2)] })!;
    expect(d.config.prefix).toBe('DEC');
    expect(d.config.file_name).toBeUndefined();
    expect(d.records).toBe(2);
  });

  it("leaves archdoc's own records to the configuration as written", () => {
    const text = '---\nrfc_id: RFC-0001\ntitle: X\nstatus: DRAFT\n---\n\n# RFC-0001: X\n';
    const d = detectFolder({ folder: 'rfcs/draft', files: [{ name: 'RFC-0001-x.md', text }] })!;
    expect(d.format).toBe('archdoc');
    expect(d.config).toEqual({ folder: 'rfcs/draft' });
  });

  it("reads SD-numbered records as system designs: archdoc's own, and a folder of system designs written by hand", () => {
    const own = '---\nsystem_design_id: SD-0001\ntitle: X\nstatus: REVIEW\n---\n\n# SD-0001: X\n';
    const d = detectFolder({ folder: 'system-designs/review', files: [{ name: 'SD-0001-x.md', text: own }] })!;
    expect(d).toMatchObject({ kind: 'system-design', format: 'archdoc' });
    // SD is the built-in prefix, not the team's own.
    const hand = (n: number, status: string) => ({ name: `SD-000${n}-x${n}.md`, text: `# SD-000${n}: X\n\nStatus: ${status}\n` });
    const byHand = detectFolder({ folder: 'architecture', files: [hand(1, 'Approved'), hand(2, 'Draft')] })!;
    expect(byHand).toMatchObject({ kind: 'system-design', format: 'hand-written', records: 2, unplaced: [] });
    expect(byHand.config.prefix).toBeUndefined();
    // Numbered files in a folder named for system designs are read as such first.
    const numbered = (n: number, status: string) => ({ name: `000${n}-x${n}.md`, text: `# X${n}\n\nStatus: ${status}\n` });
    const named = detectFolder({ folder: 'docs/system-designs', files: [numbered(1, 'Approved'), numbered(2, 'Retired')] })!;
    expect(named).toMatchObject({ kind: 'system-design', unplaced: [] });
    expect(named.statuses).toEqual([
      { word: 'Approved', count: 1, status: 'APPROVED' },
      { word: 'Retired', count: 1, status: 'ARCHIVED' },
    ]);
  });
});

describe('reading a status key', () => {
  it("is strict for archdoc's own kinds and lenient where a kind reads other tools' records", () => {
    const text = '---\nrfc_id: RFC-0001\ntitle: X\nstatus: REVIEW please wait\n---\n# X\n';
    expect(parseDoc(text, 'rfcs/RFC-0001-x.md', DEFAULT_KINDS.rfc!).statusKnown).toBe(false);
    expect(parseDoc(text, 'rfcs/RFC-0001-x.md', { ...DEFAULT_KINDS.rfc!, frontmatter: 'optional' }).status).toBe('REVIEW');
  });
});
