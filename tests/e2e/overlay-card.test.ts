import { expect, it } from 'vitest';
import { describeInBrowsers } from './support/harness.ts';
import {
  cardCentre,
  hoverText,
  pageFingerprint,
  readCard,
  readHighlights,
  servedFingerprint,
  sleep,
  waitForCard,
  waitForPage,
} from './support/page-helpers.ts';

const hasMentions = () => (CSS.highlights.get('factlens-mention')?.size ?? 0) > 0;

describeInBrowsers('hover cards on the demo article', (ctx) => {
  it('marks the article’s terms without changing its text or elements', async () => {
    const tab = await ctx.open('/demo.html');
    expect(await waitForPage(tab, hasMentions, undefined)).toBe(true);
    const marked = (await readHighlights(tab))['factlens-mention'] ?? [];
    expect(marked).toEqual(
      expect.arrayContaining(['Sohae launch facility', 'Victor Cha', 'Joseph Bermudez']),
    );
    expect(marked.some((t) => t.includes('Steve Biegun'))).toBe(true);
    expect(marked.map((t) => t.toLowerCase())).toContain('maximum pressure');
    // Nothing of the byline's "Image: Reuters" or plain words is marked.
    expect(marked).not.toContain('Image');
    expect(await pageFingerprint(tab)).toEqual(await servedFingerprint(tab));

    // A copied paragraph is the paragraph's own text.
    const copied = await tab.evaluate(() => {
      const p = document.getElementById('p5')!;
      const sel = getSelection()!;
      sel.selectAllChildren(p);
      const text = sel.toString();
      sel.removeAllRanges();
      return text === p.textContent;
    }, undefined);
    expect(copied).toBe(true);
  });

  it('opens the right card after the pointer rests on a mention, with the article’s sentence', async () => {
    const tab = await ctx.open('/demo.html');
    await waitForPage(tab, hasMentions, undefined);
    const cases = [
      {
        text: 'Biegun',
        id: 'stephen-biegun',
        heading: 'Stephen Biegun',
        quote: 'shift in this direction is likely to doom future progress',
      },
      {
        text: 'Sohae',
        id: 'sohae-satellite-launching-station',
        heading: null,
        quote: 'had been restored over a matter of days',
      },
      {
        text: 'Maximum Pressure',
        id: 'maximum-pressure',
        heading: 'Maximum pressure',
        quote: 're-exert “Maximum Pressure” after the long interval',
      },
    ];
    for (const c of cases) {
      await hoverText(tab, c.text);
      const card = await waitForCard(tab, (s) => s.open && s.entryId === c.id);
      expect(card, `card for ${c.text}`).toBeTruthy();
      if (c.heading) expect(card!.heading).toBe(c.heading);
      expect(card!.text).toContain(c.quote);
      expect(card!.text).toContain('John Hemmings, The National Interest, March 2019');
      expect((await readHighlights(tab))['factlens-active']).toHaveLength(1);
      // The card is the only node FactLens adds.
      const served = await servedFingerprint(tab);
      expect((await pageFingerprint(tab)).elements).toBe(served.elements + 1);
      await tab.mouseMove(5, 5, 4);
      expect(await waitForCard(tab, (s) => !s.open)).toBeTruthy();
    }
  });

  it('does not open while the pointer sweeps across, stays open over the card, closes on Esc', async () => {
    const tab = await ctx.open('/demo.html');
    await waitForPage(tab, hasMentions, undefined);
    const at = await hoverText(tab, 'Victor Cha');
    await tab.mouseMove(at.x + 400, at.y + 200, 3);
    await sleep(600);
    expect((await readCard(tab)).open).toBe(false);

    await hoverText(tab, 'Victor Cha');
    expect(await waitForCard(tab, (s) => s.entryId === 'victor-cha')).toBeTruthy();
    const inside = await cardCentre(tab);
    await tab.mouseMove(inside!.x, inside!.y, 10);
    await sleep(800);
    expect((await readCard(tab)).entryId).toBe('victor-cha');

    await tab.press('Escape');
    expect(await waitForCard(tab, (s) => !s.open)).toBeTruthy();
    expect((await pageFingerprint(tab)).elements).toBe((await servedFingerprint(tab)).elements);
  });

  it('closes when the reader clicks elsewhere or scrolls the mention away', async () => {
    const tab = await ctx.open('/demo.html');
    await waitForPage(tab, hasMentions, undefined);
    const at = await hoverText(tab, 'Joseph Bermudez');
    expect(await waitForCard(tab, (s) => s.entryId === 'joseph-bermudez')).toBeTruthy();
    await tab.click(at.x, at.y - 120);
    expect(await waitForCard(tab, (s) => !s.open)).toBeTruthy();

    await hoverText(tab, 'Joseph Bermudez');
    expect(await waitForCard(tab, (s) => s.entryId === 'joseph-bermudez')).toBeTruthy();
    await tab.evaluate(() => window.scrollBy(0, window.innerHeight * 2), undefined);
    expect(await waitForCard(tab, (s) => !s.open)).toBeTruthy();
  });

  it('switches to a related entry and steps between mentions', async () => {
    const tab = await ctx.open('/demo.html');
    await waitForPage(tab, hasMentions, undefined);
    await hoverText(tab, 'Sohae');
    await waitForCard(tab, (s) => s.entryId === 'sohae-satellite-launching-station');
    const switched = await tab.evaluate(() => {
      const root = document.querySelector('factlens-card')!.shadowRoot!;
      const link = [...root.querySelectorAll('nav button')][0] as HTMLButtonElement | undefined;
      // A long card scrolls inside, as the reader would scroll it.
      link?.scrollIntoView({ block: 'nearest' });
      const r = link?.getBoundingClientRect();
      return r
        ? { x: r.left + r.width / 2, y: r.top + r.height / 2, name: link!.textContent }
        : null;
    }, undefined);
    expect(switched).toBeTruthy();
    await tab.mouseMove(switched!.x, switched!.y, 10);
    await tab.click(switched!.x, switched!.y);
    const related = await waitForCard(tab, (s) => s.heading === switched!.name);
    expect(related).toBeTruthy();
    expect(related!.focusedInside).toBe(true);

    // Stepping: North Korea is named many times; "next" moves the active mark along.
    await tab.press('Escape');
    await waitForCard(tab, (s) => !s.open);
    await hoverText(tab, 'North Korea', 1);
    const first = await waitForCard(tab, (s) => s.entryId === 'north-korea');
    expect(first!.text).toMatch(/\d+ mentions on this page/);
    const step = (text: string) =>
      /(\d+)\/(\d+)/.exec(text)!.slice(1).map(Number) as [number, number];
    const [at, total] = step(first!.text);
    await tab.evaluate(() => {
      const root = document.querySelector('factlens-card')!.shadowRoot!;
      root.querySelector<HTMLButtonElement>('button[aria-label="Next mention"]')!.focus();
    }, undefined);
    await tab.press('Enter');
    const next = await waitForCard(tab, (s) => s.open && step(s.text)[0] === (at % total) + 1);
    expect(next, 'the card moved to the next mention').toBeTruthy();
    expect((await readHighlights(tab))['factlens-active']).toEqual(['North Korea']);
  });
});
