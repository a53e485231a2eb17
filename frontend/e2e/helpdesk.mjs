// End-to-end tests of the help desk, in order (they share the demo store): the list, the keyboard, replies,
// notes, status and counts, assignment, search, the sensitive mark, and safe display of hostile HTML mail.
import { goCall } from './server.mjs';
import { areaHeading, assert, assertEqual, axeCheck, gone, unlockAs, visible, waitInPage } from './helpers.mjs';

const list = (page) => page.getByRole('listbox', { name: 'Tickets' });
const rows = (page) => page.getByTestId('ticket-row');
const ticketHeading = (page) => page.locator('#ticket-heading');
const desk = (server, method, ...args) => goCall(server, `app.HelpdeskAPI.${method}`, ...args);
const allTickets = async (server) => (await desk(server, 'List', { limit: 500, offset: 0 })).tickets ?? [];

/** Opens the app with the token and unlocks as the help-desk operator hana, on the help desk's All view. */
async function openDesk(page, server, view = 'all') {
  await page.goto(server.url);
  await unlockAs(page, server, 'hana', 'helpdesk');
  await visible(areaHeading(page, 'Help desk'), 'the Help desk heading');
  await page.getByTestId(`view-${view}`).click();
  await visible(rows(page).locator('.who'), 'a ticket row');
}

/** Opens ticket id in the list by clicking its row (searching for it first when it is not drawn). */
async function openTicket(page, id) {
  const row = page.locator(`[data-ticket-id="${id}"]`);
  if ((await row.count()) === 0) {
    await page.locator('#desk-search').fill('');
    await page.getByTestId('view-all').click();
  }
  await visible(row, `the row of ticket #${id}`);
  await row.click();
  await visible(ticketHeading(page).getByText(`#${id}`), `ticket #${id} in the reading pane`);
}

/** A ticket of the demo whose first member message is HTML, chosen by test. */
async function findHTMLTicket(server, test) {
  for (const t of await allTickets(server)) {
    const full = await desk(server, 'Get', t.id);
    for (const item of full.thread ?? []) {
      if (!item.hasHtml) continue;
      const s = await desk(server, 'MessageHTML', item.id, false);
      if (test(t, s)) return { ticket: t, item, sanitized: s };
    }
  }
  return null;
}

/** Requests the page and its frames make to anywhere but Staffdesk itself. */
function trackOutside(page, server) {
  const seen = [];
  const on = (req) => {
    const url = req.url();
    if (!url.startsWith(server.base) && !/^(data|about|blob):/.test(url)) seen.push(url);
  };
  page.on('request', on);
  return { seen, stop: () => page.off('request', on) };
}

/**
 * axe's WCAG 2 A/AA rules on a page that may show a mail frame. The frame (the member's own HTML, sandboxed
 * with no scripts, so axe cannot run inside it) is left out, and axe runs in the page itself (legacy mode:
 * no blank helper tab, which Chromium sometimes refused to open while a sandboxed frame was on the page).
 */
async function axeDesk(AxeBuilder, page, what) {
  const res = await new AxeBuilder({ page })
    .options({ runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] }, iframes: false })
    .exclude('[data-testid="mail-frame"]')
    .setLegacyMode(true)
    .analyze();
  if (res.violations.length > 0) {
    const lines = res.violations.map((v) => `${v.id} (${v.impact}): ${v.help} at ${v.nodes.map((n) => n.target.join(' ')).join('; ')}`);
    throw new Error(`${what}: ${res.violations.length} axe violation(s)\n    ${lines.join('\n    ')}`);
  }
  assert(res.passes.length > 0, `${what}: axe ran no checks`);
}

