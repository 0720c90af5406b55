/**
 * `archdoc graph`: the link graph of a small fixture repository, as exact Mermaid and DOT text;
 * the --kind and --status filters; titles that try to break either format; and the DOT parsed and
 * laid out by real Graphviz (compiled to WebAssembly: @hpcc-js/wasm-graphviz, no `dot` binary).
 */
import { Graphviz } from '@hpcc-js/wasm-graphviz';
import { describe, expect, it } from 'vitest';
import { makeRepo, type RunResult } from '../helpers.js';
import { FIXTURE, HOSTILE, hostileFiles, seed } from './graph-fixtures.js';

const MERMAID = `flowchart LR
  RFC_0001["RFC-0001: Use MySQL for orders<br/>SUPERSEDED"]:::archived
  RFC_0002["RFC-0002: Adopt PostgreSQL for orders<br/>APPROVED"]:::approved
  RFC_0003["RFC-0003: Event-sourced orders<br/>DRAFT"]:::draft
  RFC_0004["RFC-0004: Order audit log<br/>REVIEW"]:::open
  TS_0001["TS-0001: Orders service<br/>DRAFT"]:::draft
  TS_0002["TS-0002: Audit pipeline<br/>REFERENCE"]:::approved
  ADR_0001["ADR-0001: Use UUIDs<br/>SUPERSEDED"]:::archived
  ADR_0002["ADR-0002: Use ULIDs<br/>ACCEPTED"]:::approved
  ADR_0003["ADR-0003: Keep money in cents<br/>PROPOSED"]:::draft
  RFC_0002 ==>|supersedes| RFC_0001
  RFC_0003 -->|depends on| RFC_0002
  RFC_0003 -.->|relates to| RFC_0004
  RFC_0004 -->|amends| RFC_0002
  TS_0001 -->|implements| RFC_0002
  TS_0002 -->|implements| RFC_0004
  TS_0002 -->|depends on| TS_0001
  ADR_0002 ==>|supersedes| ADR_0001
  classDef draft fill:#ffffff,stroke:#6e7781,color:#24292f,stroke-dasharray:4 3
  classDef open fill:#fff8c5,stroke:#9a6700,color:#24292f
  classDef approved fill:#dafbe1,stroke:#1a7f37,color:#24292f
  classDef archived fill:#eaeef2,stroke:#8c959f,color:#57606a,stroke-dasharray:4 3
`;

const DOT = String.raw`digraph archdoc {
  rankdir=LR;
  node [shape=box, style="rounded,filled", fontname="Helvetica", fontsize=11];
  edge [fontname="Helvetica", fontsize=9];
  RFC_0001 [label="RFC-0001: Use MySQL for orders\nSUPERSEDED", class="archived", fillcolor="#eaeef2", color="#8c959f", fontcolor="#57606a", style="rounded,filled,dashed"];
  RFC_0002 [label="RFC-0002: Adopt PostgreSQL for orders\nAPPROVED", class="approved", fillcolor="#dafbe1", color="#1a7f37", fontcolor="#24292f"];
  RFC_0003 [label="RFC-0003: Event-sourced orders\nDRAFT", class="draft", fillcolor="#ffffff", color="#6e7781", fontcolor="#24292f", style="rounded,filled,dashed"];
  RFC_0004 [label="RFC-0004: Order audit log\nREVIEW", class="open", fillcolor="#fff8c5", color="#9a6700", fontcolor="#24292f"];
  TS_0001 [label="TS-0001: Orders service\nDRAFT", class="draft", fillcolor="#ffffff", color="#6e7781", fontcolor="#24292f", style="rounded,filled,dashed"];
  TS_0002 [label="TS-0002: Audit pipeline\nREFERENCE", class="approved", fillcolor="#dafbe1", color="#1a7f37", fontcolor="#24292f"];
  ADR_0001 [label="ADR-0001: Use UUIDs\nSUPERSEDED", class="archived", fillcolor="#eaeef2", color="#8c959f", fontcolor="#57606a", style="rounded,filled,dashed"];
  ADR_0002 [label="ADR-0002: Use ULIDs\nACCEPTED", class="approved", fillcolor="#dafbe1", color="#1a7f37", fontcolor="#24292f"];
  ADR_0003 [label="ADR-0003: Keep money in cents\nPROPOSED", class="draft", fillcolor="#ffffff", color="#6e7781", fontcolor="#24292f", style="rounded,filled,dashed"];
  RFC_0002 -> RFC_0001 [label="supersedes", style=bold];
  RFC_0003 -> RFC_0002 [label="depends on"];
  RFC_0003 -> RFC_0004 [label="relates to", style=dashed];
  RFC_0004 -> RFC_0002 [label="amends"];
  TS_0001 -> RFC_0002 [label="implements"];
  TS_0002 -> RFC_0004 [label="implements"];
  TS_0002 -> TS_0001 [label="depends on"];
  ADR_0002 -> ADR_0001 [label="supersedes", style=bold];
}
`;

