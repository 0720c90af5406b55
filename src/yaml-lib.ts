/**
 * The `yaml` package, loaded on first use. Most runs never need it: well-formed frontmatter and a
 * flat configuration are read by the fast reader, and loading yaml costs a large share of a short
 * run. In the published build yaml is its own file (dist/yaml.cjs); from source it is the package.
 */
import { createRequire } from 'node:module';
import type * as Yaml from 'yaml';

declare const __ARCHDOC_BUNDLED__: boolean | undefined;

let lib: typeof Yaml | undefined;

export function yaml(): typeof Yaml {
  if (!lib) {
    // Bundled, this is a command file in dist/commands/, and its own `require` loads dist/yaml.cjs
    // through the code-cache loader (src/boot.ts).
    lib = (typeof __ARCHDOC_BUNDLED__ !== 'undefined' && __ARCHDOC_BUNDLED__ ? require('../yaml.cjs') : createRequire(import.meta.url)('yaml')) as typeof Yaml;
  }
  return lib;
}
