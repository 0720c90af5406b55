#!/usr/bin/env node
// Writes a deterministic, well-formed archdoc repository of N documents, for scale tests and the
// benchmark. Same N and seed, same bytes. Every document passes `archdoc check` without errors.
// usage: node bench/make-corpus.mjs <N> <outdir> [--git] [--flat] [--seed=<n>]
//   40% RFCs (rfcs/<status folder>/), 30% tech specs (tech-specs/<status folder>/), 30% ADRs (docs/adr/).
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

export function makeCorpus(n, out, { flat = false, seed = 20261125 } = {}) {
  let state = seed >>> 0 || 1;
  // xorshift32: small, fast, and the same on every platform.
  const random = () => {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return (state >>> 0) / 4294967296;
  };
  const pick = (list) => list[Math.floor(random() * list.length)];
  const subjects = [
    'PostgreSQL',
    'Kafka',
    'gRPC',
    'GraphQL',
    'Redis',
    'feature flags',
    'OpenTelemetry',
    'Terraform',
    'event sourcing',
    'OAuth2',
    'a service mesh',
    'blue-green deploys',
  ];
  const actions = ['Adopt', 'Replace', 'Introduce', 'Migrate to', 'Standardise on', 'Retire', 'Cache with', 'Encrypt with'];
  const areas = ['for billing', 'for audit logs', 'in ingestion', 'across teams', 'for sessions', 'at the edge', 'for search', 'in payments'];
  const people = ['Alice Chen', 'Bob Smith', 'Carol Wu', 'Dave Kim', 'Erin Diaz', 'Frank Osei'];
  const vocabulary =
    'teams need one consistent approach that scales with traffic while keeping operational cost and cognitive load low so we compared the options on latency durability migration effort security and the skills we already have'.split(
      ' ',
    );
  const sentence = (words) => {
    const s = Array.from({ length: words }, () => pick(vocabulary)).join(' ');
    return `${s[0].toUpperCase() + s.slice(1)}.`;
  };
  const paragraph = (sentences) => Array.from({ length: sentences }, () => sentence(12 + Math.floor(random() * 6))).join(' ');
  const slug = (t) =>
    t
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '');
  const date = (i) => new Date(Date.UTC(2022, 0, 1) + i * 21_600_000).toISOString().slice(0, 10);

  const kinds = {
    rfc: {
      prefix: 'RFC',
      root: 'rfcs',
      idKey: 'rfc_id',
      statuses: {
        DRAFT: 'draft',
        REVIEW: 'review',
        APPROVED: 'approved',
        IN_PROGRESS: 'approved/in-progress',
        COMPLETED: 'completed',
        REJECTED: 'archive/{y}/rejected',
        ABANDONED: 'archive/{y}/abandoned',
      },
      path: {
        REVIEW: ['REVIEW'],
        APPROVED: ['REVIEW', 'APPROVED'],
        IN_PROGRESS: ['REVIEW', 'APPROVED', 'IN_PROGRESS'],
        COMPLETED: ['REVIEW', 'APPROVED', 'IN_PROGRESS', 'COMPLETED'],
        REJECTED: ['REVIEW', 'REJECTED'],
        ABANDONED: ['ABANDONED'],
      },
    },
    'tech-spec': {
      prefix: 'TS',
      root: 'tech-specs',
      idKey: 'tech_spec_id',
      statuses: { DRAFT: 'draft', REVIEW: 'review', APPROVED: 'approved', REFERENCE: 'reference', ARCHIVED: 'archive/{y}' },
      path: { REVIEW: ['REVIEW'], APPROVED: ['REVIEW', 'APPROVED'], REFERENCE: ['APPROVED', 'REFERENCE'], ARCHIVED: ['APPROVED', 'ARCHIVED'] },
    },
    adr: {
      prefix: 'ADR',
      root: 'docs/adr',
      idKey: 'adr_id',
      flat: true,
      statuses: { PROPOSED: '', ACCEPTED: '', REJECTED: '', DEPRECATED: '' },
      path: { ACCEPTED: ['ACCEPTED'], REJECTED: ['REJECTED'], DEPRECATED: ['ACCEPTED', 'DEPRECATED'] },
    },
  };
  const counts = { rfc: 0, 'tech-spec': 0, adr: 0 };
  const approvedRfcs = [];
  const adrPaths = [];
  let bytes = 0;
  const written = [];

  const rfcBody = (id, title) => `# ${id}: ${title}

## Overview

${paragraph(2)}

## Problem Statement

${paragraph(2)}

## Evaluation Criteria

| Criterion | Weight | Description |
|---|---|---|
| Latency | High | p95 under peak load |
| Cost | Medium | monthly spend at current volume |

## Options Analysis

### Option 1: ${pick(subjects)}

${sentence(14)}

**Advantages**

- ${sentence(9)}

**Disadvantages**

- ${sentence(9)}

### Option 2: ${pick(subjects)}

${sentence(14)}

**Advantages**

- ${sentence(9)}

**Disadvantages**

- ${sentence(9)}

## Recommendation

${sentence(14)}

## Technical Design

${paragraph(1)}

## Implementation Plan

1. ${sentence(8)}
2. ${sentence(8)}
`;
  const specBody = (id, title, ref) => `# ${id}: ${title}

## Executive Summary

${paragraph(2)}${ref ? ` It implements ${ref}.` : ''}

## Design Overview

${paragraph(1)}

## Detailed Specifications

${paragraph(1)}

## Data Model

${sentence(12)}

## API Specification

${sentence(12)}

## Testing Strategy

${sentence(12)}
`;
  const adrBody = (id, title, status, link) => `# ${id}: ${title}

## Status

${status}

## Context

${paragraph(3)}

## Decision

${paragraph(2)}${link ? ` See [the earlier record](${link}).` : ''}

## Consequences

### Positive

- ${sentence(10)}

### Negative

- ${sentence(10)}

## Alternatives Considered

- ${pick(subjects)}: ${sentence(8)}
`;

  fs.mkdirSync(out, { recursive: true });
  for (let i = 0; i < n; i++) {
    const r = random();
    const kindName = r < 0.4 ? 'rfc' : r < 0.7 ? 'tech-spec' : 'adr';
    const k = kinds[kindName];
    const num = ++counts[kindName];
    const id = `${k.prefix}-${String(num).padStart(4, '0')}`;
    const title = `${pick(actions)} ${pick(subjects)} ${pick(areas)} ${num}`;
    const status = pick(Object.keys(k.statuses));
    // An approved spec needs an approved RFC to rest on; without one yet it stays a draft.
    const ref = kindName === 'tech-spec' && approvedRfcs.length && random() < 0.8 ? pick(approvedRfcs) : undefined;
    const created = date(i);
    const updated = date(i + 2);
    const author = pick(people);
    const lines = [`${k.idKey}: ${id}`, `title: ${title}`, `status: ${status}`, `author: ${author}`];
    if (kindName === 'rfc') {
      // Two reviewers, neither of them the author: an author's own approval does not count.
      const reviewed = status !== 'DRAFT';
      const first = pick(people.filter((p) => p !== author));
      const second = pick(people.filter((p) => p !== author && p !== first));
      lines.push(
        'reviewers:',
        `  - name: ${first}`,
        `    status: ${reviewed ? 'approved' : 'pending'}`,
        `  - name: ${second}`,
        `    status: ${reviewed ? 'approved' : 'pending'}`,
      );
    }
    if (kindName === 'tech-spec') lines.push(`decision_ref: ${ref ?? ''}`.trimEnd());
    lines.push(`created: ${created}`, `last_updated: ${updated}`);
    if (kindName === 'rfc' && ['APPROVED', 'IN_PROGRESS', 'COMPLETED'].includes(status)) lines.push(`decision_date: ${updated}`);
    const archived = /archive/.test(k.statuses[status]) || (kindName === 'adr' && ['REJECTED', 'DEPRECATED'].includes(status));
    if (archived) lines.push(`archive_date: ${updated}`, `archive_reason: ${status.toLowerCase()}`);
    const steps = k.path[status] ?? [];
    if (steps.length) {
      lines.push('history:');
      for (const s of steps) lines.push(`  - status: ${s}`, `    date: ${updated}`);
    }
    const body =
      kindName === 'rfc'
        ? rfcBody(id, title)
        : kindName === 'tech-spec'
          ? specBody(id, title, ref)
          : adrBody(id, title, status, adrPaths.length && random() < 0.2 ? path.basename(pick(adrPaths)) : undefined);
    const text = `---\n${lines.join('\n')}\n---\n\n${body}`;
    const sub = flat || k.flat ? '' : k.statuses[status].replace('{y}', updated.slice(0, 4));
    const folder = sub ? `${k.root}/${sub}` : k.root;
    const rel = `${folder}/${id}-${slug(title)}.md`;
    fs.mkdirSync(path.join(out, folder), { recursive: true });
    fs.writeFileSync(path.join(out, rel), text);
    if (kindName === 'rfc' && ['APPROVED', 'IN_PROGRESS', 'COMPLETED'].includes(status)) approvedRfcs.push(id);
    if (kindName === 'adr') adrPaths.push(rel);
    bytes += Buffer.byteLength(text);
    written.push(rel);
  }
  // The configuration in the shape `archdoc init` writes (comments, aligned notes, the kinds' map),
  // as users have it; only review_stale_days is raised, so that check's findings stay the same.
  const config = [
    '# archdoc configuration: https://github.com/archdoc/archdoc/blob/main/docs/configuration.md',
    '# yaml-language-server: $schema=./node_modules/archdoc/dist/archdoc.schema.json',
    `layout: ${flat ? 'flat     ' : 'by-status'}          # by-status moves a file to its status folder; flat keeps paths fixed`,
    'id_padding: 4              # RFC-0001',
    'commit: true               # commit every change (or pass --no-commit)',
    'review_stale_days: 100000  # check warns about documents in REVIEW for longer',
    'kinds:',
    ...Object.entries(kinds).flatMap(([name, k]) => [`  ${name}:`, `    folder: ${k.root}`]),
    '# rules:                   # turn check rules off or re-grade them',
    '#   loaded-word: off',
  ];
  fs.writeFileSync(path.join(out, '.archdoc.yml'), `${config.join('\n')}\n`);
  return { counts, bytes, files: written };
}

