import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../../scripts/lib/paths.ts';
import {
  APPROVED_HOSTS,
  APPROVED_PERMISSIONS,
  auditBuild,
} from '../../scripts/report/bundle-audit.ts';

// Reads the build output: `npm test` builds before it runs vitest. Run "npm run build" first
// when running this file alone; a missing build fails here rather than passing unseen.
describe.each(['chrome-mv3', 'firefox-mv3'])('the built extension (%s)', (build) => {
  const audit = () => auditBuild(join(ROOT, '.output', build));

  it('builds no code from strings and has no way to the network but its own files', () => {
    const findings = audit().findings.filter((f) => !f.what.startsWith('address'));
    expect(findings).toEqual([]);
  });

  it('names no address it could load code from or send data to', () => {
    expect(audit().findings.filter((f) => f.what.startsWith('address'))).toEqual([]);
  });

  it('asks for exactly the approved permissions, and for the pages its content script reads', () => {
    const { permissions, hostPermissions, findings } = audit();
    expect([...permissions].sort()).toEqual(Object.keys(APPROVED_PERMISSIONS).sort());
    expect([...hostPermissions].sort()).toEqual([...APPROVED_HOSTS].sort());
    expect(findings.filter((f) => f.file === 'manifest.json')).toEqual([]);
  });

  it('offers a web page nothing to fetch (no web-accessible resources)', () => {
    expect(audit().webAccessibleResources).toBe(0);
  });
});

describe('the audit itself', () => {
  it('catches what it is for, in a planted build', () => {
    const dir = mkdtempSync(join(tmpdir(), 'factlens-audit-'));
    try {
      mkdirSync(join(dir, 'chunks'));
      writeFileSync(
        join(dir, 'manifest.json'),
        JSON.stringify({
          permissions: ['storage', 'tabs'],
          host_permissions: ['<all_urls>'],
          web_accessible_resources: [{ resources: ['*.js'], matches: ['<all_urls>'] }],
          content_security_policy: { extension_pages: "script-src 'self' 'unsafe-eval'" },
        }),
      );
      writeFileSync(
        join(dir, 'chunks', 'a.js'),
        'const s=document.createElement(`script`);s.src=`https://cdn.example/x.js`;eval(t);new Function(`a`,b);fetch(u);',
      );
      const audit = auditBuild(dir);
      const what = audit.findings.map((f) => f.what);
      expect(what).toEqual(
        expect.arrayContaining([
          'eval',
          'new Function',
          'fetch',
          'address https://cdn.example/x.js',
          'loosened content_security_policy',
        ]),
      );
      expect(audit.permissions).toContain('tabs');
      expect(audit.webAccessibleResources).toBe(1);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
