import type { Category } from '../../utils/types.ts';
import type { UnreadableReason } from '../../utils/popup-status.ts';

/** Category names as group headings. */
export const CATEGORY_HEADINGS: Record<Category, string> = {
  person: 'People',
  organization: 'Organizations',
  place: 'Places',
  facility: 'Facilities',
  event: 'Events',
  policy: 'Policies',
  concept: 'Concepts',
  weapon: 'Weapons',
  media: 'Media',
  document: 'Documents',
};

/** Why the popup cannot show a page, in the reader's terms. */
export const UNREADABLE_EXPLANATIONS: Record<UnreadableReason, string> = {
  'browser-page': 'This is one of the browser’s own pages, which extensions may not read.',
  'web-store': 'Browsers keep extensions out of their add-on stores.',
  'protected-site': 'The browser keeps extensions off this site, to protect your account.',
  pdf: 'This is a PDF, shown by the browser’s own viewer, which extensions may not read.',
  file: 'This is a file on your computer. Browsers let extensions read files only when you allow it in the extension’s details.',
  'not-answering':
    'FactLens is not running in this tab yet — usually because the page was open before FactLens was installed or updated.',
};

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}
