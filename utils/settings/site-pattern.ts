import { normalizeHost, type SiteRule, type SiteScope } from './model.ts';

/**
 * Site rules as the reader types them on the options page: "news.example.com" for one host,
 * "*.example.com" for a domain with all its subdomains. A pasted address is accepted too and
 * reduced to its host, since that is what people copy from the address bar.
 */

export type ParsedSitePattern =
  { ok: true; host: string; scope: SiteScope } | { ok: false; error: string };

const DOMAIN_PREFIX = '*.';

const SCHEME = /^[a-z][a-z0-9+.-]*:/i;

/** The host of a pasted address, or an error for an address that is not a web page's. */
function hostOfAddress(input: string): { host: string } | { error: string } {
  let url: URL;
  try {
    url = new URL(input);
  } catch {
    return { error: `“${input}” is not an address FactLens can read.` };
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    return { error: `“${input}” is not a web site: FactLens runs on http and https pages.` };
  }
  return { host: url.hostname };
}

export function parseSitePattern(raw: string): ParsedSitePattern {
  const input = raw.trim();
  if (!input) return { ok: false, error: 'Type a site, e.g. example.com or *.example.com.' };
  const domain = input.startsWith(DOMAIN_PREFIX);
  let rest = domain ? input.slice(DOMAIN_PREFIX.length) : input;
  if (SCHEME.test(rest) && !/^[^:]+:\d+$/.test(rest)) {
    const address = hostOfAddress(rest);
    if ('error' in address) return { ok: false, error: address.error };
    rest = address.host;
  }
  if (rest.includes('*')) {
    return { ok: false, error: `“${input}”: a * may only open the pattern, as in *.example.com.` };
  }
  if (/[/:?#@\s]/.test(rest)) {
    return {
      ok: false,
      error: `“${input}” is not a host name: leave out paths, ports and spaces.`,
    };
  }
  const host = normalizeHost(rest);
  if (!host) {
    return {
      ok: false,
      error: `“${input}” is not a valid host name (letters, digits and hyphens, with a dot, as in example.com).`,
    };
  }
  return { ok: true, host, scope: domain ? 'domain' : 'host' };
}

/** The pattern a rule is shown and edited as: the inverse of parseSitePattern. */
export function formatSitePattern(rule: Pick<SiteRule, 'host' | 'scope'>): string {
  return rule.scope === 'domain' ? `${DOMAIN_PREFIX}${rule.host}` : rule.host;
}
