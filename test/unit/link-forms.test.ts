/**
 * A link names a file however it is written: percent-encoded (upper or lower case hex) or not,
 * its letters composed (NFC) or decomposed (NFD, as macOS writes names). The rewrite that follows a
 * moved file (src/core/links.ts) knows each form, and so does the quick test that says which
 * texts are worth parsing for it.
 */
import { describe, expect, it } from 'vitest';
import { mayLinkTo, rewriteLinks } from '../../src/core/links.js';

const NAME = 'RFC-0001-データベースの選定-rfc.md';
const FROM = `rfcs/draft/${NAME}`;
const TO = `rfcs/archive/2026/abandoned/${NAME}`;
const lower = (s: string) => s.replace(/%[0-9A-F]{2}/g, (h) => h.toLowerCase());

/** Every way one link to FROM can be written from rfcs/README.md. */
const FORMS = [
  `draft/${NAME}`,
  `draft/${NAME.normalize('NFD')}`,
  encodeURI(`draft/${NAME}`),
  lower(encodeURI(`draft/${NAME}`)),
  encodeURI(`draft/${NAME.normalize('NFD')}`),
  // Partly encoded: some letters as they are, others as a URL writes them.
  `draft/RFC-0001-${encodeURI('デ')}ータベースの選定-rfc.md`,
];

describe('links to a moved file, in every form', () => {
  it('each form is rewritten to the new place', () => {
    expect(NAME.normalize('NFD')).not.toBe(NAME);
    for (const form of FORMS) {
      const text = `# RFCs\n\n| [RFC-0001](${form}) | x |\n\n[ref]: ${form}\n`;
      const out = rewriteLinks(text, 'rfcs/README.md', 'rfcs/README.md', new Map([[FROM, TO]]));
      const href = encodeURI(`archive/2026/abandoned/${NAME}`);
      expect(out, form).toBe(`# RFCs\n\n| [RFC-0001](${href}) | x |\n\n[ref]: ${href}\n`);
    }
  });

  it('a moved document whose own links are written in NFD keeps them true from its new folder', () => {
    const text = `See [the other](${`RFC-0002-ガバナンス.md`.normalize('NFD')}).\n`;
    const out = rewriteLinks(text, TO, FROM, new Map([[FROM, TO]]));
    expect(out).toBe(`See [the other](${encodeURI(`../../../draft/${'RFC-0002-ガバナンス.md'.normalize('NFD')}`)}).\n`);
  });

  it('a link already at the new place, in any form, is left as written', () => {
    for (const form of [`archive/2026/abandoned/${NAME.normalize('NFD')}`, lower(encodeURI(`archive/2026/abandoned/${NAME}`))]) {
      expect(rewriteLinks(`[x](${form})\n`, 'rfcs/README.md', 'rfcs/README.md', new Map([[FROM, TO]])), form).toBeUndefined();
    }
  });

  it('the quick test lets every form through, and texts that cannot link to the file not', () => {
    for (const form of FORMS) expect(mayLinkTo(`[x](${form})`, NAME), form).toBe(true);
    expect(mayLinkTo('[x](draft/RFC-0002-other.md)', NAME)).toBe(false);
    expect(mayLinkTo('nothing here', 'RFC-0001-a.md')).toBe(false);
    expect(mayLinkTo('[x](draft/RFC-0001-a.md)', 'RFC-0001-a.md')).toBe(true);
  });
});
