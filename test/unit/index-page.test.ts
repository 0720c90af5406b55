/**
 * The index page's text operations (src/core/index-page.ts): blocks go between their markers and
 * nothing outside them changes; markers in code blocks are not markers; broken markers are refused;
 * cells escape what Markdown and HTML would read.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { RefusedError } from '../../src/core/errors.js';
import {
  findMarkers,
  GRAPH_MARKERS,
  hasIndexMarker,
  INDEX_MARKERS,
  indexBlock,
  linkTarget,
  markdownCell,
  optionWords,
  pageOptions,
  placeBlocks,
} from '../../src/core/index-page.js';

const INDEX = [INDEX_MARKERS.start, '', '| ID |', '| --- |', '| [RFC-0001](draft/RFC-0001-x.md) |', '', INDEX_MARKERS.end];
const GRAPH = [GRAPH_MARKERS.start, '', '```mermaid', 'flowchart LR', '```', '', GRAPH_MARKERS.end];

/** Text that holds no marker line and opens no code block: all sorts of characters, any line endings. */
const outside = fc.string({ unit: fc.constantFrom('a', ' ', '\n', '\r\n', '#', '<!--', '-->', 'é', '|', '\t', '*'), maxLength: 40 });

describe('placeBlocks', () => {
  it('replaces what is between the markers and keeps every byte around them', () => {
    fc.assert(
      fc.property(outside, outside, outside, (head, inner, tail) => {
        // A marker is a line of its own: what comes before ends a line, what comes after starts one.
        const before = head === '' || head.endsWith('\n') ? head : `${head}\n`;
        const after = tail === '' || tail.startsWith('\n') || tail.startsWith('\r\n') ? tail : `\n${tail}`;
        const text = `${before}${INDEX_MARKERS.start}\n${inner}\n${INDEX_MARKERS.end}${after}`;
        const out = placeBlocks(text, 'README.md', 'RFCs', INDEX);
        expect(out.startsWith(before)).toBe(true);
        expect(out.endsWith(after)).toBe(true);
        expect(out.slice(before.length, out.length - after.length)).toBe(INDEX.join(text.includes('\r\n') ? '\r\n' : '\n'));
        // Placing it again changes nothing.
        expect(placeBlocks(out, 'README.md', 'RFCs', INDEX)).toBe(out);
      }),
    );
  });

  it('adds the index at the end of a file without markers, keeping the file as its start', () => {
    fc.assert(
      fc.property(outside, (text) => {
        const out = placeBlocks(text, 'README.md', 'RFCs', INDEX);
        expect(out.startsWith(text)).toBe(true);
        expect(findMarkers(out, INDEX_MARKERS, 'README.md')).toBeDefined();
        expect(placeBlocks(out, 'README.md', 'RFCs', INDEX)).toBe(out);
      }),
    );
  });

  it('writes a new file with a heading, and puts a graph right after the index', () => {
    expect(placeBlocks(undefined, 'rfcs/README.md', 'RFCs', INDEX, GRAPH)).toBe(`# RFCs\n\n${INDEX.join('\n')}\n\n${GRAPH.join('\n')}\n`);
    const mine = `Intro\n\n${INDEX_MARKERS.start}\n${INDEX_MARKERS.end}\n\nOutro\n`;
    expect(placeBlocks(mine, 'README.md', 'RFCs', INDEX, GRAPH)).toBe(`Intro\n\n${INDEX.join('\n')}\n\n${GRAPH.join('\n')}\n\nOutro\n`);
  });

  it('ignores markers inside fenced code blocks, and refuses markers that are not one pair', () => {
    const fenced = `Write these lines:\n\n\`\`\`md\n${INDEX_MARKERS.start}\n${INDEX_MARKERS.end}\n\`\`\`\n`;
    expect(findMarkers(fenced, INDEX_MARKERS, 'README.md')).toBeUndefined();
    expect(placeBlocks(fenced, 'README.md', 'RFCs', INDEX).startsWith(fenced)).toBe(true);
    for (const broken of [
      `${INDEX_MARKERS.start}\n`,
      `${INDEX_MARKERS.end}\n${INDEX_MARKERS.start}\n`,
      `${INDEX_MARKERS.start}\n${INDEX_MARKERS.end}\n${INDEX_MARKERS.start}\n${INDEX_MARKERS.end}\n`,
    ]) {
      expect(() => placeBlocks(broken, 'docs/x.md', 'X', INDEX)).toThrow(RefusedError);
      expect(() => placeBlocks(broken, 'docs/x.md', 'X', INDEX)).toThrow(/^docs\/x\.md: its index markers are not one/);
    }
  });
});

