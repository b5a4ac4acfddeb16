/**
 * Addresses in editors' HTML judged as a browser reads them. A browser parses an address by the
 * WHATWG URL rules before it follows it: it drops tabs and newlines anywhere, strips leading spaces
 * and control characters, and reads "\" as "/" in web addresses, so "/\evil.example/x" and
 * "/<tab>/evil.example" both lead to evil.example although neither looks like a web address. The
 * sanitiser's own test (a scheme before the first ":") sees a path in each. So an address is
 * resolved here with the URL parser itself (Node's, the same standard as the reader's browser)
 * against a page of the portal, and only what then stays on the portal, or is written out plainly
 * as the web or mail address it is, is kept.
 */

/** A page of the portal; its host cannot belong to anyone (.invalid, RFC 2606). */
const PAGE = 'https://portal.invalid/news/some-page/';
const PORTAL = new URL(PAGE).origin;

/** A web or mail address written as such: its scheme first, with nothing a browser would drop. */
const PLAIN_WEB = /^(https?:\/\/|mailto:)[^\t\n\r]*$/i;

export type AddressVerdict =
  /** On the portal: a path, an anchor, a relative file. */
  | { ok: true; local: true }
  /** Another site or a mail address, written plainly. */
  | { ok: true; local: false }
  /** Anything else; `host` when the browser would go to another site. */
  | { ok: false; host?: string; scheme?: string };

export function judgeAddress(value: string): AddressVerdict {
  let url: URL;
  try {
    url = new URL(value, PAGE);
  } catch {
    return { ok: false };
  }
  if (url.origin === PORTAL && /^https:$/.test(url.protocol)) return { ok: true, local: true };
  if (PLAIN_WEB.test(value) && (url.protocol === 'http:' || url.protocol === 'https:' || url.protocol === 'mailto:')) return { ok: true, local: false };
  return url.protocol === 'http:' || url.protocol === 'https:' ? { ok: false, host: url.host } : { ok: false, scheme: url.protocol };
}

/** The properties that hold an address, by hast's names. */
export const ADDRESS_PROPERTIES = ['href', 'src', 'cite', 'longDesc'] as const;

/**
 * Whether an address may stay on an element: pictures (src) only from the portal itself, links and
 * quotations' sources (href, cite, longDesc) on the portal or written out as web or mail addresses.
 */
export function addressAllowed(property: string, value: unknown): boolean {
  if (!(ADDRESS_PROPERTIES as readonly string[]).includes(property) || typeof value !== 'string') return true;
  const verdict = judgeAddress(value);
  return verdict.ok && (property !== 'src' || verdict.local);
}

/** An address as the editor should see it in a message: what the browser drops made visible. */
export function shownAddress(value: string): string {
  const shown = value.replace(/[\u0000-\u001f\u007f]/g, (c) => (c === '\t' ? '\\t' : c === '\n' ? '\\n' : `U+${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`));
  return shown.length > 40 ? `${shown.slice(0, 40)}…` : shown;
}
