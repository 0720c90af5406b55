/**
 * `archdoc mcp` driven by the MCP SDK's own client over stdio, as an assistant would: the built
 * CLI as a child process in a temporary git repository. Every tool, a refused transition, the
 * resources and the prompts, and concurrent changes from the client and the CLI that lose nothing.
 */
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { testEnv } from '../env.js';
import { BIN, frontmatter, makeRepo, porcelain, type Repo } from '../helpers.js';
import { writeIt } from '../behaviour/rfc-fixtures.js';

const SLOW = { timeout: 120_000 };

interface ToolText {
  content: Array<{ type: string; text: string }>;
  structuredContent?: Record<string, unknown>;
  isError?: boolean;
}

let open: Client[] = [];
afterEach(async () => {
  await Promise.all(open.map((c) => c.close()));
  open = [];
});

async function connect(repo: Repo): Promise<{ client: Client; stderr: () => string }> {
  const env = testEnv(repo.home) as Record<string, string>;
  const transport = new StdioClientTransport({ command: process.execPath, args: [BIN, 'mcp'], cwd: repo.dir, env, stderr: 'pipe' });
  let err = '';
  transport.stderr?.on('data', (d) => {
    err += d;
  });
  const client = new Client({ name: 'archdoc-test', version: '0.0.0' });
  await client.connect(transport);
  open.push(client);
  return { client, stderr: () => err };
}

async function call(client: Client, name: string, args: Record<string, unknown> = {}): Promise<ToolText> {
  return (await client.callTool({ name, arguments: args })) as ToolText;
}

