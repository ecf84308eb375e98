import type { HighlightStyle } from '@/utils/settings/model';

// The default (a dotted underline) is in the manifest CSS; other styles override it from an
// adopted sheet, which adds no node to the page.
const OVERRIDES: Record<HighlightStyle, string> = {
  underline: '',
  background:
    '::highlight(factlens-mention) { text-decoration: none !important; background-color: rgb(255 209 102 / 0.35) !important; }',
  none: '::highlight(factlens-mention) { text-decoration: none !important; background-color: transparent !important; }',
};

let sheet: CSSStyleSheet | null = null;

export function applyHighlightStyle(style: HighlightStyle): void {
  const css = OVERRIDES[style];
  if (!sheet) {
    if (!css) return;
    sheet = new CSSStyleSheet();
  }
  sheet.replaceSync(css);
  if (!document.adoptedStyleSheets.includes(sheet)) {
    document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
  }
}