export const tests = [
  ['(H1) the help desk lists the demo tickets with counts, and passes axe', async ({ page, server, shots, AxeBuilder }) => {
    await openDesk(page, server);
    const counts = await desk(server, 'Counts');
    assert(counts.all >= 5, `the demo has ${counts.all} tickets`);
    await visible(page.getByTestId('ticket-total').getByText(`${counts.all} tickets`), 'the total of the All view');
    for (const v of ['new', 'open', 'pending', 'solved', 'closed', 'mine', 'all']) {
      assertEqual(await page.getByTestId(`count-${v}`).textContent(), String(counts[v]), `the ${v} count`);
    }
    assertEqual(await page.getByTestId('count-active').textContent(), String(counts.new + counts.open + counts.pending), 'the Unsolved count');
    // virtualised: the listbox says how many there are; the DOM holds at most a screenful plus overscan
    const setsize = Number(await rows(page).first().getAttribute('aria-setsize'));
    assertEqual(setsize, counts.all, 'aria-setsize of the rows');
    assert((await rows(page).count()) <= Math.min(counts.all, 30), `too many rows drawn: ${await rows(page).count()}`);
    await visible(page.getByTestId('sync-state'), 'the sync state');
    await visible(page.getByRole('button', { name: /^(Sync now|Syncing…)$/ }), 'the Sync now button');
    const boxes = (await goCall(server, 'app.MailAPI.Mailboxes')).mailboxes ?? [];
    assert(boxes.length > 0, 'the demo has no mailbox');
    const options = await page.locator('#f-mailbox option').allTextContents();
    assert(boxes.every((b) => options.includes(b.name)), `the mailbox filter offers ${options.join(', ')}`);
    await page.screenshot({ path: `${shots}/e2e-helpdesk.png` });
    await axeCheck(AxeBuilder, page, 'the help desk list');
  }],

  ['(H2) j/k move, Enter opens, Esc goes back, and "?" lists the keys', async ({ page, server, shots, AxeBuilder }) => {
    await openDesk(page, server);
    await list(page).focus();
    const second = await rows(page).nth(1).getAttribute('data-ticket-id');
    await page.keyboard.press('j');
    await waitInPage(page, () => document.querySelector('[role="listbox"]')?.getAttribute('aria-activedescendant') === 'ticket-row-1',
      undefined, 'j did not move to the second ticket');
    await page.keyboard.press('k');
    await page.keyboard.press('j');
    await page.keyboard.press('Enter');
    await visible(ticketHeading(page).getByText(`#${second}`), 'the second ticket after Enter');
    await waitInPage(page, () => document.activeElement?.id === 'ticket-heading', undefined, 'focus did not move to the ticket');
    await visible(page.getByTestId('thread-item'), 'a message of the thread');
    await page.screenshot({ path: `${shots}/e2e-helpdesk-ticket.png` });
    await axeDesk(AxeBuilder, page, 'an open ticket');
    await page.keyboard.press('Escape');
    await waitInPage(page, () => document.activeElement?.getAttribute('role') === 'listbox', undefined, 'Esc did not return to the list');
    await page.keyboard.press('?');
    const dialog = await visible(page.getByRole('dialog', { name: 'Keyboard shortcuts' }), 'the shortcuts dialog');
    await visible(dialog.getByText('Help desk: reply'), 'the reply key in the list');
    await page.keyboard.press('Escape');
    await gone(page.getByRole('dialog', { name: 'Keyboard shortcuts' }), 'the shortcuts dialog');
  }],

  ['(H3) r replies: the reply shows in the thread as queued or sent, and the status follows', async ({ page, server, AxeBuilder }) => {
    await openDesk(page, server);
    const t = (await allTickets(server)).find((x) => x.status === 'new' || x.status === 'open');
    assert(t, 'no new or open ticket to reply to');
    await openTicket(page, t.id);
    await page.keyboard.press('r');
    await waitInPage(page, () => document.activeElement?.id === 'composer-text', undefined, 'r did not focus the composer');
    const words = `Thanks for getting in touch, e2e reply ${Date.now()}. `;
    await page.keyboard.type(words);
    const canned = (await desk(server, 'CannedReplies')).replies ?? [];
    assert(canned.length > 0, 'the demo has no canned replies');
    await page.getByTestId('canned-select').selectOption(String(canned[0].id));
    await page.getByRole('button', { name: 'Insert', exact: true }).click();
    assertEqual(await page.locator('#composer-text').inputValue(), words + canned[0].body, 'the text after inserting a canned reply');
    await axeDesk(AxeBuilder, page, 'the composer');
    await page.keyboard.press('Control+Enter');
    const item = await visible(page.getByTestId('thread-item').filter({ hasText: words }), 'the reply in the thread');
    assertEqual(await item.getAttribute('data-kind'), 'out', 'the kind of the new thread item');
    await visible(item.getByTestId('delivery').getByText(/Queued|Sent/), 'the delivery state');
    assertEqual((await desk(server, 'Get', t.id)).status, 'pending', 'the status after sending');
    await waitInPage(page, () => document.querySelector('[data-testid="ticket-status"]')?.value === 'pending', undefined,
      'the status menu does not say Pending');
  }],

  ['(H4) n adds an internal note, styled apart', async ({ page, server }) => {
    await openDesk(page, server);
    const id = Number(await rows(page).first().getAttribute('data-ticket-id'));
    await openTicket(page, id);
    await page.keyboard.press('n');
    await waitInPage(page, () => document.activeElement?.id === 'composer-text', undefined, 'n did not focus the composer');
    const words = `Checked the account: e2e note ${Date.now()}`;
    await page.keyboard.type(words);
    await page.getByRole('button', { name: 'Add note' }).click();
    const note = await visible(page.getByTestId('thread-item').filter({ hasText: words }), 'the note in the thread');
    assertEqual(await note.getAttribute('data-kind'), 'note', 'the kind of the note');
    await visible(note.getByText('Internal note'), 'the "Internal note" label');
    assert((await desk(server, 'Get', id)).thread.some((x) => x.kind === 'note' && x.text.includes(words)), 'Go has no such note');
  }],

  ['(H5) e solves the ticket and the counts follow', async ({ page, server }) => {
    await openDesk(page, server);
    const t = (await allTickets(server)).find((x) => x.status !== 'solved' && x.status !== 'closed');
    assert(t, 'no unsolved ticket');
    const before = await desk(server, 'Counts');
    await openTicket(page, t.id);
    await page.keyboard.press('e');
    await waitInPage(page, (n) => document.querySelector('[data-testid="count-solved"]')?.textContent === String(n),
      before.solved + 1, 'the Solved count did not go up by one');
    assertEqual((await desk(server, 'Get', t.id)).status, 'solved', 'the status in Go');
    const after = await desk(server, 'Counts');
    assertEqual(after[t.status], before[t.status] - 1, `the ${t.status} count`);
  }],

  ['(H6) a assigns the ticket', async ({ page, server }) => {
    await openDesk(page, server);
    const id = (await allTickets(server)).find((x) => ['new', 'open', 'pending'].includes(x.status))?.id;
    assert(id, 'no active ticket to assign');
    await openTicket(page, id);
    await page.keyboard.press('a');
    await waitInPage(page, () => document.activeElement?.getAttribute('data-testid') === 'ticket-assignee', undefined, 'a did not focus the assignee menu');
    const ops = await goCall(server, 'app.OperatorsAPI.List');
    const hana = ops.find((o) => o.name === 'hana');
    await page.getByTestId('ticket-assignee').selectOption(hana.id);
    await waitInPage(page, (i) => document.querySelector(`[data-ticket-id="${i}"] .assignee`)?.textContent?.includes('hana'), id,
      'the row does not show the assignee');
    assertEqual((await desk(server, 'Get', id)).assigneeId, hana.id, 'the assignee in Go');
    await page.getByTestId('view-mine').click();
    await visible(page.locator(`[data-ticket-id="${id}"]`), 'the ticket in Mine');
  }],

  ['(H7) / searches the bodies: a word from one mail finds its ticket', async ({ page, server }) => {
    await openDesk(page, server);
    // a word of one ticket's first message that no other ticket's subject or thread contains
    const tickets = await allTickets(server);
    const texts = new Map();
    for (const t of tickets) {
      const full = await desk(server, 'Get', t.id);
      texts.set(t.id, `${t.subject} ${(full.thread ?? []).map((x) => x.text).join(' ')}`.toLowerCase());
    }
    let pick = null;
    for (const t of tickets) {
      const first = (await desk(server, 'Get', t.id)).thread?.find((x) => x.kind === 'in');
      const word = (first?.text ?? '').match(/\b[a-z]{6,}\b/g)?.find((w) =>
        !t.subject.toLowerCase().includes(w) && [...texts].every(([id, text]) => id === t.id || !text.includes(w)));
      if (word) {
        pick = { t, word };
        break;
      }
    }
    assert(pick, 'no ticket with a body word of its own to search');
    await page.locator('body').click({ position: { x: 5, y: 300 } });
    await page.keyboard.press('/');
    await waitInPage(page, () => document.activeElement?.id === 'desk-search', undefined, '/ did not focus the search box');
    await page.keyboard.type(pick.word);
    await visible(page.getByTestId('ticket-total').getByText('1 ticket', { exact: true }), `one ticket for "${pick.word}"`);
    await visible(page.locator(`[data-ticket-id="${pick.t.id}"]`), `ticket #${pick.t.id} for "${pick.word}"`);
    return `(searched "${pick.word}")`;
  }],

  ['(H8) the sensitive mark explains itself and keeps the ticket flagged', async ({ page, server }) => {
    await openDesk(page, server);
    const t = (await allTickets(server)).find((x) => !x.sensitive);
    assert(t, 'no ticket that is not sensitive');
    await openTicket(page, t.id);
    await page.getByRole('button', { name: 'What is this?' }).click();
    await visible(page.getByText('left out of every export'), 'the explanation');
    await page.getByTestId('ticket-sensitive').check();
    await visible(page.locator(`[data-ticket-id="${t.id}"] .flag`, { hasText: 'Sensitive' }), 'the Sensitive mark on the row');
    assertEqual((await desk(server, 'Get', t.id)).sensitive, true, 'sensitive in Go');
    await page.getByTestId('ticket-sensitive').uncheck();
    await waitInPage(page, (i) => !document.querySelector(`[data-ticket-id="${i}"] .flag`), t.id, 'the mark stayed after unchecking');
  }],

  ['(H9) hostile HTML mail: no script runs, links show their real target, remote images wait', async ({ page, server, shots, AxeBuilder }) => {
    await openDesk(page, server);
    const found = await findHTMLTicket(server, (_t, s) => s.remoteImages > 0);
    assert(found, 'the demo has no HTML mail with a remote image');
    const track = trackOutside(page, server);
    try {
      const title = await page.title();
      await page.evaluate(() => { window.__xss = undefined; });
      await openTicket(page, found.ticket.id);
      const frame = await visible(page.getByTestId('mail-frame'), 'the mail frame');
      assertEqual(await frame.getAttribute('sandbox'), '', 'the frame sandbox attribute');
      const doc = await frame.getAttribute('srcdoc');
      assert(doc.includes("script-src 'none'") && doc.includes('img-src data:;'), 'the frame document lacks its CSP');
      assert(!/<script|onerror=|onload=|javascript:/i.test(doc.replace(/<meta[^>]*>/, '')), 'the frame document holds script');
      await visible(page.getByTestId('remote-images'), 'the remote images notice');
      await page.waitForTimeout(500);
      assertEqual(await page.evaluate(() => window.__xss), undefined, 'window.__xss');
      assertEqual(await page.title(), title, 'the page title');
      assertEqual(track.seen.length, 0, `requests outside Staffdesk before asking: ${track.seen.join(' ')}`);
      await axeDesk(AxeBuilder, page, 'an HTML mail');
      await page.screenshot({ path: `${shots}/e2e-helpdesk-html.png` });
      await page.getByRole('button', { name: /^Show remote images \(\d+\)$/ }).click();
      await gone(page.getByTestId('remote-images'), 'the remote images notice');
      const after = await page.getByTestId('mail-frame').getAttribute('srcdoc');
      assert(after.includes('img-src data: https:'), 'the frame CSP did not allow remote images after asking');
      assert(/<img[^>]+src="https:/i.test(after), 'the remote image is not in the frame after asking');
    } finally {
      track.stop();
    }
  }],

  ['(H10) a mail built to attack the app: nothing it carries runs', async ({ page, server, shots }) => {
    await openDesk(page, server);
    const found = await findHTMLTicket(server, (t) => /weird formatting|xss|script|attack/i.test(t.subject));
    assert(found, 'the demo has no XSS test mail (subject "Weird formatting in my post")');
    const track = trackOutside(page, server);
    try {
      await page.evaluate(() => { window.__xss = undefined; });
      const title = await page.title();
      await openTicket(page, found.ticket.id);
      await visible(page.getByTestId('mail-frame'), 'the mail frame');
      await page.waitForTimeout(800);
      await page.screenshot({ path: `${shots}/e2e-helpdesk-xss.png` });
      // click inside the frame, where a link or handler would be: nothing may navigate or run
      const box = await page.getByTestId('mail-frame').boundingBox();
      await page.mouse.click(box.x + 30, box.y + 30);
      await page.waitForTimeout(300);
      assertEqual(await page.evaluate(() => window.__xss), undefined, 'window.__xss');
      assertEqual(await page.title(), title, 'the page title');
      const frames = page.frames().filter((f) => f !== page.mainFrame());
      for (const f of frames) assert(['about:srcdoc', 'about:blank'].includes(f.url()), `a frame navigated to ${f.url()}`);
      assertEqual(track.seen.length, 0, `requests outside Staffdesk: ${track.seen.join(' ')}`);
      const links = page.getByTestId('mail-links');
      if ((await links.count()) > 0) {
        const text = await links.textContent();
        assert(!/javascript:/i.test(text) || text.includes('not opened by Staffdesk'), 'a javascript: link is offered to open');
      }
    } finally {
      track.stop();
    }
  }],

  ['(H11) 100,000 tickets: the list draws a screenful, fetches pages as it scrolls, and reaches the end', async ({ page, server }) => {
    // the list calls are answered here with a synthetic 100k-ticket result; everything else is the real backend
    const TOTAL = 100_000;
    const offsets = [];
    const row = (i) => ({
      id: i + 1, subject: `Synthetic ticket ${i + 1}`, requester: { name: `Parent ${i + 1}`, email: `p${i + 1}@example.com` },
      status: 'open', priority: 'normal', assigneeId: '', assigneeName: '', tags: [], mailbox: 'help',
      createdAt: '2026-11-01T10:00:00Z', updatedAt: '2026-11-01T10:00:00Z', messages: 1, sensitive: false, snippet: 'Hello', conflict: false,
    });
    await page.route(`${server.base}/api/call`, async (route) => {
      const body = JSON.parse(route.request().postData() ?? '{}');
      if (body.name !== 'app.HelpdeskAPI.List') return route.continue();
      const f = body.args[0];
      offsets.push(f.offset);
      const n = Math.max(0, Math.min(f.limit, TOTAL - f.offset));
      await route.fulfill({ json: { result: { total: TOTAL, tickets: Array.from({ length: n }, (_, i) => row(f.offset + i)) } } });
    });
    try {
      await openDesk(page, server);
      await visible(page.getByTestId('ticket-total').getByText('100,000 tickets'), 'the 100k total');
      const drawn = await rows(page).count();
      assert(drawn <= 30, `${drawn} rows drawn for 100k tickets`);
      const started = Date.now();
      await list(page).evaluate((el) => { el.scrollTop = el.scrollHeight; });
      await visible(page.locator('#ticket-row-99999 .who').getByText('Parent 100000'), 'the last ticket after scrolling to the end');
      const ms = Date.now() - started;
      assert((await rows(page).count()) <= 30, 'rows drawn after scrolling');
      assert(offsets.length <= 4, `pages fetched: ${offsets.join(', ')}`);
      await list(page).focus();
      await page.keyboard.press('Home');
      await visible(page.locator('#ticket-row-0 .who').getByText('Parent 1', { exact: true }), 'the first ticket after Home');
      await page.keyboard.press('j');
      await waitInPage(page, () => document.querySelector('[role="listbox"]')?.getAttribute('aria-activedescendant') === 'ticket-row-1',
        undefined, 'j after Home');
      return `(end of list in ${ms} ms; pages fetched at offsets ${offsets.join(', ')})`;
    } finally {
      await page.unroute(`${server.base}/api/call`);
    }
  }],

  ['(H12) the thread: attachments with size download, automatic replies are collapsed, parse warnings show', async ({ page, server }) => {
    await openDesk(page, server);
    const found = { attachment: null, auto: null, warning: null };
    for (const t of await allTickets(server)) {
      for (const item of (await desk(server, 'Get', t.id)).thread ?? []) {
        if (!found.attachment && item.kind !== 'auto' && (item.attachments ?? []).some((a) => !a.inline)) found.attachment = { t, item };
        if (!found.auto && item.kind === 'auto') found.auto = { t, item };
        if (!found.warning && (item.warnings ?? []).length > 0) found.warning = { t, item };
      }
    }
    assert(found.attachment, 'the demo has no mail with an attachment');
    await openTicket(page, found.attachment.t.id);
    const a = found.attachment.item.attachments.find((x) => !x.inline);
    const button = await visible(page.getByRole('list', { name: 'Attachments' }).getByRole('button', { name: new RegExp(a.filename.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')) }),
      `the ${a.filename} button`);
    assert(/\((\d+(\.\d)? (B|KB|MB))/.test(await button.textContent()), `no size on the attachment: ${await button.textContent()}`);
    const [download] = await Promise.all([page.waitForEvent('download'), button.click()]);
    assertEqual(download.suggestedFilename(), a.filename, 'the downloaded file name');
    const seen = ['attachment'];
    if (found.auto) {
      await openTicket(page, found.auto.t.id);
      const entry = page.locator('[data-testid="thread-item"][data-kind="auto"]').first();
      const toggle = await visible(entry.getByRole('button', { name: 'Show' }), 'the Show button of an automatic reply');
      assertEqual(await toggle.getAttribute('aria-expanded'), 'false', 'the automatic reply starts collapsed');
      await toggle.click();
      await visible(entry.getByTestId('thread-text'), 'the automatic reply once shown');
      seen.push('auto-reply');
    }
    if (found.warning) {
      await openTicket(page, found.warning.t.id);
      await visible(page.getByTestId('parse-warnings').getByText(found.warning.item.warnings[0], { exact: false }), 'the parse warning');
      seen.push('warning');
    }
    return `(checked: ${seen.join(', ')})`;
  }],

  ['(H13) the sync bar follows mail:status and mail:progress, and Sync now reports', async ({ page, server }) => {
    await openDesk(page, server);
    const emit = (name, data) => page.evaluate(([n, d]) => window.runtime.EventsEmit(n, d), [name, data]);
    await emit('mail:status', { online: false, syncing: false, outbox: 3 });
    await visible(page.getByTestId('sync-state').getByText('Offline'), 'the offline indicator');
    await visible(page.getByTestId('outbox').getByText('3 changes waiting to send'), 'the outbox count');
    await emit('mail:status', { online: true, syncing: true, outbox: 0 });
    await visible(page.getByTestId('sync-state').getByText('Online'), 'the online indicator');
    await visible(page.getByTestId('outbox').getByText('Outbox empty'), 'the empty outbox');
    await emit('mail:progress', { operation: 'sync', mailbox: 'help', folder: 'INBOX', done: 30, total: 120 });
    await visible(page.getByTestId('sync-progress').getByText('Sync help / INBOX: 30 of 120'), 'the progress text');
    assertEqual(await page.locator('#sync-meter').getAttribute('value'), '0.25', 'the progress bar value');
    await emit('mail:status', { online: true, syncing: false, outbox: 0 });
    await gone(page.getByTestId('sync-progress'), 'the progress bar after the sync');
    // a background sync may be running: its button says "Syncing…" until it ends
    await (await visible(page.getByRole('button', { name: 'Sync now' }), 'the Sync now button', 60_000)).click();
    await visible(page.getByTestId('sync-done').or(page.getByTestId('sync-error')), 'the result of Sync now', 60_000);
    const status = await goCall(server, 'app.MailAPI.Status');
    await visible(page.getByTestId('outbox').getByText(status.outbox > 0 ? `${status.outbox} change` : 'Outbox empty'), 'the outbox count from Go');
  }],

  ['(H14) canned replies are added, offered in the composer, and deleted', async ({ page, server, AxeBuilder }) => {
    await openDesk(page, server);
    const id = Number(await rows(page).first().getAttribute('data-ticket-id'));
    await openTicket(page, id);
    await page.keyboard.press('r');
    await page.getByRole('button', { name: 'Manage canned replies…' }).click();
    const dialog = await visible(page.getByRole('dialog', { name: 'Canned replies' }), 'the canned replies dialog');
    await dialog.getByLabel('Title').fill('E2E opening hours');
    await dialog.getByLabel('Text').fill('We answer between 9am and 5pm, Monday to Friday.');
    await dialog.getByRole('button', { name: 'Add canned reply' }).click();
    await visible(dialog.locator('.title', { hasText: 'E2E opening hours' }), 'the new canned reply in the list');
    await axeDesk(AxeBuilder, page, 'the canned replies dialog');
    const saved = ((await desk(server, 'CannedReplies')).replies ?? []).find((c) => c.title === 'E2E opening hours');
    assert(saved, 'Go has no such canned reply');
    await page.keyboard.press('Escape');
    await gone(page.getByRole('dialog', { name: 'Canned replies' }), 'the dialog after Esc');
    await page.getByTestId('canned-select').selectOption(String(saved.id));
    await page.getByRole('button', { name: 'Insert', exact: true }).click();
    assert((await page.locator('#composer-text').inputValue()).includes('9am and 5pm'), 'the canned text was not inserted');
    await page.getByRole('button', { name: 'Manage canned replies…' }).click();
    await dialog.getByRole('button', { name: 'Delete E2E opening hours' }).click();
    await gone(dialog.locator('.title', { hasText: 'E2E opening hours' }), 'the deleted canned reply');
    assert(!((await desk(server, 'CannedReplies')).replies ?? []).some((c) => c.id === saved.id), 'Go still has the canned reply');
  }],

  ['(H15) a member\'s message that arrived while replying stops the send once', async ({ page, server }) => {
    await openDesk(page, server);
    const t = (await allTickets(server)).find((x) => x.status !== 'closed');
    await openTicket(page, t.id);
    await page.keyboard.press('r');
    const words = `Reply written while the member wrote again ${Date.now()}`;
    await page.keyboard.type(words);
    // from now on Get answers with one more member message, as if the sync had just brought it
    const extra = { id: 999999, kind: 'in', from: { name: 'Late Member', email: 'late@example.com' }, to: [], cc: [],
      date: new Date().toISOString(), text: 'One more thing!', hasHtml: false, attachments: [], warnings: [], delivery: '', author: '' };
    await page.route(`${server.base}/api/call`, async (route) => {
      const body = JSON.parse(route.request().postData() ?? '{}');
      if (body.name !== 'app.HelpdeskAPI.Get') return route.continue();
      const res = await route.fetch();
      const json = await res.json();
      json.result.thread = [...(json.result.thread ?? []), extra];
      await route.fulfill({ json });
    });
    try {
      await page.getByRole('button', { name: 'Send reply' }).click();
      await visible(page.getByRole('alert').getByText('Late Member wrote again while you were replying'), 'the stop message');
      await visible(page.getByTestId('thread-item').filter({ hasText: 'One more thing!' }), 'the new message in the thread');
      assertEqual(await page.locator('#composer-text').inputValue(), words, 'the draft kept');
      assert(!((await desk(server, 'Get', t.id)).thread ?? []).some((x) => x.text.includes(words)), 'the reply was sent anyway');
      await page.getByRole('button', { name: 'Send reply' }).click();
      await visible(page.getByTestId('thread-item').filter({ hasText: words }), 'the reply after sending again');
    } finally {
      await page.unroute(`${server.base}/api/call`);
    }
  }],
];