/** Makes `dir` a git repository (fixed identity, no signing, no gc) with the corpus committed. */
export function commitCorpus(dir, env = process.env) {
  const git = (...a) => execFileSync('git', a, { cwd: dir, stdio: 'ignore', env });
  git('init', '-q', '-b', 'main');
  git('config', 'user.name', 'Bench');
  git('config', 'user.email', 'bench@example.com');
  git('config', 'commit.gpgsign', 'false');
  git('config', 'gc.auto', '0');
  git('add', '-A');
  git('commit', '-q', '-m', 'corpus');
}

function main(argv) {
  const [nArg, out, ...flags] = argv;
  const n = Number(nArg);
  if (!Number.isInteger(n) || n < 1 || !out) {
    console.error('usage: node bench/make-corpus.mjs <N> <outdir> [--git] [--flat] [--seed=<n>]');
    return 2;
  }
  const seedFlag = flags.find((f) => f.startsWith('--seed='));
  const result = makeCorpus(n, out, { flat: flags.includes('--flat'), ...(seedFlag ? { seed: Number(seedFlag.slice(7)) } : {}) });
  if (flags.includes('--git')) commitCorpus(out);
  const { counts, bytes } = result;
  console.log(
    `${n} documents (rfc ${counts.rfc}, tech-spec ${counts['tech-spec']}, adr ${counts.adr}), ${Math.round(bytes / n)} bytes each on average, in ${out}`,
  );
  return 0;
}

if (import.meta.url === `file://${process.argv[1]}`) process.exitCode = main(process.argv.slice(2));
