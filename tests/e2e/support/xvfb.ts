import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';

export interface VirtualDisplay {
  display: string;
  /** Types a chord as real X11 key events, e.g. "alt+shift+j" (xdotool syntax). */
  key(chord: string): void;
  close(): Promise<void>;
}

function need(bin: string, apt: string): string {
  const path = `/usr/bin/${bin}`;
  if (existsSync(path)) return path;
  throw new Error(`${bin} is missing: install it with "sudo apt-get install ${apt}".`);
}

/**
 * A private X server, for what only a headed browser does: browser-level keyboard shortcuts
 * (extension commands) are handled by the browser window, which headless mode does not have.
 */
export async function startVirtualDisplay(): Promise<VirtualDisplay> {
  const xvfb = need('Xvfb', 'xvfb');
  const xdotool = need('xdotool', 'xdotool');
  const number = 90 + Math.floor(Math.random() * 400);
  const display = `:${number}`;
  const server: ChildProcess = spawn(
    xvfb,
    [display, '-screen', '0', '1280x900x24', '-nolisten', 'tcp'],
    {
      stdio: 'ignore',
    },
  );
  const socket = `/tmp/.X11-unix/X${number}`;
  for (let i = 0; i < 100 && !existsSync(socket); i++) await new Promise((r) => setTimeout(r, 50));
  if (!existsSync(socket)) throw new Error(`Xvfb did not start on ${display}`);
  return {
    display,
    key(chord) {
      const r = spawnSync(xdotool, ['key', '--clearmodifiers', chord], {
        env: { ...process.env, DISPLAY: display },
      });
      if (r.status !== 0) throw new Error(`xdotool failed: ${r.stderr?.toString()}`);
    },
    close: async () => {
      server.kill();
      await new Promise((r) => setTimeout(r, 50));
    },
  };
}