describe('archdoc mcp', () => {
  it('lists its tools with precise schemas: the configured kinds and statuses as enums, the CLI words', SLOW, async () => {
    const repo = makeRepo();
    const { client } = await connect(repo);
    const { tools } = await client.listTools();
    expect(tools.map((t) => t.name).sort()).toEqual(['check', 'create', 'link', 'list', 'next_steps', 'review', 'search', 'set_status', 'show']);
    const create = tools.find((t) => t.name === 'create')!;
    expect(create.inputSchema.required).toEqual(['kind', 'title']);
    expect((create.inputSchema.properties as Record<string, { enum?: string[] }>).kind!.enum).toEqual(expect.arrayContaining(['rfc', 'tech-spec', 'adr']));
    const setStatus = tools.find((t) => t.name === 'set_status')!;
    expect(setStatus.inputSchema.required).toEqual(['id', 'status']);
    expect((setStatus.inputSchema.properties as Record<string, { enum?: string[] }>).status!.enum).toEqual(
      expect.arrayContaining(['DRAFT', 'REVIEW', 'ACCEPTED']),
    );
    const search = tools.find((t) => t.name === 'search')!;
    expect(search.inputSchema.required).toEqual(['query']);
  });

  it('creates, reviews, moves, links, lists, shows, searches and checks through the CLI code, one commit each', SLOW, async () => {
    const repo = makeRepo();
    const { client } = await connect(repo);
    const created = await call(client, 'create', { kind: 'rfc', title: 'Adopt PostgreSQL', reviewers: ['Alice Chen'] });
    expect(created.isError, created.content[0]?.text).toBeFalsy();
    expect(created.content[0]!.text).toMatch(/^Created RFC-0001 Adopt PostgreSQL/);
    expect((created.structuredContent!.document as { id: string; status: string }).status).toBe('DRAFT');
    expect(repo.log()[0]).toBe('docs(rfc): create RFC-0001 Adopt PostgreSQL');

    // What REVIEW needs: the sections, which the template leaves empty.
    const next = await call(client, 'next_steps', { id: 'RFC-0001' });
    const review = (next.structuredContent!.next as Array<{ status: string; ready: boolean; missing: string[] }>).find((n) => n.status === 'REVIEW')!;
    expect(review.ready).toBe(false);
    expect(review.missing.join('\n')).toMatch(/required-section/);

    // A refused transition is a tool error with the CLI's message and the statuses allowed next.
    const refused = await call(client, 'set_status', { id: 'RFC-0001', status: 'APPROVED' });
    expect(refused.isError).toBe(true);
    expect(refused.content[0]!.text).toMatch(/^error: .*DRAFT.*APPROVED/);
    expect(refused.content[0]!.text).toMatch(/REVIEW/);
    expect(repo.log()).toHaveLength(2); // init and create: nothing more

    writeIt(repo, 'rfcs/draft/RFC-0001-adopt-postgresql.md', 'rfc');
    repo.git('commit', '-qam', 'write RFC-0001');
    const moved = await call(client, 'set_status', { id: 'RFC-0001', status: 'REVIEW', comment: 'Ready' });
    expect(moved.isError, moved.content[0]?.text).toBeFalsy();
    expect((moved.structuredContent!.document as { path: string }).path).toBe('rfcs/review/RFC-0001-adopt-postgresql.md');
    const approved = await call(client, 'review', { id: 'RFC-0001', name: 'Alice Chen', status: 'approved' });
    expect(approved.isError, approved.content[0]?.text).toBeFalsy();
    expect((approved.structuredContent!.document as { reviewers: unknown[] }).reviewers).toEqual([{ name: 'Alice Chen', status: 'approved' }]);
    const done = await call(client, 'set_status', { id: '1', status: 'APPROVED' });
    expect(done.isError, done.content[0]?.text).toBeFalsy();

    const spec = await call(client, 'create', { kind: 'tech-spec', title: 'Orders service', rfc: 'RFC-0001' });
    expect(spec.isError, spec.content[0]?.text).toBeFalsy();
    const adr = await call(client, 'create', { kind: 'adr', title: 'Store orders in PostgreSQL', relates_to: ['RFC-0001'] });
    expect(adr.isError, adr.content[0]?.text).toBeFalsy();
    const linked = await call(client, 'link', { from: 'ADR-0001', relation: 'depends-on', to: 'TS-0001' });
    expect(linked.isError, linked.content[0]?.text).toBeFalsy();
    expect(frontmatter(repo.read(repo.find('ADR-0001'))).depends_on).toEqual(['TS-0001']);

    const shown = await call(client, 'show', { id: 'RFC-0001' });
    const links = shown.structuredContent!.links as Array<{ relation: string; id: string }>;
    expect(links).toEqual(
      expect.arrayContaining([
        { relation: 'implemented by', id: 'TS-0001', title: 'Orders service', status: 'DRAFT' },
        expect.objectContaining({ relation: 'related from', id: 'ADR-0001' }),
      ]),
    );
    const listed = await call(client, 'list', { kind: ['rfc'] });
    expect((listed.structuredContent!.documents as Array<{ id: string }>).map((d) => d.id)).toEqual(['RFC-0001']);
    const found = await call(client, 'search', { query: 'orders postgresql' });
    expect((found.structuredContent!.results as Array<{ id: string }>).map((r) => r.id)).toContain('ADR-0001');
    const checked = await call(client, 'check');
    expect(checked.isError).toBeFalsy();
    expect(checked.structuredContent!.ok).toBe(true);

    // init, create, the write by hand, REVIEW, the approval, APPROVED, the spec, the ADR, the link.
    expect(repo.log()).toHaveLength(9);
    expect(porcelain(repo)).toEqual([]);
  });

  it('a usage error is a tool error too: an unknown document, a relation the kind does not have', SLOW, async () => {
    const repo = makeRepo();
    const { client } = await connect(repo);
    const missing = await call(client, 'show', { id: 'RFC-0042' });
    expect(missing.isError).toBe(true);
    expect(missing.content[0]!.text).toMatch(/No RFC RFC-0042 found/);
    await call(client, 'create', { kind: 'rfc', title: 'First decision' });
    const wrong = await call(client, 'link', { from: 'RFC-0001', relation: 'implements', to: 'RFC-0001' });
    expect(wrong.isError).toBe(true);
    expect(wrong.content[0]!.text).toMatch(/RFCs have no "implements" relation/);
    const invalid = await call(client, 'create', { kind: 'nope', title: 'X Y' });
    expect(invalid.isError).toBe(true);
    // A review is set by status alone: "Name:approved" in the name is refused, nothing committed.
    const commits = repo.commitCount();
    const approving = await call(client, 'review', { id: 'RFC-0001', name: 'Eve:approved' });
    expect(approving.isError).toBe(true);
    expect(approving.content[0]!.text).toContain('a name without ":"');
    expect(repo.commitCount()).toBe(commits);
  });

  it('serves each document as archdoc://<ID>, the listing as archdoc://index, and its prompts', SLOW, async () => {
    const repo = makeRepo();
    expect(repo.cli(['create-rfc', 'Adopt PostgreSQL', '--yes']).code).toBe(0);
    expect(repo.cli(['create-adr', 'Use UUIDs for ids', '--yes']).code).toBe(0);
    const { client } = await connect(repo);
    const { resources } = await client.listResources();
    expect(resources.map((r) => r.uri).sort()).toEqual(['archdoc://ADR-0001', 'archdoc://RFC-0001', 'archdoc://index']);
    const doc = await client.readResource({ uri: 'archdoc://RFC-0001' });
    expect((doc.contents[0] as { text: string }).text).toBe(repo.read(repo.find('RFC-0001')));
    const index = await client.readResource({ uri: 'archdoc://index' });
    expect(JSON.parse((index.contents[0] as { text: string }).text).documents).toHaveLength(2);
    await expect(client.readResource({ uri: 'archdoc://RFC-0009' })).rejects.toThrow(/RFC-0009/);

    const { prompts } = await client.listPrompts();
    expect(prompts.map((p) => p.name).sort()).toEqual(['choose_document', 'draft_rfc', 'review_rfc']);
    const draft = await client.getPrompt({ name: 'draft_rfc', arguments: { title: 'Adopt PostgreSQL', problem: 'Orders time out under load' } });
    const draftText = (draft.messages[0]!.content as { text: string }).text;
    expect(draftText).toMatch(/Evaluation Criteria, before any option/);
    expect(draftText).toMatch(/at least two viable options/);
    expect(draftText).toMatch(/Orders time out under load/);
    const reviewed = await client.getPrompt({ name: 'review_rfc', arguments: { id: 'RFC-0001' } });
    expect((reviewed.messages[0]!.content as { text: string }).text).toContain(repo.read(repo.find('RFC-0001')));
    const choose = await client.getPrompt({ name: 'choose_document', arguments: { situation: 'Which queue to use' } });
    expect((choose.messages[0]!.content as { text: string }).text).toMatch(/several viable options/i);
  });

  it('concurrent changes from the client and the command line lose nothing', SLOW, async () => {
    const repo = makeRepo();
    expect(repo.cli(['create-rfc', 'Adopt PostgreSQL', '--yes']).code).toBe(0);
    for (let i = 1; i <= 4; i++) expect(repo.cli(['create-adr', `Decision number ${i}`, '--yes']).code).toBe(0);
    const { client } = await connect(repo);
    const before = repo.commitCount();
    const fromClient = [1, 2, 3, 4].map((i) => call(client, 'link', { from: 'RFC-0001', relation: 'relates-to', to: `ADR-000${i}` }));
    const fromCli = [1, 2, 3].map((i) => repo.spawn(['create-adr', `Parallel decision ${i}`, '--yes'], { env: {} }));
    const fromClientCreates = [1, 2, 3].map((i) => call(client, 'create', { kind: 'adr', title: `Assistant decision ${i}` }));
    const results = await Promise.all([...fromClient, ...fromClientCreates]);
    for (const r of results) expect(r.isError, r.content[0]?.text).toBeFalsy();
    for (const r of await Promise.all(fromCli)) expect(r.code, r.stderr).toBe(0);
    expect(repo.commitCount()).toBe(before + 4 + 3 + 3);
    expect([...(frontmatter(repo.read(repo.find('RFC-0001'))).relates_to as string[])].sort()).toEqual(['ADR-0001', 'ADR-0002', 'ADR-0003', 'ADR-0004']);
    const ids = repo.files('docs/adr').map((f) => f.slice(f.lastIndexOf('/') + 1, f.lastIndexOf('/') + 9));
    expect(new Set(ids).size).toBe(10);
    expect(porcelain(repo)).toEqual([]);
  });

  it('--help, list and check load none of it: the SDK is required by archdoc mcp alone', SLOW, () => {
    const repo = makeRepo();
    const trace = path.join(repo.dir, '.git', 'trace.cjs');
    fs.writeFileSync(
      trace,
      "const M = require('node:module'); const load = M._load; M._load = function (r, ...a) { if (/mcp|modelcontextprotocol|zod/.test(r)) process.stderr.write('LOADED ' + r + '\\n'); return load.call(this, r, ...a); };",
    );
    for (const args of [['--help'], ['list'], ['check'], ['create-rfc', 'Adopt PostgreSQL', '--yes'], ['show', 'RFC-0001']]) {
      const r = spawnSync(process.execPath, ['--require', trace, BIN, ...args], { cwd: repo.dir, env: testEnv(repo.home), encoding: 'utf8' });
      expect(r.status, r.stderr).toBe(0);
      expect(r.stderr).not.toMatch(/LOADED/);
    }
  });

  it('ends when the client closes its end', SLOW, async () => {
    const repo = makeRepo();
    const { client } = await connect(repo);
    const started = Date.now();
    await client.close();
    open = [];
    expect(Date.now() - started).toBeLessThan(1500);
  });
});
