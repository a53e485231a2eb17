// Safe display of HTML mail. Go sanitises the HTML (bluemonday, cid: images inlined as data: URLs, remote
// images held back unless asked for) and wraps it in message.FrameDocument, whose Content-Security-Policy
// allows no script, no connection, no form, and images only from data: (plus https: once the operator
// shows remote images). Here the body is made inert: every link loses its target (a sandboxed frame could
// still navigate itself) and is numbered, so the real targets are listed under the message and opened
// outside the app. The frame itself is <iframe sandbox=""> with no allow-* at all.

/** A link found in a message: its number in the text, its words and its real target. */
export interface MailLink {
  n: number;
  text: string;
  href: string;
  /** Whether the app opens it (http, https, mailto); other schemes are shown but not opened. */
  openable: boolean;
}

/** A message made inert for the frame, and its links. */
export interface Inert {
  html: string;
  links: MailLink[];
}

const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

/** Decodes the HTML character references of an attribute value or a text. */
export function decodeEntities(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);/gi, (m, ref: string) => {
    if (ref[0] === '#') {
      const code = ref[1] === 'x' || ref[1] === 'X' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
      return Number.isFinite(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : m;
    }
    return NAMED[ref.toLowerCase()] ?? m;
  });
}

const HREF = /\bhref\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))/i;

/** Whether the app opens a link target outside itself. */
export function isOpenable(href: string): boolean {
  return /^(https?:\/\/|mailto:)/i.test(href.trim());
}

/**
 * Replaces every <a ...> tag by a bare <a> (no href, so clicking does nothing) followed by its number, and
 * lists the links in order. Anchors without href are left bare too.
 */
export function inertLinks(html: string): Inert {
  const links: MailLink[] = [];
  const out = html.replace(/<a\b([^>]*)>([\s\S]*?)<\/a\s*>/gi, (_m, attrs: string, inner: string) => {
    const m = HREF.exec(attrs);
    if (!m) return `<a>${inner}</a>`;
    const href = decodeEntities((m[1] ?? m[2] ?? m[3] ?? '').trim());
    const text = decodeEntities(inner.replace(/<[^>]*>/g, '')).replace(/\s+/g, ' ').trim();
    const n = links.length + 1;
    links.push({ n, text, href, openable: isOpenable(href) });
    return `<a class="sd-link">${inner}</a><sup class="sd-ref">[${n}]</sup>`;
  });
  // any target left (an <a> without its closing tag, an <area>, a refresh) goes too: nothing may navigate
  const html2 = out
    .replace(/<meta\b[^>]*>/gi, '')
    .replace(/<[a-z][^>]*>/gi, (tag) => tag.replace(/\s(href|action|formaction|xlink:href)\s*=\s*("[^"]*"|'[^']*'|[^\s>]+)/gi, ''));
  return { html: html2, links };
}

const LINK_STYLE = '<style>a.sd-link{color:#0b5e58;text-decoration:underline}sup.sd-ref{color:#4b535d;font-size:11px;margin-left:1px}</style>';

/**
 * Makes Go's frame document (message.FrameDocument: the CSP and styles in its head, the sanitised mail in
 * its body) inert: the head is kept as it is, the body goes through inertLinks. A document without a
 * body shows nothing.
 */
export function inertDocument(doc: string): Inert {
  const at = doc.search(/<body\b[^>]*>/i);
  if (at < 0 || !/Content-Security-Policy/i.test(doc.slice(0, at))) return { html: '', links: [] };
  const open = doc.slice(at).match(/^<body\b[^>]*>/i)?.[0] ?? '<body>';
  const head = doc.slice(0, at).replace(/<\/head>/i, `${LINK_STYLE}</head>`);
  const body = inertLinks(doc.slice(at + open.length));
  return { html: head + open + body.html, links: body.links };
}
