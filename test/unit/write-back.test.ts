/** Writing a status where a record states it (core/write-back.ts): only the status's bytes change, in the repository's words and case. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseDoc } from '../../src/core/document.js';
import { canonicalStatus, DEFAULT_KINDS, type KindDef } from '../../src/core/kinds.js';
import { addSupersedesLine, setStatusInPlace, statusWord } from '../../src/core/write-back.js';

const adr: KindDef = { ...DEFAULT_KINDS.adr!, frontmatter: 'optional', fileName: '{nnnn}-{slug}.md' };
const rfc: KindDef = { ...DEFAULT_KINDS.rfc!, frontmatter: 'optional', statusAliases: { accepted: 'APPROVED', implemented: 'COMPLETED' } };

/** A status stated in each place the tools before archdoc write it. */
const PLACES: Record<string, (word: string) => string> = {
  section: (w) => `## Status\n\n${w}\n`,
  bullet: (w) => `* Status: ${w}\n* Date: 2024-01-02\n`,
  bold: (w) => `**Status**: ${w}\n**Author**: Ana\n`,
  line: (w) => `Status: ${w}\n`,
  table: (w) => `| Status | ${w} |\n|---|---|\n| Author | Ana |\n`,
  frontmatter: (w) => `---\nstatus: ${w}\ndate: 2024-01-02\n---\n`,
};

const prose = fc.array(
  fc.stringMatching(/^[A-Za-z0-9 ,.()]{0,40}$/).filter((s) => !/status|supersede|date/i.test(s)),
  { maxLength: 4 },
);
const letterCase = fc.constantFrom<(s: string) => string>(
  (s) => s.toLowerCase(),
  (s) => s.toUpperCase(),
  (s) => s.charAt(0) + s.slice(1).toLowerCase(),
);

describe('setStatusInPlace', () => {
  it('changes the status and nothing else, wherever it stands, in the case the record writes it', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...Object.keys(PLACES)),
        fc.constantFrom('PROPOSED', 'ACCEPTED', 'DEPRECATED'),
        fc.constantFrom('ACCEPTED', 'REJECTED', 'DEPRECATED'),
        letterCase,
        prose,
        prose,
        (place, from, to, cased, before, after) => {
          const stated = PLACES[place]!(cased(from));
          const head = place === 'frontmatter' ? '' : `# 1. A title\n\n${before.join('\n')}\n\n`;
          const text = `${place === 'frontmatter' ? stated : ''}${head}${place === 'frontmatter' ? '' : stated}\n${after.join('\n')}\n`;
          const out = setStatusInPlace(text, 'doc/adr/0001-a-title.md', adr, to)!;
          // The new word in the old one's letter case, worked out here independently of statusWord.
          const old = cased(from);
          const word = old === old.toUpperCase() ? to : old === old.toLowerCase() ? to.toLowerCase() : to.charAt(0) + to.slice(1).toLowerCase();
          // Exactly the old word replaced by the new one.
          const at = text.indexOf(cased(from), place === 'frontmatter' ? 0 : head.length);
          expect(out).toBe(text.slice(0, at) + word + text.slice(at + from.length));
          expect(parseDoc(out, 'doc/adr/0001-a-title.md', adr).status).toBe(to);
        },
      ),
    );
  });

  it("writes the repository's word for a status (its alias), and names a successor as the place does", () => {
    const bold = '# RFC-0003: X\n\n**Status**: Accepted\n';
    expect(setStatusInPlace(bold, 'rfcs/RFC-0003-x.md', rfc, 'COMPLETED')).toBe('# RFC-0003: X\n\n**Status**: Implemented\n');
    expect(setStatusInPlace(bold, 'rfcs/RFC-0003-x.md', rfc, 'SUPERSEDED', () => 'RFC-0009')).toBe('# RFC-0003: X\n\n**Status**: Superseded by RFC-0009\n');
    // Only the status words: what follows them on the line stays.
    const adr2 = (status: string) => `# 2. X\n\n## Status\n\n${status}\n`;
    expect(setStatusInPlace(adr2('Accepted on 2024-01-02 by the board'), 'd/0002-x.md', adr, 'DEPRECATED')).toBe(adr2('Deprecated on 2024-01-02 by the board'));
    expect(setStatusInPlace(adr2('Proposed (pending security review)'), 'd/0002-x.md', adr, 'ACCEPTED')).toBe(adr2('Accepted (pending security review)'));
    expect(setStatusInPlace(adr2('**Accepted** ✅'), 'd/0002-x.md', adr, 'DEPRECATED')).toBe(adr2('**Deprecated** ✅'));
    expect(setStatusInPlace(adr2('<!-- proposed | accepted -->\nProposed'), 'd/0002-x.md', adr, 'ACCEPTED')).toBe(
      adr2('<!-- proposed | accepted -->\nAccepted'),
    );
    // Superseding takes the whole value.
    expect(setStatusInPlace(adr2('Accepted on 2024-01-02'), 'd/0002-x.md', adr, 'SUPERSEDED', () => '[3. Y](0003-y.md)')).toBe(
      adr2('Superseded by [3. Y](0003-y.md)'),
    );
    // A status stated twice, in frontmatter and in a section, is changed in both.
    const both = '---\nstatus: proposed\n---\n# X\n\n## Status\n\nProposed\n';
    expect(setStatusInPlace(both, 'd/0002-x.md', adr, 'ACCEPTED')).toBe('---\nstatus: accepted\n---\n# X\n\n## Status\n\nAccepted\n');
    // A record that states no status has no place to change.
    expect(setStatusInPlace('# X\n\nText.\n', 'rfcs/RFC-0003-x.md', rfc, 'COMPLETED')).toBeUndefined();
  });
});

