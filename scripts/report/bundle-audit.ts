import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

/**
 * What a reviewer of the built extension would check by hand: no code built from strings, no
 * address it could load code or send data to, the permissions it asks for, and nothing a web page
 * can fetch from it. Used by tests/unit/bundle-audit.test.ts and `npm run report`.
 */

/** The permissions FactLens may ask for, and why (see wxt.config.ts). */
export const APPROVED_PERMISSIONS = {
  storage: 'settings',
  contextMenus: 'the page and selection menu items',
  activeTab: 'the popup reads the address of the tab it opened over (no install warning)',
} as const;
/** The same pages as the content script's matches: no new install warning. */
export const APPROVED_HOSTS = ['http://*/*', 'https://*/*'];

/**
 * Addresses that may appear in the code because nothing is ever loaded from them: XML namespace
 * names (Preact's SVG/MathML support), match patterns, and links in WXT's error messages meant
 * for developers. Any other address fails the audit until someone decides what it is.
 */
export const INERT_URLS: Record<string, string> = {
  'http://www.w3.org/2000/svg': 'namespace name',
  'http://www.w3.org/1999/xhtml': 'namespace name',
  'http://www.w3.org/1998/Math/MathML': 'namespace name',
  'http://www.w3.org/1999/xlink': 'namespace name',
  'http://*/*': 'match pattern',
  'https://*/*': 'match pattern',
  'https://github.com/wxt-dev/wxt/issues/371': 'text of a WXT error message',
  'https://wxt.dev/guide/go-further/testing.html': 'text of a WXT error message',
};

/** Code built from strings at run time. */
const DYNAMIC_CODE: Array<[string, RegExp]> = [
  ['eval', /(^|[^\w$.])eval\s*\(/],
  ['new Function', /\bnew\s+Function\s*\(/],
  ['Function constructor', /(^|[^\w$.])Function\s*\(/],
  ['string timer', /\bset(Timeout|Interval)\s*\(\s*[`'"]/],
  ['dynamic import', /(^|[^\w$.])import\s*\(/],
  ['importScripts', /\bimportScripts\s*\(/],
  ['document.write', /\.write(ln)?\s*\(\s*[`'"]</],
  ['javascript: URL', /javascript:/i],
];
/** Ways to reach the network. */
const NETWORK: Array<[string, RegExp]> = [
  ['fetch', /(^|[^\w$.])fetch\s*\(/],
  ['XMLHttpRequest', /\bXMLHttpRequest\b/],
  ['WebSocket', /\bWebSocket\b/],
  ['EventSource', /\bEventSource\b/],
  ['sendBeacon', /\bsendBeacon\b/],
  ['RTCPeerConnection', /\bRTCPeerConnection\b/],
];
/**
 * Vite's module-preload polyfill in the popup and options pages: it fetches the extension's own
 * `<link rel="modulepreload">` files, never a page's or a remote address.
 */
const MODULEPRELOAD_POLYFILL = /modulepreload[\s\S]{0,600}fetch\(e\.href,/;

export interface Finding {
  file: string;
  what: string;
  excerpt: string;
}

export interface BuildAudit {
  build: string;
  files: number;
  findings: Finding[];
  permissions: string[];
  hostPermissions: string[];
  webAccessibleResources: number;
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

function excerpt(text: string, at: number): string {
  return text.slice(Math.max(0, at - 60), at + 80).replace(/\s+/g, ' ');
}

function scanCode(file: string, text: string, findings: Finding[]): void {
  for (const [what, re] of DYNAMIC_CODE) {
    const m = re.exec(text);
    if (m) findings.push({ file, what, excerpt: excerpt(text, m.index) });
  }
  const withoutPolyfill = text.replace(MODULEPRELOAD_POLYFILL, '');
  for (const [what, re] of NETWORK) {
    const m = re.exec(withoutPolyfill);
    if (m) findings.push({ file, what, excerpt: excerpt(withoutPolyfill, m.index) });
  }
}

function scanUrls(file: string, text: string, findings: Finding[]): void {
  for (const m of text.matchAll(/\b(?:https?|wss?|ftp):\/\/[^\s"'`)<>\\]*/gi)) {
    if (!(m[0] in INERT_URLS)) {
      findings.push({ file, what: `address ${m[0]}`, excerpt: excerpt(text, m.index) });
    }
  }
}

/** Audits one build folder (.output/chrome-mv3 or .output/firefox-mv3). */
export function auditBuild(dir: string): BuildAudit {
  if (!existsSync(join(dir, 'manifest.json'))) {
    throw new Error(`${dir} has no manifest.json: run "npm run build" first.`);
  }
  const findings: Finding[] = [];
  const files = filesUnder(dir);
  for (const path of files) {
    const file = relative(dir, path);
    if (!/\.(js|mjs|html|css|json)$/.test(file)) continue;
    const text = readFileSync(path, 'utf8');
    if (/\.(js|mjs|html)$/.test(file)) scanCode(file, text, findings);
    scanUrls(file, file === 'manifest.json' ? JSON.stringify(JSON.parse(text)) : text, findings);
  }
  const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as Record<
    string,
    unknown
  >;
  const list = (key: string) => (Array.isArray(manifest[key]) ? (manifest[key] as string[]) : []);
  for (const key of [
    'optional_permissions',
    'optional_host_permissions',
    'externally_connectable',
  ]) {
    if (key in manifest)
      findings.push({ file: 'manifest.json', what: key, excerpt: JSON.stringify(manifest[key]) });
  }
  const csp = JSON.stringify(manifest.content_security_policy ?? '');
  if (/unsafe-eval|unsafe-inline|https?:|wasm-unsafe-eval|\*/.test(csp)) {
    findings.push({
      file: 'manifest.json',
      what: 'loosened content_security_policy',
      excerpt: csp,
    });
  }
  const scripts = (manifest.content_scripts ?? []) as Array<{ matches?: string[] }>;
  for (const s of scripts) {
    for (const match of s.matches ?? []) {
      if (!APPROVED_HOSTS.includes(match))
        findings.push({
          file: 'manifest.json',
          what: `content script match ${match}`,
          excerpt: '',
        });
    }
  }
  return {
    build: dir,
    files: files.length,
    findings,
    permissions: list('permissions'),
    hostPermissions: list('host_permissions'),
    webAccessibleResources: list('web_accessible_resources').length,
  };
}
