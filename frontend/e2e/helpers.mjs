// Small helpers for the end-to-end tests: assertions, and getting the app into a known state.
import { goCall } from './server.mjs';

export const PASSPHRASE = 'demo-passphrase';
export const TIMEOUT = 10_000;

export function assert(cond, message) {
  if (!cond) throw new Error(message);
}

export function assertEqual(got, want, what) {
  if (got !== want) throw new Error(`${what}: got ${JSON.stringify(got)}, want ${JSON.stringify(want)}`);
}

/** Waits until fn (run in the page) returns something truthy; fails with message otherwise. */
export async function waitInPage(page, fn, arg, message, timeout = TIMEOUT) {
  try {
    await page.waitForFunction(fn, arg, { timeout });
  } catch {
    throw new Error(message);
  }
}

/** Waits for a locator to be visible; fails with a message that says what was missing. */
export async function visible(locator, what, timeout = TIMEOUT) {
  try {
    await locator.first().waitFor({ state: 'visible', timeout });
  } catch {
    throw new Error(`${what} did not appear`);
  }
  return locator.first();
}

/** Waits for a locator to be gone. */
export async function gone(locator, what, timeout = TIMEOUT) {
  try {
    await locator.first().waitFor({ state: 'detached', timeout });
  } catch {
    throw new Error(`${what} is still there`);
  }
}

export const unlockHeading = (page) => page.getByRole('heading', { level: 1, name: 'Unlock Staffdesk' });
export const nav = (page) => page.getByRole('navigation', { name: 'Areas' });
export const areaHeading = (page, name) => page.getByRole('heading', { level: 1, name, exact: true });

/** Saves a screenshot of the viewport with the main area scrolled to the top. */
export async function shot(page, shots, name) {
  await page.locator('main').first().evaluate((el) => el.scrollTo(0, 0));
  await page.screenshot({ path: `${shots}/${name}` });
}

/** Locks the store through the API and shows the unlock screen. */
export async function lockedStart(page, server) {
  await goCall(server, 'app.SessionAPI.Lock');
  await page.goto(`${server.base}/`);
  await visible(unlockHeading(page), 'the unlock screen');
}

/** Starts locked, then unlocks as name through the UI and waits for the shell. */
export async function unlockAs(page, server, name, area = 'helpdesk') {
  await lockedStart(page, server);
  await page.evaluate((a) => history.replaceState(null, '', `#/${a}`), area);
  await page.locator('#operator').selectOption(name);
  await page.locator('#passphrase').fill(PASSPHRASE);
  await page.getByRole('button', { name: 'Unlock', exact: true }).click();
  await visible(nav(page), `the shell after unlocking as ${name}`);
}

/** Clicks an area in the rail and checks its heading and aria-current. */
export async function goTo(page, label) {
  await nav(page).getByRole('link', { name: label, exact: true }).click();
  await visible(areaHeading(page, label), `the "${label}" heading`);
  const current = await nav(page).locator('a[aria-current="page"]').textContent();
  assertEqual(current?.trim(), label, 'the rail item marked aria-current');
}

/** Runs axe-core's WCAG 2 A/AA rules on the page; fails listing each violation. */
export async function axeCheck(AxeBuilder, page, what) {
  const res = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'])
    .analyze();
  if (res.violations.length > 0) {
    const lines = res.violations.map(
      (v) => `${v.id} (${v.impact}): ${v.help} at ${v.nodes.map((n) => n.target.join(' ')).join('; ')}`,
    );
    throw new Error(`${what}: ${res.violations.length} axe violation(s)\n    ${lines.join('\n    ')}`);
  }
  return res.passes.length;
}
