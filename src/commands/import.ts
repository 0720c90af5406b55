/**
 * `archdoc import [--type <kind>] [--dry-run]`: converts the records another tool wrote into
 * archdoc's shape, in one commit: archdoc's frontmatter, archdoc's file names (`git mv`), every
 * link to a renamed file rewritten, and the kind's configuration set to archdoc's own (file
 * names, frontmatter required, archdoc's template). Optional: archdoc reads the records in place.
 */
import { CONFIG_FILE } from '../adapters/config-file.js';
import { exists, folderNames, readText } from '../adapters/store.js';
import { editYaml, type FrontmatterEdit } from '../core/frontmatter.js';
import { planImport, type ImportPlan } from '../core/import.js';
import { numberless } from '../core/file-names.js';
import { DEFAULT_KINDS, type KindDef } from '../core/kinds.js';
import { normaliseHeading } from '../core/sections.js';
import { RefusedError, UsageError } from '../core/errors.js';
import { changeRepository, commitChange, createContext, kindByName, loadIndex, readAll, type Context, type GlobalOptions } from './shared/context.js';
import { parse as parseYaml } from 'yaml';

export interface ImportOptions extends GlobalOptions {
  type?: string;
  dryRun?: boolean;
}

/** The configuration keys that make a kind archdoc's own again, as edits to the file's text (the rest of it kept byte for byte). */
function configEdits(text: string, kind: KindDef): FrontmatterEdit[] {
  const given = (parseYaml(text) as { kinds?: Record<string, Record<string, unknown> | null> } | null)?.kinds?.[kind.name] ?? {};
  const edits: FrontmatterEdit[] = [{ op: 'set', path: ['kinds', kind.name, 'frontmatter'], value: 'required' }];
  if ('file_name' in given) edits.push({ op: 'set', path: ['kinds', kind.name, 'file_name'], value: '{id}-{slug}.md' });
  if ('template' in given) edits.push({ op: 'set', path: ['kinds', kind.name, 'template'], value: kind.name });
  // archdoc's template writes archdoc's sections: the records' own headings for them become
  // `section_names` (MADR's "Context and Problem Statement" for Context), so old and new records
  // answer to the same `required_sections`.
  const own = DEFAULT_KINDS[kind.name]?.requiredSections;
  const theirs = Array.isArray(given.required_sections) ? (given.required_sections as string[]) : undefined;
  if (own && theirs) {
    const names: Record<string, string[]> = {};
    const required = own.filter((section) => {
      const match = theirs.find((t) => normaliseHeading(t).includes(normaliseHeading(section)));
      if (match && normaliseHeading(match) !== normaliseHeading(section)) names[section] = [match];
      return match !== undefined;
    });
    edits.push({ op: 'set', path: ['kinds', kind.name, 'required_sections'], value: required });
    if (Object.keys(names).length) edits.push({ op: 'set', path: ['kinds', kind.name, 'section_names'], value: names });
  }
  return edits;
}

