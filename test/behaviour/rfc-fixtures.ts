/**
 * Small shared helpers for the RFC tests: reading frontmatter, writing RFC files by
 * hand (to put a document in a given status quickly), and inspecting the last commit.
 */
import { parse, stringify } from 'yaml';
import type { Repo } from '../helpers.js';

export const STATUSES = ['DRAFT', 'REVIEW', 'APPROVED', 'IN_PROGRESS', 'COMPLETED', 'REJECTED', 'ABANDONED', 'SUPERSEDED'] as const;
export type Status = (typeof STATUSES)[number];

/** Folder of each status in the by-status layout (the year is the fixed ARCHDOC_DATE year). */
export const FOLDER: Record<Status, string> = {
  DRAFT: 'rfcs/draft',
  REVIEW: 'rfcs/review',
  APPROVED: 'rfcs/approved',
  IN_PROGRESS: 'rfcs/approved/in-progress',
  COMPLETED: 'rfcs/completed',
  REJECTED: 'rfcs/archive/2026/rejected',
  ABANDONED: 'rfcs/archive/2026/abandoned',
  SUPERSEDED: 'rfcs/archive/2026/superseded',
};

/** The frontmatter text between the two `---` lines. */
export function frontmatterText(text: string): string {
  const m = /^---\r?\n([\s\S]*?\r?\n)?---\r?\n/.exec(text);
  if (!m) throw new Error(`no frontmatter in:\n${text.slice(0, 300)}`);
  return m[1] ?? '';
}

/** The parsed frontmatter (with the `yaml` package, independent of archdoc's own parser). */
export function frontmatter(text: string): Record<string, unknown> {
  return (parse(frontmatterText(text)) ?? {}) as Record<string, unknown>;
}

/** Everything after the frontmatter. */
export function body(text: string): string {
  return text.slice(/^---\r?\n([\s\S]*?\r?\n)?---\r?\n/.exec(text)![0].length);
}

export const TECHNICAL_DESIGN = 'The service writes orders to a single PostgreSQL primary with two streaming replicas.';
export const IMPLEMENTATION_PLAN = 'Migrate the orders table first, then switch reads over one region at a time.';

/**
 * The sections an RFC needs from REVIEW on (required-section), written as the decision discipline
 * asks: a criteria table, two options with their advantages and disadvantages, a recommendation.
 */
export const WRITTEN_DECISION = [
  '## Problem Statement',
  '',
  'Orders are lost when the database fails over.',
  '',
  '## Evaluation Criteria',
  '',
  '| Criterion | Weight |',
  '|---|---|',
  '| Durability | high |',
  '| Cost | medium |',
  '',
  '## Options Analysis',
  '',
  '### Option 1: PostgreSQL',
  '',
  'Advantages: durable writes, a team that knows it.',
  '',
  'Disadvantages: two replicas to run.',
  '',
  '### Option 2: Keep MySQL',
  '',
  'Advantages: nothing to migrate.',
  '',
  'Disadvantages: the failover problem stays.',
  '',
  '## Recommendation',
  '',
  'Option 1, accepting the cost of two replicas.',
  '',
];

/** The body of a written document of `kind`: every section its statuses ask for, no placeholder left. */
export function writtenBody(kind: 'rfc' | 'tech-spec' | 'adr', id: string, title: string): string {
  const lines =
    kind === 'rfc'
      ? [
          '## Overview',
          '',
          `This RFC proposes ${title.toLowerCase()}.`,
          '',
          ...WRITTEN_DECISION,
          '## Technical Design',
          '',
          TECHNICAL_DESIGN,
          '',
          '## Implementation Plan',
          '',
          `1. ${IMPLEMENTATION_PLAN}`,
          '',
        ]
      : kind === 'tech-spec'
        ? [
            '## Executive Summary',
            '',
            `How ${title.toLowerCase()} is built.`,
            '',
            '## Design Overview',
            '',
            'One service behind the gateway.',
            '',
            '## Detailed Specifications',
            '',
            'Requests are JSON over HTTPS.',
            '',
          ]
        : [
            '## Status',
            '',
            'PROPOSED',
            '',
            '## Context',
            '',
            'Logs cannot be searched.',
            '',
            '## Decision',
            '',
            'We write JSON lines.',
            '',
            '## Consequences',
            '',
            'Logs are searchable.',
            '',
          ];
  return [`# ${id}: ${title}`, '', ...lines].join('\n');
}

/** Writes the body of the document at `rel` (made from a template), keeping its frontmatter byte for byte. */
export function writeIt(repo: Repo, rel: string, kind: 'rfc' | 'tech-spec' | 'adr'): void {
  const text = repo.read(rel);
  const fm = /^---\r?\n[\s\S]*?\r?\n---\r?\n/.exec(text)![0];
  const data = frontmatter(text);
  const id = String(data.rfc_id ?? data.tech_spec_id ?? data.adr_id);
  const status = kind === 'adr' ? String(data.status) : '';
  repo.write(rel, `${fm}\n${writtenBody(kind, id, String(data.title)).replace('\nPROPOSED\n', `\n${status}\n`)}`);
}

/** An RFC written by hand, in a state `create-rfc` would never leave it: every guard satisfied. */
export function rfcText(o: {
  id: string;
  title: string;
  status: string;
  reviewers?: Array<{ name: string; status: string }>;
  extra?: Record<string, unknown>;
}): string {
  const data: Record<string, unknown> = {
    rfc_id: o.id,
    title: o.title,
    status: o.status,
    author: 'Hand Writer',
    reviewers: o.reviewers ?? [{ name: 'Alice Chen', status: 'approved' }],
    created: '2026-01-10',
    last_updated: '2026-01-12',
    related_prds: [],
    related_rfcs: [],
    ...(o.extra ?? {}),
  };
  return `---\n${stringify(data, { lineWidth: 0 })}---\n\n${writtenBody('rfc', o.id, o.title)}\n## Decision Record\n\nRecorded by hand for the test.\n`;
}

/** Subject of the HEAD commit. */
export function headSubject(repo: Repo): string {
  return repo.git('log', '-1', '--format=%s');
}

/** `git show --name-status` of HEAD with rename detection: lines like `R100\told\tnew` or `A\tpath`. */
export function headChanges(repo: Repo): string[] {
  const out = repo.git('show', '--name-status', '-M', '--format=', 'HEAD');
  return out ? out.split('\n').filter(Boolean) : [];
}

/** `git status --porcelain` lines (untracked files included). */
export function porcelain(repo: Repo): string[] {
  const out = repo.git('status', '--porcelain', '--untracked-files=all');
  return out ? out.split('\n') : [];
}

/** Replaces the text of a `## name` section (up to the next `## ` heading) with `text`. */
export function fillSection(doc: string, name: string, text: string): string {
  const lines = doc.split('\n');
  const start = lines.findIndex((l) => l.trim() === `## ${name}`);
  if (start === -1) throw new Error(`no section ## ${name}`);
  let end = start + 1;
  while (end < lines.length && !/^#{1,2} /.test(lines[end]!)) end++;
  return [...lines.slice(0, start + 1), '', text, '', ...lines.slice(end)].join('\n');
}