describe('addSupersedesLine', () => {
  it('adds the back-link under a status section or bullet once, and leaves other places alone', () => {
    const ref = (place: string | undefined) => (place === 'section' ? '[1. Old](0001-old.md)' : '[ADR-0001](0001-old.md)');
    const section = '# 2. New\n\n## Status\n\nAccepted\n\n## Context\n';
    const once = addSupersedesLine(section, 'd/0002-new.md', adr, ref)!;
    expect(once).toBe('# 2. New\n\n## Status\n\nAccepted\n\nSupersedes [1. Old](0001-old.md)\n\n## Context\n');
    expect(addSupersedesLine(once, 'd/0002-new.md', adr, ref)).toBeUndefined();
    expect(addSupersedesLine('# New\n\n- Status: accepted\n- Date: x\n', 'd/0002-new.md', adr, ref)).toBe(
      '# New\n\n- Status: accepted\n- Supersedes [ADR-0001](0001-old.md)\n- Date: x\n',
    );
    expect(addSupersedesLine('---\nstatus: accepted\n---\n# New\n', 'd/0002-new.md', adr, ref)).toBeUndefined();
    // A file that ends on its status line gets the line ended, never glued to.
    expect(addSupersedesLine('# New\n\n* Status: accepted', 'd/0002-new.md', adr, ref)).toBe(
      '# New\n\n* Status: accepted\n* Supersedes [ADR-0001](0001-old.md)\n',
    );
  });
});

describe('statusWord', () => {
  it('writes a multi-word alias so that it reads back, in capitals too', () => {
    const kind: KindDef = { ...DEFAULT_KINDS.rfc!, statusAliases: { 'in review': 'REVIEW' } };
    for (const like of ['DRAFT', 'draft', 'Draft']) {
      const word = statusWord(kind, 'REVIEW', like);
      expect(canonicalStatus(kind, word)).toBe('REVIEW');
    }
    expect(statusWord(kind, 'REVIEW', 'DRAFT')).toBe('IN REVIEW');
    expect(statusWord(kind, 'IN_PROGRESS', 'DRAFT')).toBe('IN_PROGRESS');
    // Title Case in, Title Case out; one capital in, one capital out.
    expect(statusWord(kind, 'REVIEW', 'Ready For Work')).toBe('In Review');
    expect(statusWord(kind, 'REVIEW', 'Accepted')).toBe('In review');
  });

  it('a status stated in several places is changed in each, each in its own case', () => {
    const rfcText = '# RFC-0006: X\n\n**Status**: Draft\n\n| Status | DRAFT |\n|---|---|\n';
    expect(setStatusInPlace(rfcText, 'rfcs/RFC-0006-x.md', rfc, 'REVIEW')).toBe('# RFC-0006: X\n\n**Status**: Review\n\n| Status | REVIEW |\n|---|---|\n');
    const madr = '---\nstatus: proposed\n---\n# X\n\n* Status: proposed\n';
    expect(setStatusInPlace(madr, 'd/0001-x.md', adr, 'ACCEPTED')).toBe('---\nstatus: accepted\n---\n# X\n\n* Status: accepted\n');
  });

  it('reads a status word with emphasis closing right after it, and changes only the word', () => {
    const text = '# 8. X\n\n## Status\n\n_Accepted_ — by the board\n';
    expect(parseDoc(text, 'd/0008-x.md', adr).status).toBe('ACCEPTED');
    expect(setStatusInPlace(text, 'd/0008-x.md', adr, 'DEPRECATED')).toBe('# 8. X\n\n## Status\n\n_Deprecated_ — by the board\n');
  });
});
