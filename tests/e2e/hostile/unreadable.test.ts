import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, expect } from 'vitest';
import type { PopupDriver } from '../../../scripts/lib/drivers.ts';
import { describeInBrowsers } from '../support/harness.ts';
import { sleep, waitUntil } from '../support/page-helpers.ts';
import { createLedger } from './ledger.ts';
import { watchTab } from './probes.ts';

/** A one-page PDF that names two entries (objects laid out by hand, offsets counted). */
function minimalPdf(text: string): string {
  const stream = `BT /F1 14 Tf 72 720 Td (${text}) Tj ET`;
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>',
    `<< /Length ${stream.length} >>\nstream\n${stream}\nendstream`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ];
  let pdf = '%PDF-1.4\n';
  const offsets = objects.map((o, i) => {
    const at = pdf.length;
    pdf += `${i + 1} 0 obj\n${o}\nendobj\n`;
    return at;
  });
  const xref = pdf.length;
  pdf += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  pdf += offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('');
  return `${pdf}trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
}

/** The popup's state once it has finished looking at the tab. */
async function settledPopup(popup: PopupDriver): Promise<{ state: string; text: string }> {
  const read = () =>
    popup.evaluate(
      (win) => ({
        state: win.document.querySelector('.popup')?.getAttribute('data-state') ?? '',
        text: win.document.querySelector('[data-testid="popup-state"]')?.textContent ?? '',
      }),
      null,
    );
  return (
    (await waitUntil(async () => {
      const v = await read();
      return v.state && v.state !== 'loading' ? v : null;
    })) ?? read()
  );
}

describeInBrowsers('pages extensions cannot read', (ctx) => {
  const ledger = createLedger(import.meta.url, () => ctx.browser.name);
  const dir = mkdtempSync(join(tmpdir(), 'factlens-file-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  ledger.fixture(
    'a browser page, a file:// page and the PDF viewer: the popup says it can’t read them, nothing errors',
    async (record) => {
      const file = join(dir, 'saved-article.html');
      writeFileSync(
        file,
        '<!doctype html><meta charset="utf-8"><title>Saved</title><p>Stephen Biegun met Victor Cha and Joseph Bermudez of CSIS.</p>',
      );
      ctx.server.route(
        '/hostile/report.pdf',
        minimalPdf('Stephen Biegun met Victor Cha in Hanoi'),
        { 'content-type': 'application/pdf' },
      );
      // Chromium gives extensions loaded from the command line file access; Firefox gives none.
      const fileAccess = await ctx.browser.evaluateInExtension(() => {
        const g = globalThis as unknown as {
          browser?: { extension: { isAllowedFileSchemeAccess(): Promise<boolean> } };
          chrome?: { extension: { isAllowedFileSchemeAccess(): Promise<boolean> } };
        };
        return (g.browser ?? g.chrome)!.extension.isAllowedFileSchemeAccess();
      }, undefined);
      const pages = [
        {
          what: 'browser page',
          url: ctx.browser.name === 'chromium' ? 'chrome://version/' : 'about:support',
        },
        {
          what: `file:// page (file access ${fileAccess ? 'allowed' : 'not allowed'})`,
          url: pathToFileURL(file).href,
        },
        { what: 'PDF viewer', url: ctx.server.url('/hostile/report.pdf') },
      ];
      const seen: Array<{ what: string; state: string; text: string; errors: number }> = [];
      for (const { what, url } of pages) {
        const tab = await ctx.browser.newTab();
        const watch = await watchTab(tab);
        // Firefox never reports some of these navigations as finished: look once the page is up.
        await Promise.race([tab.goto(url).catch(() => undefined), sleep(4000)]);
        await sleep(500);
        const popup = await ctx.browser.openPopup(tab);
        const view = await settledPopup(popup);
        await popup.evaluate((win) => win.close(), null);
        seen.push({ what, ...view, errors: watch.factlensErrors().length });
        record({ ...watch.figures(), note: `${what}: “${view.text}”` });
        await tab.close().catch(() => undefined);
      }
      for (const page of seen) {
        expect(page, page.what).toMatchObject({ state: 'unreadable', errors: 0 });
        expect(page.text, page.what).toMatch(/can.t read this page/i);
      }
    },
  );
});
