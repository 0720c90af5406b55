/**
 * The marker comments between which `archdoc index` writes an index and its graph, and where they
 * are in a file: apart from core/index-page.ts, so that a status move, which looks for index files
 * to keep their links true, loads the markers and not the index and graph renderers.
 */
import { RefusedError } from './errors.js';
import { Fences, mayBeFence } from './fences.js';

export interface Markers {
  start: string;
  end: string;
  /** What the markers hold, for messages. */
  what: string;
}

export const INDEX_MARKERS: Markers = { start: '<!-- archdoc:index:start -->', end: '<!-- archdoc:index:end -->', what: 'index' };
export const GRAPH_MARKERS: Markers = { start: '<!-- archdoc:graph:start -->', end: '<!-- archdoc:graph:end -->', what: 'graph' };

export interface Region {
  /** Offsets of the start marker line's first character and of the end marker line's last. */
  from: number;
  to: number;
  /** The words the start marker holds after its name (`one-table kinds=rfc`), '' for none. */
  words: string;
}

/**
 * The comment a line holds as a block of its own, as CommonMark reads it: up to three spaces, the
 * comment, spaces or tabs after it. A line indented further (four spaces, a tab) is an indented
 * code block's line, or a paragraph's: never a marker. (A line at column 0 to 3 is never inside an
 * indented code block, so the column alone tells those apart; fenced blocks are tracked apart.)
 */
function commentLine(line: string): string | undefined {
  const m = /^ {0,3}(<!--.*-->)[ \t]*$/.exec(line);
  return m?.[1];
}

/** The words after a start marker's name (`<!-- archdoc:index:start one-table -->` gives `one-table`), or undefined when `comment` is no start marker. */
function startWords(comment: string, start: string): string | undefined {
  if (comment === start) return '';
  const name = start.slice(0, -' -->'.length);
  return comment.startsWith(`${name} `) && comment.endsWith(' -->') ? comment.slice(name.length, -' -->'.length).trim() : undefined;
}

/** The marker lines of `text` (see commentLine), outside fenced code blocks: each start with its offset and words, each end with its end offset. */
function markerLines(text: string, markers: Markers): { starts: Array<{ at: number; words: string }>; ends: number[] } {
  const fences = new Fences();
  const starts: Array<{ at: number; words: string }> = [];
  const ends: number[] = [];
  let at = 0;
  for (const line of text.split('\n')) {
    const body = line.endsWith('\r') ? line.slice(0, -1) : line;
    const inFence = mayBeFence(body) ? fences.feed(body) : fences.inside;
    const t = inFence ? undefined : commentLine(body);
    const words = t === undefined ? undefined : startWords(t, markers.start);
    if (words !== undefined) starts.push({ at, words });
    else if (t === markers.end) ends.push(at + body.length);
    at += line.length + 1;
  }
  return { starts, ends };
}

/**
 * Where a pair of markers is in `text`: lines that are the marker and nothing else (the start
 * marker may hold words after its name: the options it remembers), at column 0 to 3, outside code
 * blocks (fenced or indented). Undefined when there are none; refused when they are not one start
 * followed by one end.
 */
export function findMarkers(text: string, markers: Markers, file: string): Region | undefined {
  const { starts, ends } = markerLines(text, markers);
  if (starts.length === 0 && ends.length === 0) return undefined;
  if (starts.length !== 1 || ends.length !== 1 || ends[0]! < starts[0]!.at) {
    throw new RefusedError(`${file}: its ${markers.what} markers are not one ${markers.start} followed by one ${markers.end}; nothing was changed.`, [
      'Fix the markers by hand (or remove both), then run archdoc index again.',
    ]);
  }
  return { from: starts[0]!.at, to: ends[0]!, words: starts[0]!.words };
}

/**
 * Whether `text` holds one well-formed index: a start marker line, then an end marker line. A file
 * found by search that only names the marker (a note on where the index goes) is no index.
 */
export function holdsIndex(text: string): boolean {
  if (!hasIndexMarker(text)) return false;
  const { starts, ends } = markerLines(text, INDEX_MARKERS);
  return starts.length === 1 && ends.length === 1 && ends[0]! >= starts[0]!.at;
}

/** Whether `text` holds an index start marker line (outside code blocks): a file `archdoc index` wrote, whose links follow moved documents. */
export function hasIndexMarker(text: string): boolean {
  // Most files never name the marker: no need to read them line by line.
  return text.includes(INDEX_MARKERS.start.slice(0, -' -->'.length)) && markerLines(text, INDEX_MARKERS).starts.length > 0;
}
