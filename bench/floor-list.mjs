#!/usr/bin/env node
// The floor for `list` and `check`: the least work any lister does. Walks the folders given, reads
// each .md file once, cuts the frontmatter with a regex and splits `key: value` lines (no YAML
// library), and prints one JSON array. archdoc is measured as a ratio against it, in one run.
// usage: node bench/floor-list.mjs <dir> [<dir> ...]
import fs from 'node:fs';
import path from 'node:path';

const HEAD = /^---\r?\n([\s\S]*?)\r?\n---/;
const rows = [];
const visit = (dir) => {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      visit(full);
      continue;
    }
    if (!entry.name.endsWith('.md')) continue;
    const row = { path: full };
    const head = HEAD.exec(fs.readFileSync(full, 'utf8'));
    if (head) {
      for (const line of head[1].split('\n')) {
        const colon = line.indexOf(':');
        if (colon > 0 && line[0] !== ' ') row[line.slice(0, colon).trim()] = line.slice(colon + 1).trim();
      }
    }
    rows.push(row);
  }
};
for (const dir of process.argv.slice(2)) if (fs.existsSync(dir)) visit(dir);
process.stdout.write(`${JSON.stringify(rows)}\n`);
