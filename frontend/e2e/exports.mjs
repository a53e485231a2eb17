// End-to-end tests of Exports, in order (they share the demo store): a request, self-approval refused,
// approval by another operator with their passphrase, a withdrawal from a ticket, and the run honouring it.
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { inflateRawSync } from 'node:zlib';
import { goCall } from './server.mjs';
import { PASSPHRASE, areaHeading, assert, assertEqual, axeCheck, unlockAs, visible } from './helpers.mjs';

const OPEN = 'Win a Bugaboo Fox 5 pushchair';
const KEEP = 'x1.keep@example.com';
const LEAVE = 'x1.leave@example.com';

/** Reads one member of a zip file (an .xlsx) through its central directory. */
function zipMember(file, name) {
  const buf = readFileSync(file);
  const eocd = buf.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  let p = buf.readUInt32LE(eocd + 16);
  for (let i = 0; i < buf.readUInt16LE(eocd + 10); i++) {
    const size = buf.readUInt32LE(p + 20);
    const nameLen = buf.readUInt16LE(p + 28);
    const skip = nameLen + buf.readUInt16LE(p + 30) + buf.readUInt16LE(p + 32);
    const local = buf.readUInt32LE(p + 42);
    if (buf.toString('utf8', p + 46, p + 46 + nameLen) === name) {
      const start = local + 30 + buf.readUInt16LE(local + 26) + buf.readUInt16LE(local + 28);
      const data = buf.subarray(start, start + size);
      return (buf.readUInt16LE(p + 10) === 8 ? inflateRawSync(data) : data).toString('utf8');
    }
    p += 46 + skip;
  }
  throw new Error(`${name} is not in ${file}`);
}

async function openTab(page, name) {
  await page.getByRole('tab', { name }).click();
}