export async function run(opts: ImportOptions, services: Partial<Context> = {}): Promise<void> {
  const ctx = await createContext({ ...opts, yes: true }, services);
  const { out } = ctx;
  const c = out.c;
  const kinds = opts.type ? [kindByName(ctx.config, opts.type)] : Object.values(ctx.config.kinds).filter((k) => k.frontmatter === 'optional');
  const kind = kinds[0];
  if (kind?.frontmatter !== 'optional') {
    throw new UsageError(
      `nothing to import: ${opts.type ? `${kind?.plural ?? opts.type} are not` : 'no kind is'} read as another tool writes them (frontmatter: optional in ${CONFIG_FILE})`,
    );
  }
  if (kinds.length > 1) throw new UsageError(`several kinds read other tools' records (${kinds.map((k) => k.name).join(', ')}): name one with --type`);
  const kindName = kind.name;
  if (numberless(kind)) {
    throw new RefusedError(`${kind.plural} here are named by date, without numbers: archdoc import does not number them; nothing was changed.`);
  }

  const plan = (): { plan: ImportPlan; config: string } => {
    // By name again: the configuration may have changed while the lock was awaited.
    const kind = kindByName(ctx.config, kindName);
    const docs = readAll(ctx);
    const texts = new Map(docs.map((d) => [d.path, readText(ctx.root, d.path)] as const));
    // The kind folder's other Markdown (an adr-tools or MADR index, a README) links to its records too.
    const others = new Map(
      folderNames(ctx.root, kind.folder)
        .filter((n) => n.toLowerCase().endsWith('.md') && !texts.has(`${kind.folder}/${n}`))
        .map((n) => [`${kind.folder}/${n}`, readText(ctx.root, `${kind.folder}/${n}`)] as const),
    );
    const p = planImport({ kind, docs, texts, index: loadIndex(ctx, docs), padding: ctx.config.idPadding, others, taken: (rel) => exists(ctx.root, rel) });
    if (p.refused.length) {
      throw new RefusedError(
        `${p.refused.length === 1 ? `1 ${kind.label} cannot be imported as it is` : `${p.refused.length} ${kind.plural} cannot be imported as they are`}; nothing was changed.`,
        [...p.refused.map((r) => `  ${r.path}: ${r.why}`), 'Fix them (archdoc check shows most), then run the command again.'],
      );
    }
    if (!p.converted.length) throw new RefusedError(`No ${kind.label} here is left to import: every one is in archdoc's shape.`);
    const config = readText(ctx.root, CONFIG_FILE);
    return { plan: p, config: editYaml(config, configEdits(config, kind), config.includes('\r\n') ? '\r\n' : '\n') };
  };

  const render = (p: ImportPlan, done: boolean) => {
    out.out(
      `${c.green(done ? 'Imported' : 'Would import')} ${p.converted.length} ${p.converted.length === 1 ? kind.label : kind.plural} into archdoc's format${done ? '' : c.dim(' (dry run: nothing changed)')}`,
    );
    for (const from of p.converted) out.out(`  ${from}${p.moves.has(from) ? ` → ${p.moves.get(from)}` : ''}`);
    for (const r of p.relinked) out.out(`  ${c.dim('links')}   updated in ${r}`);
    out.out(`  ${c.dim('config')}  ${CONFIG_FILE}: kinds.${kind.name} in archdoc's own shape`);
  };

  if (opts.dryRun) {
    render(plan().plan, false);
    return;
  }
  const result = await changeRepository(ctx, `import ${kind.name}`, async (tx) => {
    const { plan: p, config } = plan();
    const touched = [...p.converted, ...p.relinked, CONFIG_FILE];
    for (const rel of touched) {
      if (ctx.commit && !(await ctx.git!.isTracked(rel))) {
        throw new RefusedError(`${rel} is not committed yet; import renames and rewrites committed files, so nothing was changed.`, [
          'Commit it first (or run with --no-commit), then run the command again.',
        ]);
      }
      if (ctx.commit && (await tx.uncommitted(rel)) !== 'none') {
        throw new RefusedError(`${rel} has changes of yours that are not committed; import rewrites it, so nothing was changed.`, [
          'Commit them, or put them aside with `git stash`, then run the command again.',
        ]);
      }
    }
    const paths = [...touched];
    const newPaths: string[] = [];
    for (const [from, to] of p.moves) {
      newPaths.push(...(await tx.move(from, to)).newPaths);
      paths.push(to);
    }
    for (const [rel, text] of p.texts) await tx.write(rel, text);
    await tx.write(CONFIG_FILE, config);
    const note = await commitChange(
      ctx,
      { paths, newPaths, message: `docs(${kind.name}): import ${p.converted.length} ${kind.plural} into archdoc's format` },
      opts,
    );
    return { p, note };
  });
  render(result.p, true);
  if (result.note) out.err(result.note);
}
