/**
 * `archdoc mcp`: archdoc as a Model Context Protocol server on stdio, for AI assistants. Every
 * tool runs the CLI's own action for its command (src/entry/actions.ts) in this process, with the
 * output captured: the same guards, approvals, locks, all-or-nothing commits and messages as the
 * command line. A refusal is a tool error carrying the CLI's message and what to do. Structured
 * results are the CLI's JSON (`list --json`, `show --json`, `check --format json`, `search --json`).
 * The SDK is loaded by this command alone (docs/adr, "Serve MCP with the official SDK, bundled").
 */
import { McpServer, ResourceTemplate } from '@modelcontextprotocol/sdk/server/mcp.js';
import { StdioServerTransport } from '@modelcontextprotocol/sdk/server/stdio.js';
import { z } from 'zod';
import path from 'node:path';
import { ACTIONS, report } from '../entry/main.js';
import type { GlobalOptions } from './shared/context.js';
import { loadWorkspace } from '../adapters/config-file.js';
import { readText } from '../adapters/store.js';
import { RELATION_NAMES } from '../core/relations.js';
import { REVIEWER_STATUSES } from '../core/workflow.js';
import { PROMPTS } from '../core/mcp-prompts.js';
import { capturedStream, type System } from '../terminal/system.js';

/** What one run of a CLI action printed, and how it ended. */
interface Ran {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the CLI action `name` as the command line would, never prompting; errors become the CLI's lines and exit code. */
async function runAction(base: System, name: string, args: Array<string | string[] | undefined>, opts: Record<string, unknown>): Promise<Ran> {
  const stdout = capturedStream();
  const stderr = capturedStream();
  const system: System = { cwd: base.cwd, env: base.env, stdout, stderr, stdinIsTTY: () => false };
  const status = { exitCode: 0 };
  let code: number;
  try {
    await ACTIONS[name]!(args, { yes: true, interactive: false, ...opts }, system, status);
    code = status.exitCode;
  } catch (e) {
    code = report(e, false, stderr);
  }
  return { code, stdout: stdout.text, stderr: stderr.text };
}

type ToolResult = { content: Array<{ type: 'text'; text: string }>; structuredContent?: Record<string, unknown>; isError?: boolean };

const failure = (ran: Ran): ToolResult => ({
  isError: true,
  content: [{ type: 'text', text: (ran.stderr || ran.stdout).trim() || `archdoc ended with exit code ${ran.code}` }],
});

const success = (text: string, data: Record<string, unknown>): ToolResult => ({
  content: [{ type: 'text', text }],
  structuredContent: data,
});

/** The options a tool call gives, as the command line takes them: what it left out (empty, false, an empty list) is not passed. */
const given = (opts: Record<string, unknown>): Record<string, unknown> =>
  Object.fromEntries(Object.entries(opts).filter(([, v]) => v !== undefined && v !== '' && v !== false && !(Array.isArray(v) && v.length === 0)));

/** A non-empty list of words as a zod enum, or any string when the configuration names none. */
const oneOf = (words: readonly string[]) => (words.length ? z.enum(words as [string, ...string[]]) : z.string());

export interface McpOptions extends GlobalOptions {}

export async function run(opts: McpOptions, services: { system: System }): Promise<void> {
  const base: System = { ...services.system, cwd: path.resolve(services.system.cwd, opts.cwd ?? '.') };
  const ws = await loadWorkspace(base.cwd, base.env);
  const kinds = Object.values(ws.config.kinds);
  const kindNames = kinds.map((k) => k.name);
  const statuses = [...new Set(kinds.flatMap((k) => Object.keys(k.statuses)))];
  const version = typeof __ARCHDOC_VERSION__ === 'string' ? __ARCHDOC_VERSION__ : '0.0.0';
  const server = new McpServer({ name: 'archdoc', version }, { instructions: INSTRUCTIONS });

  // Calls under way: a client that closes stdin right after sending its calls still gets them done and answered.
  const running = new Set<Promise<Ran>>();
  const act = (name: string, args: Array<string | string[] | undefined>, o: Record<string, unknown> = {}) => {
    const ran = runAction(base, name, args, o);
    running.add(ran);
    void ran.finally(() => running.delete(ran)).catch(() => undefined);
    return ran;
  };
  /** The document as `show --json` gives it: the structured result of every tool that changes one. */
  const shown = async (id: string, note: string): Promise<ToolResult> => {
    const ran = await act('show', [id], { json: true });
    if (ran.code !== 0) return success(note, { message: note });
    const data = JSON.parse(ran.stdout) as Record<string, unknown>;
    return success(`${note}${ran.stderr ? `\n${ran.stderr.trim()}` : ''}`, {
      message: note,
      ...(ran.stderr ? { warnings: ran.stderr.trim().split('\n') } : {}),
      ...data,
    });
  };
  const changed = async (ran: Ran, id: string): Promise<ToolResult> => {
    if (ran.code !== 0) return failure(ran);
    const note = [ran.stdout.trim().split('\n')[0], ...ran.stderr.trim().split('\n').filter(Boolean)].join('\n');
    return shown(id, note);
  };

  server.registerTool(
    'list',
    {
      title: 'List documents',
      description:
        'The documents of the repository, as `archdoc list --json`: id, kind, title, status, author, dates, path, reviewers, links. Archived documents only with all.',
      inputSchema: {
        kind: z.array(oneOf(kindNames)).optional().describe('only these kinds'),
        status: z.array(oneOf(statuses)).optional().describe('only these statuses'),
        author: z.string().optional().describe('only documents by this author'),
        reviewer: z.string().optional().describe('only documents waiting on this reviewer'),
        rfc: z.string().optional().describe('only tech specs implementing this RFC'),
        all: z.boolean().optional().describe('include archived documents'),
      },
      annotations: { readOnlyHint: true },
    },
    async (a) => {
      const ran = await act(
        'list',
        [],
        given({ json: true, format: 'json', type: a.kind, status: a.status, author: a.author, reviewer: a.reviewer, rfc: a.rfc, all: a.all }),
      );
      if (ran.code !== 0) return failure(ran);
      const data = JSON.parse(ran.stdout) as { documents: unknown[] };
      return success(`${data.documents.length} document${data.documents.length === 1 ? '' : 's'}`, data);
    },
  );

  server.registerTool(
    'show',
    {
      title: 'Show a document',
      description: 'One document as `archdoc show <id> --json`: its fields, its links both ways, its history, and what each next status needs.',
      inputSchema: { id: z.string().describe('RFC-0003, TS-12, adr-4, or the path of its file') },
      annotations: { readOnlyHint: true },
    },
    async ({ id }) => {
      const ran = await act('show', [id], { json: true });
      if (ran.code !== 0) return failure(ran);
      const data = JSON.parse(ran.stdout) as { document: { id: string | null; title: string | null; status: string | null } };
      return success(`${data.document.id ?? id} ${data.document.title ?? ''} (${data.document.status ?? 'no status'})`, data);
    },
  );

  server.registerTool(
    'create',
    {
      title: 'Create a document',
      description:
        'Creates a document of any kind from its template and commits it, as `archdoc create <kind> <title>`. A similar title already there is refused unless force is set.',
      inputSchema: {
        kind: oneOf(kindNames).describe('the kind of document'),
        title: z.string().min(1).describe('its title: 2 to 6 words read best'),
        reviewers: z.array(z.string()).optional().describe('reviewers to name, "Name" or "Name:approved"'),
        relates_to: z.array(z.string()).optional().describe('ids of documents it relates to'),
        rfc: z.string().optional().describe('for a tech spec: the RFC it implements'),
        supersedes: z.string().optional().describe('for an ADR: the ADR it replaces (marked SUPERSEDED in the same commit)'),
        author: z.string().optional().describe('author (default: git user.name)'),
        force: z.boolean().optional().describe('create even when a document with a similar title exists'),
      },
    },
    async (a) => {
      const ran = await act(
        'create',
        [a.kind, a.title],
        given({ reviewer: a.reviewers, relatesTo: a.relates_to, rfc: a.rfc, supersedes: a.supersedes, author: a.author, force: a.force }),
      );
      if (ran.code !== 0) return failure(ran);
      const id = /^Created (\S+)/m.exec(ran.stdout)?.[1];
      return id ? changed(ran, id) : success(ran.stdout.trim(), { message: ran.stdout.trim() });
    },
  );

  server.registerTool(
    'set_status',
    {
      title: 'Change a status',
      description:
        "Moves a document to another status along its kind's workflow and commits it, as `archdoc status <id> --set <status>`. The workflow's guards and the status's check rules apply; a refusal says what is missing and which statuses may follow.",
      inputSchema: {
        id: z.string().describe('the document'),
        status: oneOf(statuses).describe('the status to move to'),
        comment: z.string().optional().describe('why; recorded in the history'),
        by: z.string().optional().describe('the replacing document, for SUPERSEDED (and ARCHIVED specs)'),
      },
    },
    async (a) => changed(await act('status', [a.id], given({ set: a.status, comment: a.comment, by: a.by })), a.id),
  );

  server.registerTool(
    'review',
    {
      title: 'Add or update a reviewer',
      description: 'Names a reviewer of a document, or sets a reviewer\'s status, and commits it, as `archdoc status <id> --reviewer "Name[:status]"`.',
      inputSchema: {
        id: z.string().describe('the document'),
        name: z
          .string()
          .min(1)
          .regex(/^[^:]+$/, 'a name without ":" (give the review in status)')
          .describe("the reviewer's name"),
        status: z.enum(REVIEWER_STATUSES).optional().describe('their review: pending (default for a new reviewer), in-progress, approved or declined'),
      },
    },
    async (a) => changed(await act('status', [a.id], { reviewer: [a.status ? `${a.name}:${a.status}` : a.name] }), a.id),
  );

  server.registerTool(
    'link',
    {
      title: 'Link two documents',
      description:
        "Adds (or with remove, removes) a typed link in the first document's frontmatter and commits it, as `archdoc link <from> <relation> <to>`. Supersedes is a status change: use set_status with by.",
      inputSchema: {
        from: z.string().describe('the document that holds the link'),
        relation: z.enum(RELATION_NAMES).describe('implements (tech spec → RFC), relates-to, depends-on or amends'),
        to: z.string().describe('the document linked to'),
        remove: z.boolean().optional().describe('remove the link instead'),
      },
    },
    async (a) => changed(await act(a.remove ? 'unlink' : 'link', [a.from, a.relation, a.to]), a.from),
  );

  server.registerTool(
    'check',
    {
      title: 'Check the documents',
      description:
        'Validates the documents as `archdoc check --format json` does (the CI gate): the whole repository, some paths, or what changed since the merge base with a ref. ok is false when errors are found.',
      inputSchema: {
        paths: z.array(z.string()).optional().describe('only the documents in these files or folders'),
        base: z.string().optional().describe('check what changed since the merge base with this ref'),
        strict: z.boolean().optional().describe('warnings count as errors'),
      },
      annotations: { readOnlyHint: true },
    },
    async (a) => {
      const ran = await act('check', [a.paths ?? []], given({ format: 'json', base: a.base, strict: a.strict }));
      if (ran.code !== 0 && ran.code !== 1) return failure(ran);
      const data = JSON.parse(ran.stdout) as Record<string, unknown>;
      const findings = Array.isArray(data.findings) ? data.findings.length : 0;
      return success(ran.code === 0 ? `No errors (${findings} finding${findings === 1 ? '' : 's'}).` : `Errors found (${findings} findings).`, {
        ok: ran.code === 0,
        ...data,
      });
    },
  );

  server.registerTool(
    'search',
    {
      title: 'Search the documents',
      description: 'Full-text search over titles and bodies, as `archdoc search <query> --json`: documents holding every word of the query, best first.',
      inputSchema: {
        query: z.string().min(1).describe('words to find, in any language'),
        kind: z.array(oneOf(kindNames)).optional().describe('only these kinds'),
        limit: z.number().int().min(1).max(200).optional().describe('at most this many results (default 20)'),
      },
      annotations: { readOnlyHint: true },
    },
    async (a) => {
      const ran = await act('search', [a.query], given({ json: true, type: a.kind, limit: a.limit }));
      if (ran.code !== 0) return failure(ran);
      const data = JSON.parse(ran.stdout) as { results: Array<{ id: string | null; path: string; title: string | null }> };
      const lines = data.results.map((r) => `${r.id ?? r.path}  ${r.title ?? ''}`);
      return success(lines.length ? lines.join('\n') : 'No document holds every word of the query.', data);
    },
  );

  server.registerTool(
    'next_steps',
    {
      title: 'What a document needs next',
      description:
        "For each status the document may move to next: whether it is ready, and what is missing (the workflow's guards, and the check rules of that status), with the command that makes the move.",
      inputSchema: { id: z.string().describe('the document') },
      annotations: { readOnlyHint: true },
    },
    async ({ id }) => {
      const ran = await act('show', [id], { json: true });
      if (ran.code !== 0) return failure(ran);
      const data = JSON.parse(ran.stdout) as {
        document: { id: string | null; status: string | null };
        next: Array<{ status: string; ready: boolean; missing: string[] }>;
      };
      const lines = data.next.map((n) => (n.ready ? `${n.status}: ready` : `${n.status}: needs ${n.missing.join('; ')}`));
      const text = lines.length ? lines.join('\n') : `${data.document.status ?? 'Its status'} is final: no status follows it.`;
      return success(text, { id: data.document.id, status: data.document.status, next: data.next });
    },
  );

  server.registerResource(
    'document',
    new ResourceTemplate('archdoc://{id}', {
      list: async () => {
        const ran = await act('list', [], { json: true, format: 'json', all: true });
        const docs =
          ran.code === 0
            ? (JSON.parse(ran.stdout) as { documents: Array<{ id: string | null; title: string | null; status: string | null; kind: string }> }).documents
            : [];
        return {
          resources: docs
            .filter((d) => d.id)
            .map((d) => ({
              uri: `archdoc://${d.id}`,
              name: d.id!,
              title: d.title ?? d.id!,
              description: `${d.kind} ${d.status ?? ''}`.trim(),
              mimeType: 'text/markdown',
            })),
        };
      },
    }),
    { title: 'A document', description: 'The Markdown of one document, by id: archdoc://RFC-0001', mimeType: 'text/markdown' },
    async (uri, { id }) => {
      const ran = await act('show', [String(id)], { json: true });
      if (ran.code !== 0) throw new Error((ran.stderr || ran.stdout).trim());
      const path = (JSON.parse(ran.stdout) as { document: { path: string } }).document.path;
      return { contents: [{ uri: uri.href, mimeType: 'text/markdown', text: readText(ws.root, path) }] };
    },
  );

  server.registerResource(
    'index',
    'archdoc://index',
    { title: 'Every document', description: 'The listing of every document, archived ones too, as `archdoc list --json --all`.', mimeType: 'application/json' },
    async (uri) => {
      const ran = await act('list', [], { json: true, format: 'json', all: true });
      if (ran.code !== 0) throw new Error((ran.stderr || ran.stdout).trim());
      return { contents: [{ uri: uri.href, mimeType: 'application/json', text: ran.stdout }] };
    },
  );

  for (const p of PROMPTS) {
    server.registerPrompt(
      p.name,
      {
        title: p.title,
        description: p.description,
        argsSchema: Object.fromEntries(p.arguments.map((a) => [a.name, a.required ? z.string() : z.string().optional()])),
      },
      async (args: Record<string, string | undefined>) => {
        // review_rfc brings the RFC's text along, read as the resource reads it.
        let attached: string | undefined;
        if (p.name === 'review_rfc' && args.id) {
          const ran = await act('show', [args.id], { json: true });
          if (ran.code !== 0) throw new Error((ran.stderr || ran.stdout).trim());
          attached = readText(ws.root, (JSON.parse(ran.stdout) as { document: { path: string } }).document.path);
        }
        return { description: p.description, messages: [{ role: 'user' as const, content: { type: 'text' as const, text: p.render(args, attached) } }] };
      },
    );
  }

  const transport = new StdioServerTransport();
  await server.connect(transport);
  // The server ends when the client closes its end of stdin (the SDK alone would not notice).
  await new Promise<void>((resolve) => {
    process.stdin.once('end', resolve);
    process.stdin.once('close', resolve);
  });
  // What the client sent before closing has been read: let those calls start, then finish.
  do {
    await new Promise((resolve) => setImmediate(resolve));
    await Promise.allSettled([...running]);
  } while (running.size);
  await server.close();
}

declare const __ARCHDOC_VERSION__: string | undefined;

const INSTRUCTIONS = `archdoc keeps a repository's RFCs, ADRs, tech specs and other decision documents as numbered Markdown in git, with enforced workflows.
Use these tools instead of editing the files: each change is checked by the same rules as archdoc check and committed on its own.
An RFC decides what, comparing at least two options against criteria set in advance; an ADR records a decision taken; a tech spec says how, usually after an approved RFC.
Ask next_steps before set_status: it says what each next status needs. Use choose_document when unsure which kind a decision needs.`;