/** Runs `archdoc graph` in a fresh copy of the fixture (each test's folders are removed after it). */
async function graph(args: string[], files = FIXTURE): Promise<RunResult> {
  const repo = makeRepo();
  seed(repo, files);
  return repo.run(['graph', ...args]);
}

/** The lines of `text` (all but the header) whose node ids all pass `keep`, with the classDefs still used. */
function only(text: string, keep: (id: string) => boolean): string {
  const lines = text.trimEnd().split('\n');
  const kept = lines.slice(1).filter((l) => !l.includes('classDef') && [...l.matchAll(/\b([A-Z]+_\d{4})\b/g)].every((m) => keep(m[1]!)));
  const classes = new Set(kept.flatMap((l) => [...l.matchAll(/:::(\w+)$/g)].map((m) => m[1]!)));
  const defs = lines.filter((l) => classes.has(/classDef (\w+)/.exec(l)?.[1] ?? ''));
  return `${[lines[0], ...kept, ...defs].join('\n')}\n`;
}

/** A title as one line, the way labels and cells show it. */
const oneLine = (s: string) => s.replace(/\s+/g, ' ').trim();

/**
 * A light check of Mermaid flowchart text (no browser here to render it): a header, then node,
 * edge and classDef lines only; edges between declared nodes; labels with no character the
 * parser or HTML reads (quotes, brackets of HTML, backticks, pipes, `;`, `#`) other than entity
 * codes and archdoc's own `<br/>`. Returns each node's label, decoded.
 */