export const tests = [
  ['(X1) a manager requests an export; the requester cannot approve it; another operator approves with their passphrase', async ({ page, server, shots, AxeBuilder }) => {
    await page.goto(server.url);
    await unlockAs(page, server, 'cleo', 'exports');
    await visible(areaHeading(page, 'Exports'), 'the Exports heading');
    // Two known entrants who opted in to Bugaboo, imported into the open demo competition.
    const list = await goCall(server, 'app.CompetitionsAPI.List');
    const open = list.find((c) => c.details.title === OPEN);
    const when = new Date(Date.now() - 3_600_000).toISOString().slice(0, 19) + 'Z';
    const csv = 'entry_id,submitted_at,first_name,surname,email,date_of_birth,postcode,county,country,answer,partner_opt_in,source\n' +
      `X1-1,${when},=Keep,Me,${KEEP},1990-02-03,LS1 1AA,West Yorkshire,England,,yes,web\n` +
      `X1-2,${when},Leave,Me,${LEAVE},1991-02-03,LS1 2AA,West Yorkshire,England,,yes,web\n`;
    await goCall(server, 'app.CompetitionsAPI.Import', open.id, 'x1.csv', Buffer.from(csv).toString('base64'));
    await visible(page.getByRole('cell', { name: /Center Parcs/ }), 'the demo\'s pending request');
    await axeCheck(AxeBuilder, page, 'the export requests');

    await page.getByRole('button', { name: 'New export request' }).click();
    await page.locator('#ask-partner').selectOption({ label: 'Bugaboo' });
    await visible(page.getByRole('checkbox', { name: 'First name' }), 'the entitled fields');
    assertEqual(await page.getByRole('checkbox', { name: 'Surname' }).count(), 0, 'a field Bugaboo is not entitled to offered');
    await page.getByRole('checkbox', { name: 'Child age band' }).uncheck();
    await axeCheck(AxeBuilder, page, 'the request form');
    await page.getByRole('button', { name: 'Request export' }).click();
    const notice = await visible(page.getByTestId('exports-notice'), 'the confirmation of the request');
    const id = Number((await notice.textContent()).match(/request (\d+)/)[1]);

    await page.getByRole('button', { name: `Approve export ${id}…` }).click();
    await page.locator('#approver-name').fill('cleo');
    await page.locator('#approver-passphrase').fill(PASSPHRASE);
    await page.getByRole('button', { name: `Approve export ${id}`, exact: true }).click();
    await visible(page.getByRole('alert').filter({ hasText: 'cleo requested export' }), 'self-approval refused');
    await page.locator('#approver-name').fill('ade');
    await page.locator('#approver-passphrase').fill('not-the-passphrase');
    await page.getByRole('button', { name: `Approve export ${id}`, exact: true }).click();
    await visible(page.getByRole('alert').filter({ hasText: 'passphrase for operator ade is wrong' }), 'a wrong passphrase refused');
    await axeCheck(AxeBuilder, page, 'the approval dialog');
    await page.screenshot({ path: `${shots}/e2e-exports-approve.png` });
    await page.locator('#approver-passphrase').fill(PASSPHRASE);
    await page.getByRole('button', { name: `Approve export ${id}`, exact: true }).click();
    await visible(page.getByTestId('exports-notice').filter({ hasText: `approved by ade` }), 'the approval');
    const req = (await goCall(server, 'app.ExportsAPI.Requests')).find((r) => r.id === id);
    assertEqual(req.status, 'approved', 'the request status');
    assertEqual(req.requestedBy, 'cleo', 'the requester');
    assertEqual(req.decidedBy, 'ade', 'the approver');
  }],

  ['(X2) a withdrawal recorded from a ticket is honoured when the export runs; the password is shown once', async ({ page, server, shots, AxeBuilder }) => {
    await unlockAs(page, server, 'cleo', 'exports');
    await openTab(page, 'Consent lookup');
    await page.locator('#consent-email').fill(LEAVE);
    await page.locator('#consent-ticket').fill('4711');
    await page.getByRole('button', { name: 'Look up consents' }).click();
    await page.getByRole('button', { name: 'Withdraw Sharing with sponsor bugaboo' }).click();
    await visible(page.getByTestId('consent-notice'), 'the withdrawal recorded');
    await visible(page.getByRole('cell', { name: 'ticket 4711' }).first(), 'the ticket as the source');
    await axeCheck(AxeBuilder, page, 'the consent lookup');

    await openTab(page, 'Export requests');
    const req = (await goCall(server, 'app.ExportsAPI.Requests')).find((r) => r.status === 'approved' && r.partnerId === 'bugaboo');
    await page.getByRole('button', { name: `Run export ${req.id}…` }).click();
    await visible(page.getByRole('heading', { name: 'Check before exporting' }), 'the check page');
    const out = join(mkdtempSync(join(tmpdir(), 'staffdesk-e2e-export-')), 'bugaboo.xlsx');
    await page.locator('#run-path').fill(out);
    await axeCheck(AxeBuilder, page, 'the check page');
    await page.getByRole('button', { name: 'Export to Bugaboo' }).click();
    const result = await visible(page.getByTestId('export-result'), 'the confirmation');
    const rows = Number(await page.getByTestId('export-rows').textContent());
    assert(rows >= 1, `rows exported: ${rows}`);
    await visible(result.getByText('Left out: consent withdrawn'), 'the withdrawn count');
    const done = (await goCall(server, 'app.ExportsAPI.Requests')).find((r) => r.id === req.id);
    assertEqual(done.excluded.find((x) => x.reason === 'consent withdrawn').count, 1, 'people left out for a withdrawal');
    assertEqual(done.rows, rows, 'rows recorded');
    assert(/^[0-9a-f]{64}$/.test(done.sha256), 'the SHA-256 recorded');
    const password = await page.getByTestId('export-password').textContent();
    assertEqual(password.length, 20, 'the generated password length');
    assert(existsSync(out), `the export file ${out}`);
    rmSync(dirname(out), { recursive: true, force: true });
    const audit = await goCall(server, 'app.AuditAPI.List', 0, 50).catch(() => null);
    if (audit) assert(audit.entries.some((e) => e.action === 'export.run' && e.details.sha256 === done.sha256), 'the audit entry');
    await axeCheck(AxeBuilder, page, 'the confirmation');
    await page.screenshot({ path: `${shots}/e2e-exports-done.png`, fullPage: true });
    await page.getByRole('button', { name: 'Back to export requests' }).click();
    await visible(page.getByTestId(`export-${req.id}`).getByText('Exported'), 'the request marked exported');
    assertEqual(await page.getByRole('button', { name: `Run export ${req.id}…` }).count(), 0, 'a second run offered');
  }],

  ['(X3) unsubscribe requests show their age against the 48-hour promise', async ({ page, server, AxeBuilder }) => {
    await page.goto(server.url);
    await unlockAs(page, server, 'hana', 'exports');
    await visible(areaHeading(page, 'Exports'), 'the Exports heading');
    await openTab(page, 'Unsubscribes');
    await visible(page.getByText(/past the 48-hour promise/), 'the overdue warning');
    await visible(page.getByText(/h overdue/).first(), 'the overdue demo request');
    await page.locator('#unsub-email').fill('x3@example.com');
    await page.locator('#unsub-ticket').fill('99');
    await page.getByRole('button', { name: 'Record unsubscribe' }).click();
    await visible(page.getByRole('cell', { name: /x3@example.com/ }), 'the new request');
    await axeCheck(AxeBuilder, page, 'the unsubscribes');
    await page.getByRole('button', { name: 'Mark x3@example.com done' }).click();
    const done = page.getByRole('button', { name: 'Mark x3@example.com done' });
    await done.waitFor({ state: 'detached', timeout: 5000 }).catch(() => {});
    assertEqual(await done.count(), 0, 'the done request still open');
  }],

  ['(X4) a survey export to its research partner carries answers but never the sensitive question', async ({ page, server }) => {
    await page.goto(server.url); // the token cookie, when this test runs on its own
    await unlockAs(page, server, 'cleo', 'exports');
    const partner = (await goCall(server, 'app.ExportsAPI.Partners')).find((p) => p.id === 'acme-research');
    const source = partner.sources.find((s) => s.kind === 'survey');
    const req = await goCall(server, 'app.ExportsAPI.Request',
      { partnerId: partner.id, source, fields: ['first_name', 'email', 'answers'], note: '' });
    await goCall(server, 'app.ExportsAPI.Approve', req.id, 'ade', PASSPHRASE);
    const out = join(mkdtempSync(join(tmpdir(), 'staffdesk-e2e-survey-')), 'acme.xlsx');
    const res = await goCall(server, 'app.ExportsAPI.Run', req.id, out, false);
    assert(res.rows > 0, `survey rows exported: ${res.rows}`);
    const sheet = zipMember(out, 'xl/worksheets/sheet1.xml');
    assert(/q1: /.test(sheet), 'the answers column holds the answers');
    assert(!/q7: /.test(sheet), 'the sensitive question q7 left the store');
    rmSync(dirname(out), { recursive: true, force: true });
    return `${res.rows} respondents, ${res.excluded.map((x) => `${x.count} ${x.reason}`).join(', ')}`;
  }],

  ['(X5) a manager adds a partner and changes what an existing one may receive', async ({ page, server, AxeBuilder }) => {
    await page.goto(server.url);
    await unlockAs(page, server, 'cleo', 'exports');
    await openTab(page, 'Partners');
    await page.getByRole('button', { name: 'Add partner' }).click();
    await page.locator('#partner-name').fill('Mamas & Papas');
    await page.locator('#partner-email').fill('crm@mamasandpapas.example');
    await page.getByRole('checkbox', { name: /^Email/ }).check();
    await axeCheck(AxeBuilder, page, 'the partner form');
    await page.getByRole('button', { name: 'Add partner' }).click();
    await visible(page.getByText('Mamas & Papas added. Its consent purpose is sponsor_sharing:mamas-papas.'), 'the new partner');
    await page.getByRole('button', { name: 'Edit Bugaboo' }).click();
    await page.getByRole('checkbox', { name: /^Postcode/ }).check();
    await page.getByRole('button', { name: 'Save partner' }).click();
    await visible(page.getByText('Bugaboo saved.', { exact: false }), 'the partner saved');
    const bugaboo = (await goCall(server, 'app.ExportsAPI.Partners')).find((p) => p.id === 'bugaboo');
    assert(bugaboo.fields.includes('postcode'), `Bugaboo's fields: ${bugaboo.fields}`);
    assert(bugaboo.sources.length > 0, 'Bugaboo still sponsors its competition');
  }],
];
