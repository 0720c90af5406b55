/**
 * `archdoc new [title]`: asks the method's questions (core/recommend.ts), recommends an RFC, an
 * ADR, a tech spec or a system design with the reason, and creates it with create's own code.
 * Answers come as options (`--several-options`, `--no-cross-team`, ...); at a terminal the
 * questions still needed are asked, and the kind can be confirmed or changed.
 */
import { loadCompiledWhole } from './shared/compile-whole.js';
import { createContext, type Context, type GlobalOptions } from './shared/context.js';
import { QUESTIONS, question, recommend, withDefaults, type Answers, type QuestionKey, type Recommendation } from '../core/recommend.js';
import { RefusedError, UsageError } from '../core/errors.js';
import type { CreateResult } from './create.js';
import { shellWord } from '../terminal/output.js';

export interface NewOptions extends GlobalOptions, Answers {
  title?: string;
  /** Print the recommendation and the answers that led to it; create nothing. */
  explain?: boolean;
  author?: string;
  reviewer?: string[];
  relatesTo?: string[];
  /** Passed to create: the RFC a tech spec implements (`--rfc`). */
  rfc?: string;
  /** Passed to create: the document of the same kind the new one supersedes (`--supersedes`). */
  supersedes?: string;
  force?: boolean;
}

export interface NewResult {
  recommendation: Recommendation;
  /** The kind created (the recommended one, or the one chosen at a terminal); none with --explain. */
  kind?: string;
  created?: CreateResult;
}

type Source = 'option' | 'asked' | 'default';

/** The kinds `new` chooses among, the order they are offered in after the recommended one. */
const KINDS = ['rfc', 'adr', 'tech-spec', 'system-design'];

const flagOf = (key: QuestionKey, answer: boolean) => `--${answer ? '' : 'no-'}${question(key).flag}`;

/** `--x or --no-x`; for several, any of them, or all of them as no. */
function wanted(missing: QuestionKey[]): string {
  if (missing.length === 1) return `give ${flagOf(missing[0]!, true)} or ${flagOf(missing[0]!, false)}`;
  const yes = missing.map((k) => flagOf(k, true));
  return `give ${yes.slice(0, -1).join(', ')} or ${yes.at(-1)}, or ${missing.map((k) => flagOf(k, false)).join(' ')} when ${missing.length === 2 ? 'neither' : 'none'} applies`;
}

