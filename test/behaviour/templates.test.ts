import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { hasStackTrace, makeRepo, porcelain } from '../helpers.js';

describe('repository templates are data', () => {
  it('a template with code is refused with exit 2 and its line; nothing is written anywhere', async () => {
    const repo = makeRepo();
    const outside = path.join(os.tmpdir(), `archdoc-template-escape-${process.pid}-${Date.now()}`);
    repo.write('.archdoc/templates/rfc.md.eta', `# <%= it.id %>\n\n<% process.getBuiltinModule('fs').writeFileSync(${JSON.stringify(outside)}, 'owned') %>\n`);
    repo.git('add', '.');
    repo.git('commit', '-qm', 'hostile template');
    const before = porcelain(repo);
    const r = await repo.run(['create-rfc', 'Adopt PostgreSQL', '--yes']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^error: \.archdoc\/templates\/rfc\.md\.eta:3: templates may only insert variables/);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(hasStackTrace(r.stderr)).toBe(false);
    expect(fs.existsSync(outside)).toBe(false);
    expect(porcelain(repo)).toEqual(before);
    expect(repo.files('rfcs')).toEqual([]);
  });

  it('a template that only inserts variables renders as before', async () => {
    const repo = makeRepo();
    repo.write('.archdoc/templates/adr.md.eta', '# <%= it.id %>: <%= it.title %>\n\n## Status\n\n<%= it.status %>\n\nBy <%= it.author %> on <%= it.date %>.\n');
    const r = await repo.run(['create-adr', 'Use Kafka for events', '--yes', '--no-commit']);
    expect(r.code, r.stderr).toBe(0);
    expect(repo.read(repo.find('ADR-0001'))).toContain('# ADR-0001: Use Kafka for events\n\n## Status\n\nPROPOSED\n\nBy Test Author on 2026-11-25.\n');
  });
});
