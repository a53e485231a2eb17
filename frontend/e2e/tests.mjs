// The end-to-end tests, in order. Each gets { page, server, shots, AxeBuilder } and throws on failure.
import { goCall } from './server.mjs';
import {
  areaHeading, assert, assertEqual, axeCheck, gone, goTo, lockedStart, nav, shot, unlockAs, unlockHeading, visible,
  waitInPage, PASSPHRASE,
} from './helpers.mjs';

const AREAS = ['Help desk', 'Listings', 'Competitions', 'Surveys', 'Exports', 'Privacy', 'Audit', 'Settings',
  'Operators', 'About'];

export const tests = [
  ['(a) the server answers 401 without the token', async ({ server }) => {
    const page = await fetch(`${server.base}/`, { redirect: 'manual' });
    assertEqual(page.status, 401, 'GET / without token');
    const api = await fetch(`${server.base}/api/call`, {
      method: 'POST', headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ name: 'app.SessionAPI.State', args: [] }),
    });
    assertEqual(api.status, 401, 'POST /api/call without token');
  }],

  ['(b) a wrong passphrase shows the error and stays locked', async ({ page, server, shots }) => {
    await page.goto(server.url);
    await visible(unlockHeading(page), 'the unlock screen');
    await visible(page.getByText(`Demo: every operator's passphrase is ${PASSPHRASE}`), 'the demo hint');
    await visible(page.getByText('Data folder:'), 'the data folder');
    const focused = await page.evaluate(() => document.activeElement?.id);
    assertEqual(focused, 'passphrase', 'the focused field on arrival');
    await page.screenshot({ path: `${shots}/e2e-unlock.png` });
    await page.locator('#operator').selectOption('admin');
    await page.locator('#passphrase').fill('not-the-passphrase');
    await page.getByRole('button', { name: 'Unlock', exact: true }).click();
    await visible(page.getByRole('heading', { name: 'There is a problem' }), 'the error summary');
    await visible(page.locator('#passphrase-error').getByText('wrong'), 'the message by the field');
    await waitInPage(page, () => document.activeElement?.id === 'passphrase' && document.activeElement.value === '',
      undefined, 'focus did not return to the emptied passphrase field');
    const describedBy = await page.locator('#passphrase').getAttribute('aria-describedby');
    assert(describedBy?.includes('passphrase-error'), `the field is not described by its error: ${describedBy}`);
    await page.screenshot({ path: `${shots}/e2e-unlock-error.png` });
    assertEqual(await nav(page).count(), 0, 'navigation rails while locked');
    assertEqual((await goCall(server, 'app.SessionAPI.State')).unlocked, false, 'State().unlocked');
    // typing again goes straight into the field: the right passphrase and Enter unlock
    await page.keyboard.type(PASSPHRASE);
    await page.keyboard.press('Enter');
    await visible(nav(page), 'the shell after retyping the passphrase');
  }],

  ['(c) admin reaches every area through the rail, and by keyboard', async ({ page, server, shots }) => {
    await unlockAs(page, server, 'admin');
    await visible(page.getByText('admin', { exact: true }).first(), 'the operator name in the header');
    for (const label of AREAS) await goTo(page, label);
    await goTo(page, 'Help desk');
    await visible(page.getByText('from the shared mailboxes, as tickets'), 'the Help desk intro');
    await page.screenshot({ path: `${shots}/e2e-shell.png` });
    // g then a jumps to Audit; single keys stay off while typing in a field
    await page.keyboard.press('g');
    await page.keyboard.press('a');
    await visible(areaHeading(page, 'Audit'), 'Audit after g then a');
    await goTo(page, 'Settings');
    await page.locator('#pp-current').focus();
    await page.keyboard.type('ga');
    await visible(areaHeading(page, 'Settings'), 'Settings while typing "ga" in a field');
    assertEqual(await page.locator('#pp-current').inputValue(), 'ga', 'what went into the field');
    await page.locator('#pp-current').fill('');
    await page.locator('body').click({ position: { x: 600, y: 10 } });
    await page.keyboard.press('?');
    const dialog = await visible(page.getByRole('dialog', { name: 'Keyboard shortcuts' }), 'the shortcuts dialog');
    await visible(dialog.getByText('Go to Privacy'), 'the Privacy shortcut in the list');
    await page.screenshot({ path: `${shots}/e2e-shortcuts.png` });
    await page.keyboard.press('Escape');
    await gone(page.getByRole('dialog', { name: 'Keyboard shortcuts' }), 'the shortcuts dialog after Esc');
  }],

  ['(d) an admin adds an operator, sees it, and removes it', async ({ page, server, shots }) => {
    await unlockAs(page, server, 'admin', 'operators');
    await visible(areaHeading(page, 'Operators'), 'the Operators heading');
    await visible(page.getByRole('cell', { name: 'hana', exact: true }), 'hana in the table');
    // client-side check first: the two passphrases differ
    await page.locator('#op-name').fill('tess');
    await page.locator('#op-email').fill('tess@staff.example');
    await page.locator('#op-role').selectOption('moderator');
    await page.locator('#op-passphrase').fill('tess-passphrase-1');
    await page.locator('#op-confirm').fill('tess-passphrase-2');
    await page.getByRole('button', { name: 'Add operator' }).click();
    await visible(page.locator('#op-confirm-error').getByText('do not match'), 'the mismatch message');
    await waitInPage(page, () => document.activeElement?.getAttribute('aria-labelledby') === 'error-summary-title',
      undefined, 'focus did not move to the error summary');
    await page.locator('#op-confirm').fill('tess-passphrase-1');
    await page.getByRole('button', { name: 'Add operator' }).click();
    await visible(page.getByRole('cell', { name: 'tess', exact: true }), 'tess in the table');
    await visible(page.getByRole('status').getByText('tess was added as Moderator'), 'the added notice');
    await shot(page, shots, 'e2e-operators.png');
    await page.getByRole('button', { name: 'Remove tess' }).click();
    const confirm = await visible(page.getByRole('group', { name: 'Remove tess?' }), 'the confirm step naming tess');
    await confirm.getByRole('button', { name: 'Remove tess' }).click();
    await gone(page.getByRole('cell', { name: 'tess', exact: true }), 'tess in the table');
    await visible(page.getByText('tess was removed.'), 'the removed notice');
    const names = (await goCall(server, 'app.OperatorsAPI.List')).map((o) => o.name);
    assert(!names.includes('tess'), `Go still lists tess: ${names.join(', ')}`);
  }],

  ['(e) the audit list pages newest first, and Verify says intact', async ({ page, server, shots }) => {
    // each unlock writes an entry: make sure there is more than one page of 50
    for (let i = 0; i < 40; i++) await goCall(server, 'app.SessionAPI.Unlock', 'mo', PASSPHRASE);
    await unlockAs(page, server, 'admin', 'audit');
    await visible(areaHeading(page, 'Audit'), 'the Audit heading');
    const rows = page.getByRole('main').locator('table tbody tr');
    await visible(rows, 'an audit entry row');
    const ids = (await rows.locator('td:first-child').allTextContents()).map(Number);
    assert(ids.length > 0, 'no audit rows');
    assert(ids.every((id, i) => i === 0 || id < ids[i - 1]), `entries are not newest first: ${ids.join(', ')}`);
    assertEqual(ids.length, 50, 'entries on the first page');
    const total = Number((await goCall(server, 'app.AuditAPI.List', 0, 1)).total);
    await visible(page.getByText(`Showing 50 of ${total} entries`), 'the count line');
    await page.getByRole('button', { name: 'Load older' }).click();
    await visible(page.getByText(`Showing ${Math.min(total, 100)} of ${total} entries`), 'the count after Load older');
    const all = (await rows.locator('td:first-child').allTextContents()).map(Number);
    assert(all.every((id, i) => i === 0 || id === all[i - 1] - 1), `paging skipped or repeated entries: ${all.join(', ')}`);
    await page.getByRole('button', { name: 'Verify chain' }).click();
    await visible(page.getByTestId('verify-result').getByText(/^Intact: \d+ entr/), 'the "Intact" result');
    await shot(page, shots, 'e2e-audit.png');
  }],

  ['(f) About shows SQLite3 Multiple Ciphers and its version', async ({ page, server, shots }) => {
    await unlockAs(page, server, 'admin', 'about');
    await visible(areaHeading(page, 'About'), 'the About heading');
    const row = await visible(page.locator('dt', { hasText: 'SQLite3 Multiple Ciphers' }), 'the SQLite3MC row');
    const value = (await row.locator('xpath=following-sibling::dd').textContent())?.trim() ?? '';
    assert(/SQLite3 Multiple Ciphers \d|^\d+\.\d+/.test(value), `SQLite3MC version looks wrong: "${value}"`);
    await visible(page.locator('dt', { hasText: /^SQLite$/ }), 'the SQLite row');
    await visible(page.locator('dt', { hasText: 'Wails' }), 'the Wails row');
    await shot(page, shots, 'e2e-about.png');
    await goTo(page, 'Settings');
    await visible(page.locator('#autolock'), 'the auto-lock field for an admin');
    await shot(page, shots, 'e2e-settings.png');
  }],

  ['(g) a help desk operator does not see Operators, and Audit shows Go\'s refusal', async ({ page, server, shots }) => {
    await unlockAs(page, server, 'hana');
    await visible(page.getByTestId('operator-role').getByText('Help desk'), 'the role in the header');
    assertEqual(await nav(page).getByRole('link', { name: 'Operators' }).count(), 0, 'Operators links for hana');
    await goTo(page, 'Audit');
    await visible(page.getByRole('alert').getByText('may not do this'), 'the refusal from Go');
    await shot(page, shots, 'e2e-refused.png');
    await goTo(page, 'Settings');
    await visible(page.getByTestId('autolock-readonly'), 'the read-only auto-lock');
  }],

  ['(h) Lock and Ctrl+L return to the unlock screen', async ({ page, server }) => {
    await unlockAs(page, server, 'admin');
    await page.getByRole('button', { name: 'Lock', exact: true }).click();
    await visible(unlockHeading(page), 'the unlock screen after Lock');
    assertEqual((await goCall(server, 'app.SessionAPI.State')).unlocked, false, 'State().unlocked after Lock');
    await unlockAs(page, server, 'admin');
    await page.keyboard.press('Control+l');
    await visible(unlockHeading(page), 'the unlock screen after Ctrl+L');
  }],

  ['(i) axe finds no WCAG 2 A/AA violations on the unlock screen, shell, operators, audit, settings',
    async ({ page, server, AxeBuilder }) => {
      await lockedStart(page, server);
      const counts = [await axeCheck(AxeBuilder, page, 'unlock screen')];
      await page.getByRole('button', { name: 'Unlock', exact: true }).click();
      await visible(page.getByRole('heading', { name: 'There is a problem' }), 'the error summary');
      counts.push(await axeCheck(AxeBuilder, page, 'unlock screen with an error'));
      await unlockAs(page, server, 'admin');
      counts.push(await axeCheck(AxeBuilder, page, 'shell (Help desk)'));
      for (const area of ['Operators', 'Audit', 'Settings', 'About']) {
        await goTo(page, area);
        await page.waitForLoadState('networkidle');
        counts.push(await axeCheck(AxeBuilder, page, area));
      }
      return `rules passed per screen: ${counts.join(', ')}`;
    }],

  ['(j) a call answering "locked" sends the shell back to the unlock screen', async ({ page, server }) => {
    await unlockAs(page, server, 'admin');
    await goCall(server, 'app.SessionAPI.Lock');
    // a background call (the sync bar's status) may meet "locked" first and take the shell away before the click
    await nav(page).getByRole('link', { name: 'Audit', exact: true }).click({ timeout: 2000 }).catch(() => {});
    await visible(unlockHeading(page), 'the unlock screen after the store was locked elsewhere');
    await visible(page.getByText('Staffdesk was locked. Unlock to carry on.'), 'the reason');
  }],

  ['(k) the session:locked event from the idle timer shows the unlock screen with the reason', async ({ page, server }) => {
    await unlockAs(page, server, 'admin');
    await goCall(server, 'app.SessionAPI.Lock');
    // what Go's idle timer does after locking: emit session:locked "idle" (delivered here through the shim)
    await page.evaluate(() => window.runtime.EventsEmit('session:locked', 'idle'));
    await visible(unlockHeading(page), 'the unlock screen after the idle event');
    await visible(page.getByText('Staffdesk locked itself after 30 minutes without activity.'), 'the idle reason');
  }],
];
