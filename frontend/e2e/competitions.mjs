// End-to-end tests of Competitions, in order: they share the demo store (an open competition and a closed
// one ready to draw). The draw is then verified offline with the real `staffdesk draw verify`.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { goCall } from './server.mjs';
import { areaHeading, assert, assertEqual, axeCheck, unlockAs, visible, waitInPage } from './helpers.mjs';

const CLOSED = 'Win a family weekend at Center Parcs';
const OPEN = 'Win a Bugaboo Fox 5 pushchair';
const bin = resolve(process.env.STAFFDESK_BIN ?? '../build/bin/staffdesk');

async function openCompetition(page, title) {
  const back = page.getByRole('button', { name: '← All competitions' });
  if (await back.count()) await back.click();
  await page.getByRole('button', { name: title, exact: true }).click();
  await visible(page.getByRole('heading', { level: 2, name: title }), `the heading of ${title}`);
}

async function competitionId(server, title) {
  const list = await goCall(server, 'app.CompetitionsAPI.List');
  return list.find((c) => c.details.title === title).id;
}

export const tests = [
  ['(C1) a competition manager imports entries and reads the report', async ({ page, server, shots, AxeBuilder }) => {
    await page.goto(server.url); // the token cookie, when these tests run on their own
    await unlockAs(page, server, 'cleo', 'competitions');
    await visible(areaHeading(page, 'Competitions'), 'the Competitions heading');
    await visible(page.getByRole('button', { name: CLOSED }), 'the closed demo competition');
    await axeCheck(AxeBuilder, page, 'the competitions list');
    await page.screenshot({ path: `${shots}/e2e-competitions-list.png` });
    await openCompetition(page, OPEN);
    assertEqual(await page.getByRole('tab', { selected: true }).textContent(), 'Entries', 'the tab shown first');
    const yesterday = new Date(Date.now() - 86_400_000).toISOString().slice(0, 19) + 'Z';
    const csv = 'entry_id,submitted_at,first_name,surname,email,date_of_birth,postcode,county,country,answer,partner_opt_in,source\n' +
      `E2E-1,${yesterday},Zoë,Brontë,zoe.bronte@gmail.com,1990-02-03,LS1 1AA,West Yorkshire,England,,yes,web\n` +
      `E2E-2,${yesterday},Zoë,Brontë,ZoeBronte+win@gmail.com,1990-02-03,LS1 1AA,West Yorkshire,England,,no,web\n` +
      `E2E-3,not a date,Al,Bad,al@example.com,1990-02-03,LS1 1AA,West Yorkshire,UK,,no,web\n`;
    await page.locator('#entries-file').setInputFiles({ name: 'more.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    await page.getByRole('button', { name: 'Import entries from more.csv' }).click();
    const report = await visible(page.getByTestId('import-report'), 'the import report');
    await visible(report.getByText('1 accepted'), 'one accepted entry');
    await visible(report.getByRole('cell', { name: 'E2E-2' }), 'the duplicate set aside');
    await visible(report.getByRole('cell', { name: /submitted_at "not a date"/ }), 'the invalid row and its problem');
    assertEqual(await report.getByRole('row').filter({ hasText: 'submitted_at' }).locator('td').first().textContent(), '4',
      'the invalid row\'s line number');
    await axeCheck(AxeBuilder, page, 'the import report');
    await page.screenshot({ path: `${shots}/e2e-competitions-import.png`, fullPage: true });
  }],

  ['(C2) the draw wizard commits, takes a public value, draws once, and the certificate verifies offline', async ({ page, server, shots, AxeBuilder }) => {
    await unlockAs(page, server, 'cleo', 'competitions');
    await openCompetition(page, CLOSED);
    assertEqual(await page.getByRole('tab', { selected: true }).textContent(), 'Draw', 'the tab shown for a closed competition');
    const commit = await visible(page.getByRole('button', { name: /^Commit the list of [\d,]+ eligible entries$/ }), 'the commit button');
    await axeCheck(AxeBuilder, page, 'the commit step');
    await commit.click();
    const notice = await visible(page.getByTestId('draw-notice'), 'the draw notice');
    assert((await notice.textContent()).includes('Commitment (SHA-256 of the secret seed)'), 'the notice names the commitment');
    await page.locator('#public-value').fill('Lotto: 04 12 19 33 41 50, bonus 7');
    await page.getByRole('button', { name: 'Record the public value' }).click();
    await visible(page.getByRole('definition').filter({ hasText: 'Lotto: 04 12 19 33 41 50, bonus 7' }), 'the public value in the check');
    await axeCheck(AxeBuilder, page, 'the check-your-answers step');
    await page.screenshot({ path: `${shots}/e2e-competitions-check.png`, fullPage: true });
    await page.getByRole('button', { name: 'Draw 3 winners and 3 reserves' }).click();
    await visible(page.getByRole('heading', { name: 'Draw complete' }), 'the confirmation');
    assertEqual(await page.getByTestId('draw-winners').locator('li').count(), 3, 'winners drawn');
    const id = await competitionId(server, CLOSED);
    let refused = '';
    try {
      await goCall(server, 'app.CompetitionsAPI.Run', id);
    } catch (e) {
      refused = e.message;
    }
    assert(refused.includes('drawn once'), `a second draw was not refused: ${refused}`);
    // axe before the certificate: it cannot run inside the sandboxed, script-less certificate frame
    await axeCheck(AxeBuilder, page, 'the confirmation');
    await page.getByRole('button', { name: 'View the certificate' }).click();
    const frame = page.frameLocator('iframe[title="Draw certificate"]');
    await visible(frame.getByRole('heading', { name: 'Draw certificate' }), 'the certificate');
    await page.screenshot({ path: `${shots}/e2e-competitions-drawn.png`, fullPage: true });

    const cert = await goCall(server, 'app.CompetitionsAPI.Certificate', id);
    const list = await goCall(server, 'app.CompetitionsAPI.FrozenList', id);
    const dir = mkdtempSync(join(tmpdir(), 'staffdesk-e2e-draw-'));
    try {
      writeFileSync(join(dir, 'cert.html'), cert.html);
      writeFileSync(join(dir, 'list.txt'), list.content);
      writeFileSync(join(dir, 'tampered.txt'), list.content.replace(/\n[^\n]+\n$/, '\n'));
      const verify = (entries) => spawnSync(bin, ['draw', 'verify', '--certificate', join(dir, 'cert.html'), '--entries', join(dir, entries)],
        { encoding: 'utf8' });
      const ok = verify('list.txt');
      assertEqual(ok.status, 0, `draw verify exit status (${ok.stderr})`);
      assert(ok.stdout.includes('Verified'), `draw verify said: ${ok.stdout}`);
      const bad = verify('tampered.txt');
      assertEqual(bad.status, 1, 'draw verify exit status with an entry removed');
      assert(bad.stderr.includes('does not match the list hash'), `draw verify said: ${bad.stderr}`);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }],

  ['(C3) winners claim, a disqualified winner is replaced by the first reserve', async ({ page, server, shots, AxeBuilder }) => {
    await unlockAs(page, server, 'cleo', 'competitions');
    await openCompetition(page, CLOSED);
    assertEqual(await page.getByRole('tab', { selected: true }).textContent(), 'Winners', 'the tab shown for a drawn competition');
    const places = page.getByRole('table', { name: 'Winning places' });
    await visible(places, 'the winning places');
    const state = await goCall(server, 'app.CompetitionsAPI.Draw', await competitionId(server, CLOSED));
    await page.getByRole('button', { name: `Record that ${state.winners[0]} claimed` }).click();
    await visible(page.getByText(`Entry ${state.winners[0]} claimed place 1.`), 'the claim notice');
    await visible(page.getByTestId('public-winners').locator('li'), 'the public winners list');
    await page.getByRole('button', { name: `Disqualify ${state.winners[1]}` }).click();
    await page.getByLabel(`Why is ${state.winners[1]} disqualified?`).selectOption({ index: 1 });
    await page.getByRole('button', { name: 'Disqualify and pass to the next reserve' }).click();
    await visible(places.getByRole('cell', { name: state.reserves[0], exact: true }), 'the first reserve in place 2');
    await visible(places.getByText('reserve 1'), 'the reserve mark');
    await axeCheck(AxeBuilder, page, 'the winners and claims');
    await page.screenshot({ path: `${shots}/e2e-competitions-winners.png`, fullPage: true });
  }],

  ['(C5) a competition manager links a competition to a mail folder and unlinks it', async ({ page, server, shots, AxeBuilder }) => {
    await page.goto(server.url); // the token cookie, when this test runs on its own
    await unlockAs(page, server, 'cleo', 'competitions');
    await openCompetition(page, OPEN);
    await page.getByRole('tab', { name: 'Email' }).click();
    const link = await visible(page.getByTestId('folder-link'), 'the folder link');
    assertEqual(await link.textContent(), 'Not linked', 'the link before linking');
    // the demo's only mailbox is chosen already
    assertEqual(await page.getByLabel('Mailbox').inputValue(), 'help', 'the mailbox preselected');
    await page.getByLabel('Folder').fill('Entries');
    await page.getByRole('button', { name: 'Link folder' }).click();
    await visible(page.getByText('Mails in folder Entries of mailbox help become entries at each sync'), 'the linked folder');
    const saved = await goCall(server, 'app.CompetitionsAPI.Folder', await competitionId(server, OPEN));
    assertEqual(`${saved.mailbox}/${saved.folder}`, 'help/Entries', 'the stored link');
    await axeCheck(AxeBuilder, page, 'the linked folder');
    await page.screenshot({ path: `${shots}/e2e-competitions-email.png`, fullPage: true });
    await page.getByRole('button', { name: 'Unlink' }).click();
    await visible(page.getByTestId('folder-link').getByText('Not linked'), 'the link after unlinking');
    await waitInPage(page, () => document.activeElement?.id === 'folder-link-text', undefined,
      'focus did not move to the link text once the Unlink button went');

    await unlockAs(page, server, 'ade', 'competitions');
    await openCompetition(page, OPEN);
    await page.getByRole('tab', { name: 'Email' }).click();
    await page.getByRole('button', { name: 'Link folder' }).click();
    await visible(page.getByRole('alert').filter({ hasText: 'A folder link needs a mailbox and a folder' }), 'the message for no folder');
    await axeCheck(AxeBuilder, page, 'the folder link error');
  }],

  ['(C4) a help-desk operator is told competitions need the competition manager role', async ({ page, server }) => {
    await unlockAs(page, server, 'hana', 'competitions');
    await visible(page.getByRole('alert').filter({ hasText: 'may not do this' }), 'the role message');
  }],
];
