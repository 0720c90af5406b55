#!/usr/bin/env node
// Builds dist/: dist/main.cjs (the entry and the quick parser, with the commands described as
// data), dist/cli.cjs (commander and the command registry, for help and errors), one self-contained
// file per command in dist/commands/ and dist/yaml.cjs, so start-up loads a handful of files
// instead of hundreds (docs/adr, "Ship a bundled build"). Also writes dist/archdoc.schema.json from
// the schema the code validates with, and the licences of the bundled packages. Type checking is
// `tsc --noEmit`, run by `npm run build` before this.
import { build } from 'esbuild';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const final = path.join(root, 'dist');
// Build beside dist/ and swap at the end, so a CLI started meanwhile (a test run) finds a whole build.
const dist = path.join(root, `dist.tmp-${process.pid}`);
fs.rmSync(dist, { recursive: true, force: true });
process.on('exit', (code) => {
  if (code !== 0) fs.rmSync(dist, { recursive: true, force: true }); // a failed build leaves no half-built folder behind
});

// Loaded only when a prompt is shown, and kept as a real dependency: not bundled.
const external = ['@inquirer/prompts'];
// Every file directly in src/commands/ is a command; their shared helpers live in src/commands/shared/.
const commands = fs
  .readdirSync(path.join(root, 'src', 'commands'))
  .filter((f) => f.endsWith('.ts'))
  .map((f) => `src/commands/${f}`);
// Commands run now and then share one file, dist/commands/more.cjs: most of each command's bundle
// is the same core and adapters, which one file holds once, so the package stays small. The
// commands people and CI run all day (list, check, create, status, completion) keep a file
// each, the least code to load.
const SHARED_FILE = ['init', 'import', 'renumber', 'show', 'search', 'edit', 'link', 'index-page', 'graph', 'new'];
// What src/ imports from yaml, each export read from dist/yaml.cjs on first use.
const yamlExports = Object.keys(require('yaml')).filter((k) => /^[A-Za-z_$][\w$]*$/.test(k));

// The commands and options as commander declares them, for the quick parser in dist/main.cjs
// (src/entry/quick-parse.ts): the registry is bundled on its own, run once, and described as data.
const specFile = path.join(dist, 'commands-spec.cjs');
await build({
  absWorkingDir: root,
  stdin: {
    contents: [
      "import { buildProgram, collect } from './src/entry/cli.ts';",
      "import { describeProgram } from './src/entry/quick-parse.ts';",
      "import { describeListing } from './src/entry/help-listing.ts';",
      "import { ACTIONS } from './src/entry/actions.ts';",
      'const quiet = { write() {}, isTTY: () => false, columns: () => undefined };',
      "const system = { cwd: '.', env: {}, stdout: quiet, stderr: quiet, stdinIsTTY: () => false };",
      'const program = buildProgram(system);',
      'export const spec = { ...describeProgram(program, (o) => o.parseArg === collect, (name) => Object.hasOwn(ACTIONS, name)), listing: describeListing(program) };',
    ].join('\n'),
    resolveDir: root,
    loader: 'ts',
  },
  outfile: specFile,
  bundle: true,
  format: 'cjs',
  platform: 'node',
  target: 'node20',
  define: { 'import.meta.url': '"file:///"' },
  // The commands themselves never run here.
  plugins: [{ name: 'no-commands', setup: (b) => b.onResolve({ filter: /^\.\.\/commands\/[a-z-]+\.js$/ }, (a) => ({ path: a.path, external: true })) }],
  logLevel: 'warning',
});
const commandSpec = require(specFile).spec;
fs.rmSync(specFile);

