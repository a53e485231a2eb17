// End-to-end tests of the privacy toolkit (requests, access file, erasure, retention) and the audit view's
// filters, as the admin ade. They add their own member data, so they leave the demo's other data alone.
import { goCall } from './server.mjs';
import { areaHeading, assert, assertEqual, axeCheck, unlockAs, visible, waitInPage } from './helpers.mjs';

const ERASE_ME = 'erase.me@example.com';

async function openPrivacy(page, server) {
  await page.goto(server.url);
  await unlockAs(page, server, 'ade', 'privacy');
  await visible(areaHeading(page, 'Privacy'), 'the Privacy heading');
  await visible(page.getByTestId('request-row'), 'a request row');
}

export const tests = [
  ['(P1) requests show their deadlines; an access request gives a file and is done', async ({ page, server, shots, AxeBuilder }) => {
    await openPrivacy(page, server);
    const overdue = page.getByTestId('request-row').filter({ hasText: 'chris@example.com' });
    await visible(overdue.getByText(/^Overdue by \d+ days?$/), 'the overdue request marked in words');
    await visible(page.getByTestId('requests-count').getByText(/1 overdue/), 'the overdue count');
    await page.locator('#req-person').fill('not-an-email');
    await page.getByRole('button', { name: 'Log request' }).click();
    await visible(page.getByRole('alert').getByText('Enter the member’s email address'), 'the email error');
    await page.locator('#req-person').fill('pat@example.com');
    await page.getByRole('button', { name: 'Log request' }).click();
    const row = await visible(page.getByTestId('request-row').filter({ hasText: 'pat@example.com' }), 'the new request');
    assert((await row.textContent()).includes('30 days left') || (await row.textContent()).includes('31 days left') ||
      (await row.textContent()).includes('28 days left') || (await row.textContent()).includes('29 days left'), 'a month to answer');
    await row.getByRole('button', { name: /Send their data/ }).click();
    await waitInPage(page, () => document.activeElement?.id === 'access-email', undefined, 'focus did not move to the access form');
    assertEqual(await page.locator('#access-email').inputValue(), 'pat@example.com', 'the access form prefilled');
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Make the access file' }).click();
    const file = await download;
    assert(/^access-request-\d+\.xlsx$/.test(file.suggestedFilename()), `file name ${file.suggestedFilename()}`);
    await visible(page.getByTestId('access-result'), 'the access result');
    await waitInPage(page, () => /; request \d+ is done\./.test(document.querySelector('[data-testid="access-result"]').textContent.replace(/\s+/g, ' ')),
      undefined, 'the access result does not say the request is done');
    await visible(page.getByTestId('requests-count'), 'the requests count');
    await waitInPage(page, () => ![...document.querySelectorAll('[data-testid="request-row"]')].some((r) => r.textContent.includes('pat@example.com')),
      undefined, 'the answered request is still open');
    await page.screenshot({ path: `${shots}/e2e-privacy.png`, fullPage: true });
    await axeCheck(AxeBuilder, page, 'the privacy screen');
  }],

  ['(P2) erasure: a dry run shows the counts, then a confirmed erasure anonymises the review', async ({ page, server }) => {
    await openPrivacy(page, server);
    const feed = JSON.stringify({ id: 'rev-erase-me', version: 1, kind: 'review', title: 'Lovely café', parent_id: 'biz-0901',
      body: 'We loved the soft play and the cake was great too.', postcode: 'BS1 4DJ', submitted_by: 'Erin Mee',
      submitted_by_email: ERASE_ME, submitted_at: new Date(Date.now() - 3_600_000).toISOString().replace(/\.\d+Z$/, 'Z') });
    await goCall(server, 'app.ListingsAPI.ImportText', 'privacy-e2e.jsonl', `${feed}\n`);
    await page.locator('#erase-email').fill(ERASE_ME);
    await page.getByRole('button', { name: 'Check what would be erased' }).click();
    const preview = await visible(page.getByTestId('erase-preview'), 'the dry run');
    const listings = preview.getByRole('row', { name: /^listings/ });
    assertEqual((await listings.locator('td').allTextContents()).join(','), '0,1,0,0,0', 'the listings counts');
    const erase = preview.getByRole('button', { name: /^Erase 1 record$/ });
    assert(await erase.isDisabled(), 'erase is enabled before confirming');
    await preview.getByRole('checkbox').check();
    await erase.click();
    await visible(page.getByTestId('erase-result').getByText(/Erased: request \d+ is done/), 'the erasure result');
    const after = await goCall(server, 'app.PrivacyAPI.Erase', ERASE_ME, true, 0);
    assertEqual(after.total, 0, 'records left after the erasure');
    const item = await goCall(server, 'app.ListingsAPI.Item', 'rev-erase-me');
    assertEqual(item.item.feed.submitted_by, 'Former member', 'the review author');
  }],

  ['(P3) retention: the schedule shows its lines and a dry run counts what is due', async ({ page, server, AxeBuilder }) => {
    await openPrivacy(page, server);
    const rows = page.getByTestId('retention-row');
    await visible(rows.filter({ hasText: 'Competition entries' }), 'the competition entries line');
    assert((await rows.count()) >= 6, 'the six lines of the schedule');
    await visible(rows.filter({ hasText: 'Expired listings and events' }).getByText('listings', { exact: true }), 'who carries it out');
    await visible(page.getByTestId('retention-dry'), 'what is due on opening');
    await page.getByRole('button', { name: 'Dry run: count again' }).click();
    await visible(page.getByTestId('retention-dry').getByText(/due\. Nothing was changed\./), 'the dry-run result');
    await visible(page.getByRole('columnheader', { name: 'Due now' }), 'the due column');
    await axeCheck(AxeBuilder, page, 'the privacy screen after a dry run');
  }],

  ['(P4) audit: filter by area and operator, page, and verify the chain', async ({ page, server, AxeBuilder }) => {
    await page.goto(server.url);
    await unlockAs(page, server, 'ade', 'audit');
    await visible(areaHeading(page, 'Audit'), 'the Audit heading');
    await visible(page.getByTestId('audit-row'), 'an audit row');
    await page.locator('#audit-action').selectOption('privacy');
    await page.getByRole('button', { name: 'Filter', exact: true }).click();
    await visible(page.getByTestId('audit-count').getByText(/match the filters/), 'the filtered count');
    const actions = await page.locator('[data-testid="audit-row"] .action').allTextContents();
    assert(actions.length > 0 && actions.every((a) => a.startsWith('privacy.')), `actions ${actions.join(', ')}`);
    const ref = await goCall(server, 'app.PrivacyAPI.Erase', ERASE_ME, true, 0);
    await page.locator('#audit-object').fill(ref.personRef);
    await page.getByRole('button', { name: 'Filter', exact: true }).click();
    await visible(page.getByTestId('audit-row').filter({ hasText: 'privacy.erase' }), 'the erasure found by its keyed hash');
    const text = await page.locator('main').textContent();
    assert(!text.includes(ERASE_ME), 'the audit view shows the erased address');
    await page.getByRole('button', { name: 'Clear' }).click();
    await visible(page.getByTestId('audit-count').getByText(/newest first/), 'the unfiltered count');
    await page.getByRole('button', { name: 'Verify chain' }).click();
    await visible(page.getByTestId('verify-result').getByText(/^Intact: /), 'the verify result');
    await axeCheck(AxeBuilder, page, 'the audit screen');
  }],

  ['(P5) the help desk sees the requests and logs one, but access and erasure are for admins', async ({ page, server }) => {
    await page.goto(server.url);
    await unlockAs(page, server, 'hana', 'privacy');
    await visible(page.getByTestId('request-row'), 'a request row');
    await visible(page.getByText('An admin makes access files'), 'the note for non-admins');
    assertEqual(await page.locator('#access-email').count(), 0, 'access forms shown to the help desk');
    await page.locator('#req-kind').selectOption('rectification');
    await page.locator('#req-person').fill('kim@example.com');
    await page.getByRole('button', { name: 'Log request' }).click();
    await visible(page.getByTestId('request-row').filter({ hasText: 'kim@example.com' }), 'the logged request');
  }],
];
