// End-to-end tests of the moderation queue (Listings), in order: they share the demo store.
import { goCall } from './server.mjs';
import { areaHeading, assert, assertEqual, axeCheck, unlockAs, visible, waitInPage } from './helpers.mjs';

const rows = (page) => page.getByTestId('queue-row');
const currentTitle = (page) => page.locator('#preview-title').textContent();
const pendingCount = async (server) =>
  (await goCall(server, 'app.ListingsAPI.Summary', '')).states.find((s) => s.value === 'pending').count;

/** Waits until the pending count Go reports is want. */
async function pendingIs(server, want, what) {
  for (let i = 0; i < 50; i++) {
    if ((await pendingCount(server)) === want) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`${what}: pending is ${await pendingCount(server)}, want ${want}`);
}

/** Opens the app with the token (so these tests also run alone) and unlocks as the moderator. */
async function openQueue(page, server) {
  await page.goto(server.url);
  await unlockAs(page, server, 'mo', 'listings');
  await visible(rows(page), 'a queue row');
}

export const tests = [
  ['(L1) a moderator sees the queue oldest first, with counts, ages and highlighted finds', async ({ page, server, shots, AxeBuilder }) => {
    await openQueue(page, server);
    await visible(areaHeading(page, 'Listings'), 'the Listings heading');
    const pending = await pendingCount(server);
    assert(pending >= 11, `the demo queue holds ${pending} pending items`);
    await visible(page.getByRole('button', { name: `Pending ${pending}` }), 'the pending count');
    await visible(page.getByTestId('listings-counts').getByText(`${pending} items match`), 'the match count');
    assertEqual(await currentTitle(page), 'Little Acorns Nursery', 'the oldest item first');
    await visible(rows(page).first().getByText('over 48 h'), 'the over-48-hours mark on the oldest item');
    const mark = await visible(page.getByTestId('preview').locator('mark', { hasText: '07700 900123' }), 'the highlighted phone number');
    assert((await mark.textContent()).includes('[1]'), 'the mark names its flag number');
    await visible(page.getByTestId('flag-contact_in_text').getByText('phone field was left empty'), 'the explanation');
    await page.screenshot({ path: `${shots}/e2e-listings.png`, fullPage: true });
    await axeCheck(AxeBuilder, page, 'the listings queue');
  }],

  ['(L2) j/k move, a approves, u undoes', async ({ page, server }) => {
    await openQueue(page, server);
    const before = await pendingCount(server);
    await page.keyboard.press('j');
    await waitInPage(page, () => document.querySelector('#preview-title')?.textContent === 'Halloween Toddler Disco', undefined, 'j did not move to the second item');
    await visible(page.getByTestId('flag-event_ended'), 'the event-ended flag');
    await page.keyboard.press('k');
    await waitInPage(page, () => document.querySelector('#preview-title')?.textContent === 'Little Acorns Nursery', undefined, 'k did not move back');
    await page.keyboard.press('a');
    await visible(page.getByTestId('listings-notice').getByText('Approved “Little Acorns Nursery”'), 'the approved notice');
    await pendingIs(server, before - 1, 'after a');
    // the notice can show before the queue has moved on: wait for the preview rather than read it once
    await waitInPage(page, () => document.querySelector('#preview-title')?.textContent === 'Halloween Toddler Disco', undefined,
      'the next item after approving is not Halloween Toddler Disco');
    await page.keyboard.press('u');
    await visible(page.getByTestId('listings-notice').getByText('Undone: approve on 1 item'), 'the undone notice');
    await pendingIs(server, before, 'after u');
  }],

  ['(L3) r picks a reason, e sends a message, and both show in the approved/rejected tabs', async ({ page, server }) => {
    await openQueue(page, server);
    const before = await pendingCount(server);
    await page.keyboard.press('r');
    const dialog = await visible(page.getByRole('dialog', { name: 'Reject 1 item' }), 'the reason picker');
    await dialog.getByRole('button', { name: 'Reject 1 item' }).click();
    await visible(dialog.getByRole('alert').getByText('Choose a reason'), 'the missing-reason message');
    await page.keyboard.press('1');
    await page.keyboard.press('Enter');
    await visible(page.getByTestId('listings-notice').getByText('Rejected “Little Acorns Nursery”'), 'the rejected notice');
    await page.keyboard.press('e');
    const edit = await visible(page.getByRole('dialog', { name: 'Ask for an edit of 1 item' }), 'the request-edit dialog');
    await edit.locator('textarea').fill('Please add the date of the event.');
    await page.keyboard.press('Control+Enter');
    await visible(page.getByTestId('listings-notice').getByText('Asked for an edit of “Halloween Toddler Disco”'), 'the edit notice');
    await pendingIs(server, before - 2, 'after r and e');
    await page.getByRole('button', { name: /^Rejected \d+/ }).click();
    await rows(page).filter({ hasText: 'Little Acorns Nursery' }).getByRole('button').click();
    await visible(page.getByTestId('decided').getByText('Rejected by mo'), 'who rejected it');
    await visible(page.getByTestId('decided').getByText('(spam)'), 'the reason');
  }],

  ['(L4) filters narrow the queue; x selects and Shift+A approves the selection', async ({ page, server }) => {
    await openQueue(page, server);
    await page.getByTestId('filter-flag').selectOption('abuse');
    await waitInPage(page, () => document.querySelectorAll('[data-testid="queue-row"]').length === 1, undefined, 'the abuse filter did not leave one row');
    await visible(page.getByTestId('preview').locator('mark', { hasText: 'idiot' }), 'the highlighted abuse word');
    await page.getByTestId('filter-flag').selectOption('');
    await waitInPage(page, () => document.querySelectorAll('[data-testid="queue-row"]').length > 2, undefined, 'clearing the filter');
    const before = await pendingCount(server);
    await page.locator('body').click({ position: { x: 5, y: 400 } });
    await page.keyboard.press('x');
    await page.keyboard.press('j');
    await page.keyboard.press('x');
    await visible(page.getByRole('region', { name: 'Selection' }).getByText('2 selected'), 'the batch bar');
    await page.keyboard.press('Shift+A');
    await visible(page.getByTestId('listings-notice').getByText('Approved 2 items'), 'the bulk notice');
    await pendingIs(server, before - 2, 'after Shift+A');
    await page.keyboard.press('u');
    await pendingIs(server, before, 'after undoing the bulk approval');
  }],
];
