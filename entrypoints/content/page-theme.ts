function luminance(color: string): number | null {
  const m = /rgba?\(([\d.]+)[ ,]+([\d.]+)[ ,]+([\d.]+)(?:[ ,/]+([\d.]+))?/.exec(color);
  if (!m || (m[4] !== undefined && Number(m[4]) < 0.5)) return null;
  const [r, g, b] = [m[1], m[2], m[3]].map((v) => Number(v) / 255) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** Whether the page is dark: its own background first, the reader's preference otherwise. */
export function pageLooksDark(): boolean {
  for (const el of [document.body, document.documentElement]) {
    if (!el) continue;
    const l = luminance(getComputedStyle(el).backgroundColor);
    if (l !== null) return l < 0.4;
  }
  return window.matchMedia?.('(prefers-color-scheme: dark)').matches ?? false;
}
