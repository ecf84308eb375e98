import { existsSync } from 'node:fs';

export type BrowserName = 'chromium' | 'firefox';

const CANDIDATES: Record<BrowserName, { env: string; paths: string[]; apt: string }> = {
  chromium: {
    env: 'CHROME_PATH',
    paths: [
      '/usr/bin/chromium',
      '/usr/bin/chromium-browser',
      '/usr/bin/google-chrome',
      '/snap/bin/chromium',
    ],
    apt: 'chromium',
  },
  firefox: {
    env: 'FIREFOX_PATH',
    paths: ['/usr/bin/firefox-esr', '/usr/bin/firefox', '/snap/bin/firefox'],
    apt: 'firefox-esr',
  },
};

/**
 * The system browser to drive. npm tools cannot download browsers here, so a missing one is an
 * error that says how to install it — never a silently skipped suite.
 */
export function findBrowser(name: BrowserName): string {
  const c = CANDIDATES[name];
  const fromEnv = process.env[c.env];
  if (fromEnv) {
    if (existsSync(fromEnv)) return fromEnv;
    throw new Error(`${c.env}=${fromEnv} does not exist.`);
  }
  const found = c.paths.find((p) => existsSync(p));
  if (found) return found;
  throw new Error(
    `No ${name} found (looked at ${c.paths.join(', ')}). Install it with ` +
      `"sudo apt-get install ${c.apt}" or set ${c.env} to its executable.`,
  );
}