// CommonJS, one self-contained file per command: Node starts its CommonJS loader faster than its
// ESM loader, which is most of what a short run costs. The registry requires a command's file
// only when that command runs.
const result = await build({
  absWorkingDir: root,
  entryPoints: {
    main: 'src/entry/main.ts',
    cli: 'src/entry/cli.ts',
    'commands/gate': 'src/commands/shared/gate.ts',
    'commands/branches': 'src/adapters/branches.ts',
    'commands/reservation': 'src/adapters/reservation.ts',
    ...Object.fromEntries(commands.filter((f) => !SHARED_FILE.includes(path.basename(f, '.ts'))).map((f) => [`commands/${path.basename(f, '.ts')}`, f])),
    'commands/more': 'archdoc:more',
  },
  outdir: path.relative(root, dist),
  outExtension: { '.js': '.cjs' },
  bundle: true,
  format: 'cjs',
  platform: 'node',
  target: 'node20',
  mainFields: ['module', 'main'],
  // Every import() becomes a require: a command then loads through Node's CommonJS loader, which
  // starts faster than its ESM one (Node >= 20.19 requires ES modules such as @inquirer/prompts).
  supported: { 'dynamic-import': false },
  define: {
    'import.meta.url': '__archdocFileUrl',
    __ARCHDOC_VERSION__: JSON.stringify(JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')).version),
    // JSON text (a string), parsed at start-up: src/entry/main.ts.
    __ARCHDOC_COMMANDS__: JSON.stringify(JSON.stringify(commandSpec)),
  },
  banner: { js: "const __archdocFileUrl = require('node:url').pathToFileURL(__filename).href;" },
  external,
  plugins: [
    {
      // commander requires child_process at load time only for git-style executable subcommands,
      // which archdoc does not use; load it on first use instead (it costs several ms per start).
      name: 'lazy-child-process-for-commander',
      setup(b) {
        b.onResolve({ filter: /^(node:)?child_process$/ }, (a) =>
          /node_modules[\\/]commander[\\/]/.test(a.importer) ? { path: 'lazy-child-process', namespace: 'archdoc' } : undefined,
        );
        b.onLoad({ filter: /.*/, namespace: 'archdoc' }, () => ({
          contents: "let m; module.exports = new Proxy({}, { get: (_, k) => (m ??= require('node:child_process'))[k] });",
          loader: 'js',
        }));
      },
    },
    {
      // `import fs from 'node:fs'` bundles to `__toESM(require('node:fs'))`, which copies every
      // property of the module into a new object, once per importing file: several ms per start.
      // Default imports of these builtins go through one shared module holding `require(...)`
      // instead. A named import of them fails the build ("No matching export"): import the default.
      name: 'builtins-without-copies',
      setup(b) {
        b.onResolve({ filter: /^(node:)?(fs|path|path\/posix|os|process|tty)$/ }, (a) => {
          if (a.namespace === 'builtin') return { path: a.path, external: true };
          // `require()` in CommonJS packages (commander) gets the module itself, as always.
          return a.kind === 'import-statement' ? { path: a.path.replace(/^node:/, ''), namespace: 'builtin' } : undefined;
        });
        b.onLoad({ filter: /.*/, namespace: 'builtin' }, (a) => ({ contents: `export default require('node:${a.path}');`, loader: 'js' }));
      },
    },
    {
      // commander and the registry are a file of their own (dist/cli.cjs), required only by a
      // command line the quick parser leaves to commander: help, versions, typos, errors.
      name: 'commander-apart',
      setup(b) {
        b.onResolve({ filter: /^\.\/cli\.js$/ }, (a) =>
          a.importer.endsWith(path.join('src', 'entry', 'main.ts')) ? { path: './cli.cjs', external: true } : undefined,
        );
      },
    },
    {
      // The change gate (every check rule) is a file of its own for create, which needs it only to
      // supersede: a plain create does not load the rules.
      name: 'gate-apart-for-create',
      setup(b) {
        b.onResolve({ filter: /^\.\/shared\/gate\.js$/ }, (a) =>
          a.importer.endsWith(path.join('src', 'commands', 'create.ts')) ? { path: './gate.cjs', external: true } : undefined,
        );
      },
    },
    {
      // `new` creates with create's own file: dist/commands/more.cjs does not hold create's code twice.
      name: 'create-apart-for-new',
      setup(b) {
        b.onResolve({ filter: /^\.\/create\.js$/ }, (a) =>
          a.importer.endsWith(path.join('src', 'commands', 'new.ts')) ? { path: './create.cjs', external: true } : undefined,
        );
      },
    },
    {
      // Reading other branches and reserving numbers are files of their own: a repository with one
      // branch and no reservation never loads them (src/commands/shared/numbering.ts).
      name: 'numbering-apart',
      setup(b) {
        b.onResolve({ filter: /^\.\.\/\.\.\/adapters\/(branches|reservation)\.js$/ }, (a) =>
          a.importer.endsWith(path.join('src', 'commands', 'shared', 'numbering.ts'))
            ? { path: `./${path.basename(a.path, '.js')}.cjs`, external: true }
            : undefined,
        );
      },
    },
    {
      // archdoc mcp: the MCP SDK and zod are a file of their own (dist/mcp-sdk.cjs, minified), and
      // the actions it runs are dist/main.cjs's, required as they are: only `archdoc mcp` loads either.
      name: 'mcp-apart',
      setup(b) {
        const fromMcp = (a) => a.importer.endsWith(path.join('src', 'commands', 'mcp.ts'));
        b.onResolve({ filter: /^(@modelcontextprotocol\/sdk\/.*|zod)$/ }, (a) => (fromMcp(a) ? { path: a.path, namespace: 'mcp-sdk' } : undefined));
        b.onLoad({ filter: /.*/, namespace: 'mcp-sdk' }, () => ({ contents: "module.exports = require('../mcp-sdk.cjs');", loader: 'js' }));
        b.onResolve({ filter: /^\.\.\/mcp-sdk\.cjs$/ }, (a) => ({ path: a.path, external: true }));
        b.onResolve({ filter: /^\.\.\/entry\/main\.js$/ }, (a) => (fromMcp(a) ? { path: '../main.cjs', external: true } : undefined));
      },
    },
    {
      // Commands stay files of their own, required when first chosen.
      name: 'commands-stay-separate',
      setup(b) {
        b.onResolve({ filter: /^\.\.\/commands\/[a-z-]+\.js$/ }, (a) => {
          if (!a.importer.endsWith(path.join('src', 'entry', 'actions.ts'))) return undefined;
          const name = path.basename(a.path, '.js');
          if (SHARED_FILE.includes(name)) return { path: `./commands/more.cjs#${name}`, namespace: 'in-more' };
          return { path: a.path.replace(/^\.\.\//, './').replace(/\.js$/, '.cjs'), external: true };
        });
        // A command in dist/commands/more.cjs is its export there.
        // create opens its new document in the editor (--open) with edit's code, from the same file.
        b.onResolve({ filter: /^\.\/shared\/editing\.js$/ }, (a) =>
          a.importer.endsWith(path.join('src', 'commands', 'create.ts')) ? { path: './more.cjs#editing', namespace: 'in-more' } : undefined,
        );
        b.onLoad({ filter: /.*/, namespace: 'in-more' }, (a) => {
          const [file, name] = a.path.split('#');
          return { contents: `module.exports = require(${JSON.stringify(file)})[${JSON.stringify(name)}];`, loader: 'js' };
        });
        b.onResolve({ filter: /^(\.\/commands\/|\.\/)more\.cjs$/ }, (a) => ({ path: a.path, external: true }));
        b.onResolve({ filter: /^archdoc:more$/ }, () => ({ path: 'more', namespace: 'more-entry' }));
        b.onLoad({ filter: /.*/, namespace: 'more-entry' }, () => ({
          contents: [
            ...SHARED_FILE.map((name) => `export * as ${JSON.stringify(name)} from './src/commands/${name}.ts';`),
            "export * as editing from './src/commands/shared/editing.ts';",
          ].join('\n'),
          resolveDir: root,
          loader: 'ts',
        }));
      },
    },
    {
      // chalk is a file of its own (dist/chalk.cjs): only output to a terminal with colour
      // loads it, so no command pays for parsing it otherwise.
      name: 'chalk-apart',
      setup(b) {
        b.onResolve({ filter: /^chalk$/ }, (a) => (a.importer.startsWith(path.join(root, 'src')) ? { path: '../chalk.cjs', external: true } : undefined));
      },
    },
    {
      // yaml is a file of its own (dist/yaml.cjs), loaded when one of its functions is first
      // called: well-formed frontmatter and a flat configuration are read by the fast reader
      // (src/core/fast-yaml.ts), so most runs never load it. Only commands import it.
      name: 'yaml-on-first-use',
      setup(b) {
        b.onResolve({ filter: /^yaml$/ }, (a) => (a.importer.startsWith(path.join(root, 'src')) ? { path: 'yaml', namespace: 'lazy-yaml' } : undefined));
        b.onResolve({ filter: /^\.\.\/yaml\.cjs$/ }, (a) => ({ path: a.path, external: true }));
        b.onLoad({ filter: /.*/, namespace: 'lazy-yaml' }, () => ({
          contents: `let m; const load = () => (m ??= require('../yaml.cjs'));\n${yamlExports.map((k) => `Object.defineProperty(exports, ${JSON.stringify(k)}, { enumerable: true, get: () => load()[${JSON.stringify(k)}] });`).join('\n')}`,
          loader: 'js',
        }));
      },
    },
  ],
  legalComments: 'eof',
  // Whitespace and syntax only: names are kept, so a --debug stack trace still names every
  // function. The bundles repeat the shared code (one file per command), and this keeps the
  // package under its limit (docs/adr, "Minify archdoc's bundles, keeping names").
  minifyWhitespace: true,
  minifySyntax: true,
  metafile: true,
  logLevel: 'warning',
});
// Third-party code archdoc loads apart (yaml, chalk, the MCP SDK), required on first use (the
// plugins above): minified whole, names too, as nobody debugs it through archdoc.
const vendored = {
  absWorkingDir: root,
  bundle: true,
  format: 'cjs',
  platform: 'node',
  target: 'node20',
  minify: true,
  legalComments: 'eof',
  metafile: true,
  logLevel: 'warning',
};
const yamlBuild = await build({
  ...vendored,
  entryPoints: { yaml: require.resolve('yaml'), chalk: path.join(root, 'node_modules', 'chalk', 'source', 'index.js') },
  outdir: path.relative(root, dist),
  outExtension: { '.js': '.cjs' },
});
Object.assign(result.metafile.inputs, yamlBuild.metafile.inputs);
Object.assign(result.metafile.outputs, yamlBuild.metafile.outputs);
// The MCP SDK and zod, for `archdoc mcp` alone; minified, like yaml and chalk.
const mcpBuild = await build({
  ...vendored,
  stdin: {
    contents: [
      "export { McpServer, ResourceTemplate } from '@modelcontextprotocol/sdk/server/mcp.js';",
      "export { StdioServerTransport } from '@modelcontextprotocol/sdk/server/stdio.js';",
      "export { z } from 'zod';",
    ].join('\n'),
    resolveDir: root,
    loader: 'js',
  },
  outfile: path.join(path.relative(root, dist), 'mcp-sdk.cjs'),
  plugins: [
    {
      // zod's messages in every language it knows (`z.locales`): archdoc's messages are English,
      // and `z.config(z.locales.xx())` is never called. English stays; the rest would be a third of the file.
      name: 'zod-english-only',
      setup(b) {
        b.onResolve({ filter: /^\.\.\/locales\/index\.js$/ }, (a) =>
          /zod[\\/]v4[\\/](classic|mini|core)[\\/]/.test(a.importer)
            ? { path: path.join(path.dirname(a.importer), '..', 'locales', 'en.js'), namespace: 'zod-en' }
            : undefined,
        );
        b.onLoad({ filter: /.*/, namespace: 'zod-en' }, (a) => ({
          contents: `export { default as en } from ${JSON.stringify(a.path)};`,
          loader: 'js',
          resolveDir: path.dirname(a.path),
        }));
      },
    },
    {
      // The SDK accepts zod 3 schemas too, through a second copy of zod and a converter; archdoc's
      // schemas are zod 4's (src/commands/mcp.ts), so both stay out of the file.
      name: 'zod-4-only',
      setup(b) {
        b.onResolve({ filter: /^(zod\/v3|zod-to-json-schema)$/ }, (a) =>
          /@modelcontextprotocol/.test(a.importer) ? { path: a.path, namespace: 'no-zod-3' } : undefined,
        );
        b.onLoad({ filter: /.*/, namespace: 'no-zod-3' }, () => ({
          contents:
            "const no = () => { throw new Error('archdoc mcp uses zod 4 schemas only'); };\nexport const object = no;\nexport const zodToJsonSchema = no;",
          loader: 'js',
        }));
      },
    },
    {
      // The server validates with ajv only what a client answers to an elicitation (a question the
      // server asks the person); archdoc asks none, so ajv stays out of the file.
      name: 'no-elicitation-validator',
      setup(b) {
        b.onResolve({ filter: /ajv-provider\.js$/ }, (a) =>
          /@modelcontextprotocol/.test(a.importer) ? { path: 'ajv-provider', namespace: 'no-ajv' } : undefined,
        );
        b.onLoad({ filter: /.*/, namespace: 'no-ajv' }, () => ({
          contents: "export class AjvJsonSchemaValidator { getValidator() { throw new Error('archdoc mcp validates no elicitation'); } }",
          loader: 'js',
        }));
      },
    },
  ],
});
Object.assign(result.metafile.inputs, mcpBuild.metafile.inputs);
Object.assign(result.metafile.outputs, mcpBuild.metafile.outputs);

// yaml and chalk are required as '../yaml.cjs' and '../chalk.cjs', which only the command bundles
// in dist/commands/ can do.
if (/(yaml|chalk|mcp-sdk)\.cjs/.test(fs.readFileSync(path.join(dist, 'main.cjs'), 'utf8')))
  throw new Error('build: dist/main.cjs must not load yaml, chalk or the MCP SDK');

// Node reads each file into a string, which V8 stores with one byte a character only when every
// character is Latin-1: one em dash in a regular expression made create.cjs a two-byte string,
// twice the memory to read, hash for the compile cache and scan on every run. esbuild escapes
// strings but not regular expressions; write such characters as \u escapes in src/.
for (const file of Object.keys(result.metafile.outputs).filter((f) => f.endsWith('.cjs'))) {
  const text = fs.readFileSync(path.join(root, file), 'utf8');
  let at = -1;
  for (let i = 0; i < text.length && at === -1; i++) if (text.charCodeAt(i) > 0x7f) at = i;
  if (at !== -1)
    throw new Error(
      `build: ${path.relative(dist, path.join(root, file))} holds a character beyond ASCII at offset ${at} (${JSON.stringify(text.slice(Math.max(0, at - 40), at + 10))}): write it as a \\u escape in src/`,
    );
}

// The JSON Schema of .archdoc.yml: the very object src/core/config-schema.ts exports.
const schemaBuild = await build({
  absWorkingDir: root,
  entryPoints: ['src/core/config-schema.ts'],
  bundle: true,
  format: 'esm',
  platform: 'node',
  write: false,
  logLevel: 'warning',
});
const { CONFIG_SCHEMA } = await import(`data:text/javascript;base64,${Buffer.from(schemaBuild.outputFiles[0].text).toString('base64')}`);
fs.writeFileSync(path.join(dist, 'archdoc.schema.json'), `${JSON.stringify(CONFIG_SCHEMA, null, 2)}\n`);

// Licences of every package bundled into dist/.
const packages = new Set();
for (const input of Object.keys(result.metafile.inputs)) {
  const m = /node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(input);
  if (m) packages.add(m[1]);
}
const notices = [...packages].sort().map((name) => {
  const dir = path.join(root, 'node_modules', name);
  const pkg = JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8'));
  const file = fs.readdirSync(dir).find((f) => /^(licen[cs]e|copying)(\.|$)/i.test(f));
  const text = file ? fs.readFileSync(path.join(dir, file), 'utf8').trim() : `License: ${pkg.license}`;
  return `${name}@${pkg.version} (${pkg.license})\n\n${text}\n`;
});
fs.writeFileSync(path.join(dist, 'THIRD-PARTY-LICENSES.txt'), `archdoc bundles these packages into dist/:\n\n${notices.join(`\n${'-'.repeat(72)}\n\n`)}`);
const old = `${final}.old-${process.pid}`;
if (fs.existsSync(final)) fs.renameSync(final, old);
fs.renameSync(dist, final);
fs.rmSync(old, { recursive: true, force: true });
const size = Object.values(result.metafile.outputs).reduce((a, o) => a + o.bytes, 0);
console.log(`dist/: ${Object.keys(result.metafile.outputs).length} files, ${(size / 1024).toFixed(0)} KiB, bundling ${packages.size} packages`);
