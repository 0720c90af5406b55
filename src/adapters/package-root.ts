/** The folder of archdoc's own package.json, found upward from this file (src/, dist/ or dist/commands/). */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

let cached: string | undefined;

export function packageRoot(): string {
  if (cached) return cached;
  let dir = path.dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const candidate = path.join(dir, 'package.json');
    if (fs.existsSync(candidate) && fs.existsSync(path.join(dir, 'templates'))) break;
    const up = path.dirname(dir);
    if (up === dir) {
      dir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
      break;
    }
    dir = up;
  }
  cached = dir;
  return dir;
}