describe('findMarkers', () => {
  it('takes a marker line only at column 0 to 3, outside code blocks: an indented code block holds examples, not markers', () => {
    const indented = `Put these lines in your README:\n\n    ${INDEX_MARKERS.start}\n    ${INDEX_MARKERS.end}\n\nThen run archdoc index.\n`;
    expect(findMarkers(indented, INDEX_MARKERS, 'README.md')).toBeUndefined();
    const out = placeBlocks(indented, 'README.md', 'RFCs', INDEX);
    expect(out.startsWith(indented)).toBe(true);
    expect(placeBlocks(out, 'README.md', 'RFCs', INDEX)).toBe(out);
    // A tab is four columns; an example after a real pair is no marker either.
    expect(findMarkers(`\t${INDEX_MARKERS.start}\n\t${INDEX_MARKERS.end}\n`, INDEX_MARKERS, 'x.md')).toBeUndefined();
    const real = `${INDEX_MARKERS.start}\n${INDEX_MARKERS.end}\n\n    ${INDEX_MARKERS.start}\n`;
    expect(findMarkers(real, INDEX_MARKERS, 'x.md')).toEqual({ from: 0, to: INDEX_MARKERS.start.length + 1 + INDEX_MARKERS.end.length, words: '' });
    // Up to three spaces, and spaces after, still make a marker line.
    const spaced = `   ${INDEX_MARKERS.start}  \n ${INDEX_MARKERS.end}\n`;
    expect(findMarkers(spaced, INDEX_MARKERS, 'x.md')).toBeDefined();
  });
});

describe('options the start marker remembers', () => {
  it('are written after its name, read back, and found wherever the marker is a marker', () => {
    const block = indexBlock([{ table: undefined, empty: 'None.' }], { oneTable: true, kinds: ['adr', 'rfc'] });
    expect(block[0]).toBe('<!-- archdoc:index:start one-table kinds=adr,rfc -->');
    const text = `# Index\n\n${block.join('\n')}\n`;
    expect(findMarkers(text, INDEX_MARKERS, 'x.md')?.words).toBe('one-table kinds=adr,rfc');
    expect(pageOptions(text, 'x.md')).toEqual({ oneTable: true, kinds: ['adr', 'rfc'] });
    expect(pageOptions(placeBlocks(undefined, 'x.md', 'X', indexBlock([], { kinds: 'all' })), 'x.md')).toEqual({ kinds: 'all' });
    expect(pageOptions(`${INDEX_MARKERS.start}\n${INDEX_MARKERS.end}\n`, 'x.md')).toEqual({});
    expect(pageOptions(undefined, 'x.md')).toEqual({});
    expect(optionWords({})).toBe('');
    expect(indexBlock([])[0]).toBe(INDEX_MARKERS.start);
    // Placing a block with other options replaces the marker with its words.
    expect(placeBlocks(text, 'x.md', 'X', indexBlock([], {}))).toBe(`# Index\n\n${indexBlock([]).join('\n')}\n`);
    expect(() => pageOptions(text.replace('one-table', 'one-table colour=blue'), 'x.md')).toThrow(/^x\.md: its index marker says "colour=blue"/);
    expect(hasIndexMarker(text)).toBe(true);
    expect(hasIndexMarker(`Write:\n\n    ${block[0]}\n`)).toBe(false);
    expect(hasIndexMarker(`\`\`\`\n${block[0]}\n\`\`\`\n`)).toBe(false);
    expect(hasIndexMarker('<!-- archdoc:index:start-ish -->\n')).toBe(false);
  });
});

describe('markdownCell and linkTarget', () => {
  it('escape every character Markdown, HTML or a table reads, on one line', () => {
    expect(markdownCell('a | b <script>x</script> & `c` *d* _e_ [f](g) ~h~ $i$ \\ j\nk')).toBe(
      'a \\| b &lt;script&gt;x&lt;/script&gt; &amp; \\`c\\` \\*d\\* \\_e\\_ \\[f\\](g) \\~h\\~ \\$i\\$ \\\\ j k',
    );
  });

  it('write relative links that survive a Markdown parser: spaces, parentheses and pipes encoded', () => {
    expect(linkTarget('rfcs/README.md', 'rfcs/draft/RFC-0001-a.md')).toBe('draft/RFC-0001-a.md');
    expect(linkTarget('docs/index.md', 'rfcs/my docs (old)|x.md')).toBe('../rfcs/my%20docs%20%28old%29%7Cx.md');
  });
});
