// Optional per-site extraction rules, as data only. Extraction relies on general signals
// (class/id/role patterns, link density, boilerplate phrases); a rule here is a last resort
// for a site those signals get wrong, and must be pure data so it can be reviewed and removed.
//
// Format:
//   { host: 'example.com',            // registrable host the rule applies to (subdomains included)
//     content?: 'article .story-body', // CSS selector of the body, tried before Readability
//     remove?: ['.promo', '#related'] } // CSS selectors removed from the page before extraction

/** A data-only extraction rule for one site. */
export interface SiteRule {
  readonly host: string;
  readonly content?: string;
  readonly remove?: readonly string[];
}

/** The per-site rules; intentionally empty. */
export const SITE_RULES: readonly SiteRule[] = [];

/** The rules that apply to `hostname` (exact host or a subdomain of a rule's host). */
export function siteRulesFor(hostname: string): SiteRule[] {
  const h = hostname.toLowerCase();
  return SITE_RULES.filter((r) => h === r.host || h.endsWith('.' + r.host));
}