export async function run(opts: NewOptions, services: Partial<Context> = {}): Promise<NewResult> {
  const ctx = await createContext(opts, services);
  const { out } = ctx;
  const c = out.c;
  const asking = ctx.prompt.interactive;

  let answers: Answers = {};
  const source = new Map<QuestionKey, Source>();
  for (const q of QUESTIONS) {
    const given = opts[q.key];
    if (typeof given === 'boolean') {
      answers[q.key] = given;
      source.set(q.key, 'option');
    }
  }
  let r = recommend(answers);
  if (asking) {
    // Only the questions still needed, one at a time: the rules stop asking once they decide.
    while (r.kind === undefined) {
      const key = r.missing[0]!;
      answers = { ...answers, [key]: await ctx.prompt.confirm(question(key).text, false) };
      source.set(key, 'asked');
      r = recommend(answers);
    }
  } else if (r.kind === undefined) {
    const filled = withDefaults(answers);
    for (const key of filled.defaulted) source.set(key, 'default');
    answers = filled.answers;
    r = recommend(answers);
    if (r.kind === undefined) throw new UsageError(`Not enough answers to recommend a kind of document: ${wanted(r.missing)}.`);
  }
  const recommendation = r;
  const title = opts.title?.trim() ? opts.title : undefined;
  if (!asking && !opts.explain && title === undefined) {
    const answered = recommendation.answersUsed.filter((a) => source.get(a.key) === 'option').map((a) => flagOf(a.key, a.answer));
    throw new UsageError(`Missing title: give it as the argument, e.g. archdoc new "Adopt PostgreSQL" ${[...answered, '--yes'].join(' ')}`);
  }

  const label = (kind: string) => ctx.config.kinds[kind]?.label ?? kind;
  out.out(`${c.bold('Recommended:')} ${label(recommendation.kind)}`);
  out.out(`  ${recommendation.reason}`);

  if (opts.explain) {
    out.out('');
    out.out('Answers that led there:');
    const width = Math.max(...recommendation.answersUsed.map((a) => question(a.key).text.length));
    for (const a of recommendation.answersUsed) {
      const how = source.get(a.key) === 'default' ? 'not given, taken as no' : source.get(a.key) === 'asked' ? 'answered' : flagOf(a.key, a.answer);
      out.out(`  ${(a.answer ? 'yes' : 'no').padEnd(4)} ${question(a.key).text.padEnd(width)}  ${c.dim(`(${how})`)}`);
    }
    const command = ctx.config.kinds[recommendation.kind]?.commands?.create ?? `create ${recommendation.kind}`;
    out.out('');
    // Only what the recommended kind takes: the command printed must run.
    const chosen = ctx.config.kinds[recommendation.kind];
    const given = [
      { flag: '--rfc', value: opts.rfc, applies: !!chosen?.createLinks?.rfc },
      { flag: '--supersedes', value: opts.supersedes, applies: !!chosen?.supersededStatus },
    ].filter((o) => o.value !== undefined);
    const passed = given.filter((o) => o.applies).map((o) => `${o.flag} ${shellWord(o.value!)}`);
    const dropped = given.filter((o) => !o.applies).map((o) => o.flag);
    // Of the create-<kind> commands only create-adr takes --supersedes (src/entry/cli.ts); `create <kind>` takes it for any kind.
    const via = given.some((o) => o.flag === '--supersedes' && o.applies) && recommendation.kind !== 'adr' ? `create ${recommendation.kind}` : command;
    out.out(`Nothing was created (--explain). To create it: archdoc ${via} ${shellWord(title ?? 'Your title', true)}${passed.map((p) => ` ${p}`).join('')}`);
    if (dropped.length)
      out.out(`(${dropped.join(' and ')} ${dropped.length === 1 ? 'does' : 'do'} not apply to ${chosen?.plural ?? recommendation.kind}: left out.)`);
    return { recommendation };
  }

  let kind: string = recommendation.kind;
  if (asking) {
    // Enter takes the recommendation; any other kind the configuration has can be chosen instead.
    const others = KINDS.filter((k) => k !== kind && ctx.config.kinds[k]);
    const choices = [
      { value: kind, name: `${label(kind)} (recommended)` },
      ...others.map((k) => ({ value: k, name: label(k) })),
      { value: '', name: 'nothing: stop here' },
    ];
    kind = await ctx.prompt.select('Create:', choices);
    if (!kind) throw new RefusedError('Nothing created.');
  }
  out.out('');
  // Created by create's own code, with this run's services: the same questions, checks and commit.
  // Through the same loader as the command line's create-rfc: V8 refuses a cache made the other way.
  const { run: create } = await loadCompiledWhole(() => import('./create.js'));
  const created = await create(
    {
      kind,
      ...(title !== undefined ? { title } : {}),
      ...(opts.cwd !== undefined ? { cwd: opts.cwd } : {}),
      ...(opts.author !== undefined ? { author: opts.author } : {}),
      ...(opts.reviewer ? { reviewer: opts.reviewer } : {}),
      ...(opts.relatesTo ? { relatesTo: opts.relatesTo } : {}),
      // create refuses one that does not apply to the kind chosen, before it changes anything.
      ...(opts.rfc !== undefined ? { links: { rfc: opts.rfc } } : {}),
      ...(opts.supersedes !== undefined ? { supersedes: opts.supersedes } : {}),
      ...(opts.force ? { force: true } : {}),
      ...(opts.commit === false ? { commit: false } : {}),
    },
    { ...services, system: ctx.system, ws: ctx.ws, out, prompt: ctx.prompt, today: ctx.today, git: ctx.git },
  );
  return { recommendation, kind, created };
}