function checkMermaid(text: string): Map<string, string[]> {
  const lines = text.trimEnd().split('\n');
  expect(lines[0]).toBe('flowchart LR');
  const labels = new Map<string, string[]>();
  for (const line of lines.slice(1)) {
    const node = /^ {2}([A-Z][A-Z0-9_]*)\["(.*)"\]:::(draft|open|approved|archived|unknown)$/.exec(line);
    const edge = /^ {2}([A-Z][A-Z0-9_]*) (-->|==>|-\.->)\|[a-z ]+\| ([A-Z][A-Z0-9_]*)$/.exec(line);
    const def = /^ {2}classDef (draft|open|approved|archived|unknown) [a-z-]+:[#0-9a-f ]+(,[a-z-]+:[#0-9a-f ]+)*$/.exec(line);
    expect(node || edge || def, line).toBeTruthy();
    if (node) {
      const raw = node[2]!;
      expect(raw.replace(/<br\/>/g, '').replace(/#(quot|\d+);/g, ''), line).not.toMatch(/["<>`|\\;#\n\r]/);
      const decode = (s: string) => s.replace(/#quot;/g, '"').replace(/#(\d+);/g, (_, n: string) => String.fromCodePoint(Number(n)));
      labels.set(node[1]!, raw.split('<br/>').map(decode));
    }
    if (edge) {
      expect(labels.has(edge[1]!), line).toBe(true);
      expect(labels.has(edge[3]!), line).toBe(true);
    }
  }
  return labels;
}

/** The texts of an SVG Graphviz drew, XML entities decoded. */
function svgTexts(svg: string): string[] {
  const decode = (s: string) =>
    s
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&quot;/g, '"')
      .replace(/&#(\d+);/g, (_, n: string) => String.fromCodePoint(Number(n)))
      .replace(/&amp;/g, '&');
  return [...svg.matchAll(/<text\b[^>]*>([^<]*)<\/text>/g)].map((m) => decode(m[1]!));
}

describe('archdoc graph', () => {
  it('prints the Mermaid graph: a node per document, each link once, dangling links left out', async () => {
    const r = await graph([]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(MERMAID);
    checkMermaid(r.stdout);
  });

  it('prints the DOT graph, which Graphviz parses and lays out', async () => {
    const r = await graph(['--format', 'dot']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(DOT);
    const svg = (await Graphviz.load()).dot(r.stdout, 'svg');
    expect(svg.match(/<g id="node\d+" class="node /g)).toHaveLength(9);
    expect(svg.match(/<g id="edge\d+" class="edge"/g)).toHaveLength(8);
    expect(svgTexts(svg)).toContain('RFC-0002: Adopt PostgreSQL for orders');
  });

  it('--kind keeps the documents of those kinds and the links between them', async () => {
    const r = await graph(['--kind', 'rfc']);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(only(MERMAID, (id) => id.startsWith('RFC_')));
    const both = await graph(['--kind', 'rfc', '--kind', 'tech-spec', '--format', 'dot']);
    const comma = await graph(['--kind', 'rfc,tech-spec', '--format', 'dot']);
    expect(both.stdout).toBe(comma.stdout);
    expect(both.stdout).not.toContain('ADR_');
    expect(both.stdout).toContain('TS_0001 -> RFC_0002 [label="implements"];');
  });

  it('--status keeps the documents in those statuses, any letter case, across kinds', async () => {
    const r = await graph(['--status', 'approved,draft']);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(only(MERMAID, (id) => ['RFC_0002', 'RFC_0003', 'TS_0001'].includes(id)));
    const adrs = await graph(['--kind', 'adr', '--status', 'SUPERSEDED', '--status', 'accepted']);
    expect(adrs.stdout).toBe(only(MERMAID, (id) => ['ADR_0001', 'ADR_0002'].includes(id)));
  });

  it('refuses an unknown kind, status or format with a usage error (exit 2)', async () => {
    const kind = await graph(['--kind', 'prd']);
    expect(kind.code).toBe(2);
    expect(kind.stderr).toMatch(/^error: unknown document kind "prd"/);
    const status = await graph(['--kind', 'adr', '--status', 'DRAFT']);
    expect(status.code).toBe(2);
    expect(status.stderr).toMatch(/^error: --status DRAFT: not a status of ADR; use one of PROPOSED, ACCEPTED/);
    const format = await graph(['--format', 'svg']);
    expect(format.code).toBe(2);
    expect(format.stdout).toBe('');
  });

  it('an empty repository is an empty graph', async () => {
    const r = await graph([], {});
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('flowchart LR\n');
    const dot = await graph(['--format', 'dot'], {});
    expect(dot.stdout).toBe(DOT.split('\n').slice(0, 4).concat('}', '').join('\n'));
    expect((await Graphviz.load()).dot(dot.stdout, 'svg')).toContain('<svg');
  });
});

describe('hostile titles', () => {
  it('stay text in Mermaid: one node line each, nothing that ends a label or starts markup', async () => {
    const r = await graph([], hostileFiles());
    expect(r.code).toBe(0);
    const labels = checkMermaid(r.stdout);
    expect(labels.size).toBe(HOSTILE.length);
    HOSTILE.forEach((title, i) => {
      const id = `RFC-${String(i + 1).padStart(4, '0')}`;
      expect(labels.get(id.replace('-', '_'))).toEqual([`${id}: ${oneLine(title)}`, i === 2 ? 'REJECTED' : 'DRAFT']);
    });
    expect(
      r.stdout
        .trimEnd()
        .split('\n')
        .filter((l) => l.includes('-.->')),
    ).toHaveLength(HOSTILE.length - 1);
    expect(r.stdout).toContain('日本語のタイトル and العربية');
    expect(r.stdout).toContain('Emoji 🚀 and 👩‍👩‍👧 family');
  });

  it('stay text in DOT: Graphviz parses it and draws every title as written, on one line', async () => {
    const r = await graph(['--format', 'dot'], hostileFiles());
    expect(r.code).toBe(0);
    const svg = (await Graphviz.load()).dot(r.stdout, 'svg');
    expect(svg).not.toMatch(/<script|<b>/);
    const texts = svgTexts(svg);
    HOSTILE.forEach((title, i) => {
      expect(texts).toContain(`RFC-${String(i + 1).padStart(4, '0')}: ${oneLine(title)}`);
    });
    expect(svg.match(/<g id="node\d+" class="node /g)).toHaveLength(HOSTILE.length);
    expect(svg.match(/<g id="edge\d+" class="edge"/g)).toHaveLength(HOSTILE.length - 1);
  });
});
