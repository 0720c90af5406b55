#!/usr/bin/env node
// Writes dist/archdoc.schema.json, the JSON Schema of .archdoc.yml, from the very object the code
// validates with (src/core/config-schema.ts), so editors and archdoc always agree. Run by `npm run build`.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const dist = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'dist');
const { CONFIG_SCHEMA } = await import(path.join(dist, 'core', 'config-schema.js'));
fs.writeFileSync(path.join(dist, 'archdoc.schema.json'), JSON.stringify(CONFIG_SCHEMA, null, 2) + '\n');
