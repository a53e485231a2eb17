// End-to-end tests of Surveys, in order: they share the demo store (the "Family life survey 2026" with
// 2,500 SurveyMonkey-shaped responses, a sensitive question and mixed consent).
import { areaHeading, assert, assertEqual, axeCheck, unlockAs, visible } from './helpers.mjs';

const DEMO = 'Family life survey 2026';

async function openSurvey(page, title) {
  const back = page.getByRole('button', { name: '← All surveys' });
  if (await back.count()) await back.click();
  await page.getByRole('button', { name: title, exact: true }).click();
  await visible(page.getByRole('heading', { level: 2, name: title }), `the heading of ${title}`);
}

const count = async (page) => Number((await page.getByTestId('response-count').locator('strong').textContent()).replace(/,/g, ''));

export const tests = [
  ['(S1) a manager reads a survey\'s results, filters by an answer and exports to Excel', async ({ page, server, shots, AxeBuilder }) => {
    await page.goto(server.url);
    await unlockAs(page, server, 'cleo', 'surveys');
    await visible(areaHeading(page, 'Surveys'), 'the Surveys heading');
    await visible(page.getByRole('button', { name: DEMO }), 'the demo survey in the list');
    await axeCheck(AxeBuilder, page, 'the surveys list');
    await openSurvey(page, DEMO);
    assertEqual(await page.getByRole('tab', { selected: true }).textContent(), 'Results', 'the tab shown first');
    await visible(page.getByTestId('response-count'), 'the response count');
    const all = await count(page);
    assert(all > 2000, `the demo survey has ${all} responses`);
    await visible(page.getByRole('img', { name: /Responses per day/ }), 'the timeline chart');
    await visible(page.getByRole('img', { name: /How old is your youngest child\?/ }), 'the pie chart of q1');
    await visible(page.getByTestId('stats-q3').getByText(/^Mean [\d.]+, median \d+/), 'the mean and median of the scale');
    const sensitive = page.getByTestId('result-q7');
    await visible(sensitive.getByText('Sensitive: stored with explicit consent only'), 'the sensitive badge');
    await page.getByTestId('result-q1').getByRole('button', { name: 'Show table' }).click();
    await visible(page.getByTestId('result-q1').getByRole('columnheader', { name: 'Percent' }), 'the table of q1');
    await axeCheck(AxeBuilder, page, 'the results dashboard');
    await page.screenshot({ path: `${shots}/e2e-surveys-results.png`, fullPage: true });
    await page.locator('#filter-question').selectOption('q1');
    await page.locator('#filter-answer').selectOption('Expecting');
    await page.getByRole('button', { name: 'Apply filter' }).click();
    await visible(page.getByText(/filtered to q1 = “Expecting”/), 'the filter line');
    const some = await count(page);
    assert(some > 0 && some < all, `filtered count ${some} of ${all}`);
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export to Excel' }).click()]);
    assert(download.suggestedFilename().endsWith('.xlsx'), `download ${download.suggestedFilename()}`);
    await visible(page.getByRole('status').getByText(`${some.toLocaleString('en-GB')} responses`), 'the export confirmation');
  }],

  ['(S2) a manager creates a survey, maps an unmatched column and imports; sensitive answers need consent', async ({ page, server, shots, AxeBuilder }) => {
    await unlockAs(page, server, 'cleo', 'surveys');
    await page.getByRole('button', { name: 'New survey' }).click();
    await page.getByRole('button', { name: 'Create the survey' }).click();
    await visible(page.getByRole('heading', { name: 'There is a problem' }), 'the error summary');
    await page.locator('#survey-title').fill('E2E poll');
    await page.locator('#survey-purpose').fill('Testing');
    await page.locator('#q-text-0').fill('Which app do you use most?');
    await page.locator('#q-options-0').fill('Forum\nNewsletter');
    await page.getByRole('button', { name: 'Add a question' }).click();
    await page.locator('#q-text-1').fill('Do you have a long-term health condition?');
    await page.locator('#q-options-1').fill('Yes\nNo');
    await page.locator('#q-sensitive-1').check();
    await axeCheck(AxeBuilder, page, 'the question editor');
    await page.getByRole('button', { name: 'Create the survey' }).click();
    await visible(page.getByRole('heading', { level: 2, name: 'E2E poll' }), 'the new survey');
    assertEqual(await page.getByRole('tab', { selected: true }).textContent(), 'Import responses', 'the tab after creating');
    const csv = 'Respondent ID,End Date,Email Address,App used,Do you have a long-term health condition?,I give my explicit consent (health)\n' +
      ',,,Response,Response,Yes\n' +
      '1,11/20/2026 10:00:00 AM,a@example.com,Forum,Yes,Yes\n' +
      '2,11/21/2026 10:00:00 AM,b@example.com,Newsletter,No,\n';
    await page.locator('#responses-file').setInputFiles({ name: 'poll.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    await visible(page.getByRole('heading', { name: 'Column mapping (surveymonkey)' }), 'the column mapping');
    await visible(page.getByText('No question matched'), 'the unmatched column');
    await page.getByRole('combobox', { name: 'Import “App used” as' }).selectOption({ label: 'q1: Which app do you use most?' });
    await axeCheck(AxeBuilder, page, 'the column mapping');
    await page.getByRole('button', { name: 'Import responses from poll.csv' }).click();
    const report = await visible(page.getByTestId('survey-import-report'), 'the import report');
    await visible(report.getByText('2 added'), 'two respondents added');
    await visible(report.getByTestId('sensitive-withheld').getByText(/not stored for lack of explicit consent: 1 \(from 1 respondents\)/), 'the sensitive count');
    await page.screenshot({ path: `${shots}/e2e-surveys-import.png`, fullPage: true });
    await page.getByRole('tab', { name: 'Results' }).click();
    await visible(page.getByTestId('result-q1').getByText('2 answered'), 'the mapped column\'s answers');
    await visible(page.getByTestId('result-q2').getByText('1 answered'), 'only the consented sensitive answer');
  }],

  ['(S3) a malformed file is refused whole, naming the line and column', async ({ page, server }) => {
    await unlockAs(page, server, 'cleo', 'surveys');
    await openSurvey(page, 'E2E poll');
    await page.getByRole('tab', { name: 'Import responses' }).click();
    const bad = 'respondent_id,submitted_at,q1\nX1,2026-11-20,Forum\nX2,2026-11-21,"Forum\n';
    await page.locator('#responses-format').selectOption('csv');
    await page.locator('#responses-file').setInputFiles({ name: 'bad.csv', mimeType: 'text/csv', buffer: Buffer.from(bad) });
    await visible(page.getByTestId('import-error').getByText(/the file was refused: line \d+, column \d+/), 'the refusal');
    await page.getByRole('button', { name: 'Delete survey' }).click();
    await page.getByRole('button', { name: 'Delete the survey and its responses' }).click();
    await visible(page.getByRole('heading', { level: 2, name: 'All surveys' }), 'the list after deleting');
    assertEqual(await page.getByRole('button', { name: 'E2E poll', exact: true }).count(), 0, 'the deleted survey in the list');
  }],
];
