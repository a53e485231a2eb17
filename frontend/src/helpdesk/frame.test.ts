import { describe, expect, it } from 'vitest';
import { decodeEntities, inertDocument, inertLinks, isOpenable } from './frame';

describe('inertLinks', () => {
  it('numbers links, lists their real targets and removes every href', () => {
    const got = inertLinks('<p>See <a href="https://example.org/a?x=1&amp;y=2" rel="nofollow">our <b>page</b></a> and <a href="mailto:help@example.org">mail us</a></p>');
    expect(got.links).toEqual([
      { n: 1, text: 'our page', href: 'https://example.org/a?x=1&y=2', openable: true },
      { n: 2, text: 'mail us', href: 'mailto:help@example.org', openable: true },
    ]);
    expect(got.html).not.toMatch(/href/i);
    expect(got.html).toContain('<sup class="sd-ref">[1]</sup>');
  });

  it.each([
    ['single quotes', "<a href='http://a.example/'>x</a>", 'http://a.example/'],
    ['unquoted', '<a href=http://b.example/>x</a>', 'http://b.example/'],
    ['upper case', '<A HREF="HTTP://C.EXAMPLE/">x</A>', 'HTTP://C.EXAMPLE/'],
    ['spaces round =', '<a class="q" href = "https://d.example/">x</a>', 'https://d.example/'],
  ])('%s', (_n, html, href) => {
    const got = inertLinks(html);
    expect(got.links[0]?.href).toBe(href);
    expect(got.html).not.toMatch(/href/i);
  });

  it('shows a link with the text that disguises it, and its real target', () => {
    const got = inertLinks('<a href="https://evil.example/login">https://bank.example/</a>');
    expect(got.links[0]).toMatchObject({ text: 'https://bank.example/', href: 'https://evil.example/login' });
  });

  it('does not open other schemes', () => {
    const got = inertLinks('<a href="javascript:alert(1)">x</a><a href="file:///etc/passwd">y</a>');
    expect(got.links.map((l) => l.openable)).toEqual([false, false]);
  });

  it('strips stray targets and refreshes outside complete anchors', () => {
    const got = inertLinks('<meta http-equiv="refresh" content="0;url=https://x.example/"><area href="https://y.example/"><a href="https://z.example/">open');
    expect(got.html).not.toMatch(/href|refresh/i);
  });

  it('leaves text that mentions href= alone', () => {
    expect(inertLinks('<p>write href=x in HTML</p>').html).toBe('<p>write href=x in HTML</p>');
  });
});

describe('decodeEntities', () => {
  it.each([
    ['a &amp; b', 'a & b'],
    ['&#65;&#x42;', 'AB'],
    ['&lt;x&gt;', '<x>'],
    ['&bogus;', '&bogus;'],
    ['&#0;', '&#0;'],
  ])('%s', (s, want) => expect(decodeEntities(s)).toBe(want));
});

describe('isOpenable', () => {
  it.each([
    ['https://a.example', true],
    ['HTTP://a.example', true],
    ['mailto:x@y.example', true],
    ['javascript:alert(1)', false],
    ['data:text/html,x', false],
    ['//a.example', false],
  ])('%s', (href, want) => expect(isOpenable(href)).toBe(want));
});

describe('inertDocument', () => {
  const head = `<!DOCTYPE html><html><head><meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="default-src 'none'; img-src data:; script-src 'none'"><style>p{}</style></head>`;

  it('keeps the head and its policy, and makes the body inert', () => {
    const got = inertDocument(`${head}<body><p><a href="https://a.example/" target="_blank" title="https://a.example/">a</a></p><meta http-equiv="refresh" content="0"></body></html>`);
    expect(got.html.startsWith(head.replace('</head>', ''))).toBe(true);
    expect(got.html).toContain("script-src 'none'");
    expect(got.html.split('<body>')[1]).not.toMatch(/href|target|refresh/i);
    expect(got.links).toEqual([{ n: 1, text: 'a', href: 'https://a.example/', openable: true }]);
  });

  it.each([
    ['no body', '<p>hello</p>'],
    ['no policy before the body', '<html><head></head><body><p>x</p></body></html>'],
    ['a policy only inside the body', '<body><meta http-equiv="Content-Security-Policy" content="x"><p>x</p></body>'],
  ])('shows nothing for %s', (_n, doc) => expect(inertDocument(doc)).toEqual({ html: '', links: [] }));
});
