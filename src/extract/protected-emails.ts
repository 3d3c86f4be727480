// Cloudflare's email protection replaces every address on a page with "[email protected]" and
// keeps it, XOR-encoded, in a data-cfemail attribute (or after "#" in the link's href) for a
// script to restore in the browser. Without the script a reporter's address ("jane@example.com"
// at the end of the story) is lost; decoded here, it reads as the page shows it to its readers.

/** Minimal element shape used here (the extract DOM's element). */
interface CfEl {
  readonly tagName: string;
  textContent: string | null;
  getAttribute(name: string): string | null;
  setAttribute(name: string, value: string): void;
  removeAttribute(name: string): void;
}

/** Document shape used here. */
export interface CfDocument {
  querySelectorAll(selector: string): Iterable<CfEl>;
}

const PROTECTED_LINK = /\/cdn-cgi\/l\/email-protection#([0-9a-f]+)$/i;
const ADDRESS = /^[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}(?:\?[^\s]*)?$/;

/** The address Cloudflare encoded as `hex` (the first byte the key, each next one XOR it), or undefined when it is no address. */
export function decodeCfEmail(hex: string): string | undefined {
  if (!/^(?:[0-9a-f]{2}){2,}$/i.test(hex)) return undefined;
  const key = parseInt(hex.slice(0, 2), 16);
  let out = '';
  for (let i = 2; i < hex.length; i += 2) out += String.fromCharCode(parseInt(hex.slice(i, i + 2), 16) ^ key);
  return ADDRESS.test(out) ? out : undefined;
}

/** True when the markup may hold addresses the protection hid (a cheap test before walking the page). */
export function hasProtectedEmails(html: string): boolean {
  return html.includes('data-cfemail') || html.includes('/cdn-cgi/l/email-protection');
}

/** Restores the addresses a page's email protection hid: the text of each protected element, and links to them as mailto: links. */
export function restoreProtectedEmails(doc: CfDocument): void {
  for (const el of Array.from(doc.querySelectorAll('[data-cfemail]'))) {
    const email = decodeCfEmail(el.getAttribute('data-cfemail') ?? '');
    if (!email) continue;
    el.textContent = email.replace(/\?.*$/, '');
    el.removeAttribute('data-cfemail');
    if (el.tagName === 'A') el.setAttribute('href', `mailto:${email}`);
  }
  for (const a of Array.from(doc.querySelectorAll('a[href*="/cdn-cgi/l/email-protection"]'))) {
    const hex = PROTECTED_LINK.exec(a.getAttribute('href') ?? '')?.[1];
    const email = hex ? decodeCfEmail(hex) : undefined;
    if (email) a.setAttribute('href', `mailto:${email}`);
  }
}
