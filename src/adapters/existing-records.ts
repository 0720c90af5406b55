/**
 * Finds the folders where a repository already keeps records, for `init`: the one `.adr-dir`
 * names (adr-tools), the one `.log4brains.yml` names, and any folder a few levels down holding
 * numbered or dated Markdown files. Reads their Markdown files for core/detect.ts.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parse as parseYaml } from 'yaml';
import { looksLikeRecords, type FolderFiles } from '../core/detect.js';

/** Folders never searched: tools' own, dependencies, build output and test data (records there are samples, not the team's). */
const SKIP = new Set(['node_modules', 'vendor', 'dist', 'build', 'out', 'target', 'coverage', 'fixtures', '__fixtures__', 'testdata']);
const MAX_DEPTH = 5;
/** A record larger than this is read only this far (1 MiB); nobody writes one. */
const MAX_BYTES = 1024 * 1024;

/** A folder named in a marker file, made relative and kept inside the work tree. */
function inside(named: string): string | undefined {
  const rel = path.posix.normalize(named.trim().replace(/\\/g, '/').replace(/^\.\//, '')).replace(/\/+$/, '');
  if (!rel || rel === '.' || rel.startsWith('..') || path.isAbsolute(rel) || rel.split('/').includes('.git')) return undefined;
  return rel;
}

function readMarker(root: string, file: string): string | undefined {
  try {
    return fs.readFileSync(path.join(root, file), 'utf8');
  } catch {
    return undefined;
  }
}

/**
 * The folder `.adr-dir` names, and the one `.log4brains.yml` names (`project.adrFolder`); `notes`
 * says why a named folder is not read (outside the work tree, a symbolic link, a file that does not parse).
 */
function markers(root: string, notes: string[]): Map<string, FolderFiles['namedBy']> {
  const out = new Map<string, FolderFiles['namedBy']>();
  const take = (marker: NonNullable<FolderFiles['namedBy']>, named: string) => {
    const rel = inside(named);
    if (!rel) return notes.push(`${marker} names ${named.trim() || 'no folder'}, which is not a folder inside the repository; not read`);
    // Reached through a link anywhere on the way (`docs -> ../elsewhere`), it would be outside.
    let real: string | undefined;
    try {
      real = fs.realpathSync(path.join(root, rel));
    } catch {
      // Not there yet: records will be written there.
    }
    if (real !== undefined && real !== path.join(fs.realpathSync(root), rel)) {
      return notes.push(`${marker} names ${rel}, which is reached through a symbolic link; archdoc reads and writes no folder through a link`);
    }
    out.set(rel, marker);
  };
  const adrDir = readMarker(root, '.adr-dir');
  if (adrDir !== undefined) take('.adr-dir', adrDir.split('\n')[0] ?? '');
  const l4b = readMarker(root, '.log4brains.yml');
  if (l4b !== undefined) {
    let folder: unknown;
    try {
      folder = (parseYaml(l4b) as { project?: { adrFolder?: unknown } } | null)?.project?.adrFolder;
    } catch {
      notes.push('.log4brains.yml does not parse; the folder it names was looked for like any other');
    }
    if (typeof folder === 'string') take('.log4brains.yml', folder);
  }
  return out;
}

function markdownIn(root: string, folder: string): Array<{ name: string; text: string }> {
  let names: string[];
  try {
    names = fs.readdirSync(path.join(root, folder)).filter((n) => n.toLowerCase().endsWith('.md'));
  } catch {
    return [];
  }
  const out: Array<{ name: string; text: string }> = [];
  for (const name of names.sort()) {
    const file = path.join(root, folder, name);
    try {
      if (!fs.lstatSync(file).isFile()) continue;
      const fd = fs.openSync(file, 'r');
      try {
        const buf = Buffer.alloc(Math.min(fs.fstatSync(fd).size, MAX_BYTES));
        fs.readSync(fd, buf, 0, buf.length, 0);
        out.push({ name, text: buf.toString('utf8') });
      } finally {
        fs.closeSync(fd);
      }
    } catch {
      // Unreadable: not a record archdoc can read, so not one to detect.
    }
  }
  return out;
}

/** Every folder that holds records, the named ones first; each with its Markdown files. */
export function findRecordFolders(root: string): { folders: FolderFiles[]; notes: string[] } {
  const notes: string[] = [];
  const named = markers(root, notes);
  const found: FolderFiles[] = [];
  const seen = new Set<string>();
  for (const [folder, namedBy] of named) {
    seen.add(folder);
    found.push({ folder, files: markdownIn(root, folder), ...(namedBy ? { namedBy } : {}) });
  }
  const walk = (rel: string, depth: number) => {
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(path.join(root, rel), { withFileTypes: true });
    } catch {
      return;
    }
    if (rel && !seen.has(rel) && looksLikeRecords(entries.filter((e) => e.isFile()).map((e) => e.name))) {
      seen.add(rel);
      found.push({ folder: rel, files: markdownIn(root, rel) });
    }
    if (depth >= MAX_DEPTH) return;
    for (const e of entries) {
      if (!e.isDirectory() || e.name.startsWith('.') || SKIP.has(e.name)) continue;
      walk(rel ? `${rel}/${e.name}` : e.name, depth + 1);
    }
  };
  walk('', 0);
  return { folders: found, notes };
}
