// End-to-end tests of the built UI against the real Go backend in browser mode, in headless Chromium.
// Usage: npm run e2e   (STAFFDESK_BIN: the staffdesk binary, default ../build/bin/staffdesk;
//                       CHROMIUM: the browser, default /usr/bin/chromium)
// Prints one line per test and ends with "N passed, M failed"; exits non-zero on any failure.
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { AxeBuilder } from '@axe-core/playwright';
import { startServer } from './server.mjs';
import { tests } from './tests.mjs';
import { tests as listingsTests } from './listings.mjs';
import { tests as competitionsTests } from './competitions.mjs';
import { tests as privacyTests } from './privacy.mjs';
import { tests as helpdeskTests } from './helpdesk.mjs';
import { tests as exportsTests } from './exports.mjs';
import { tests as surveysTests } from './surveys.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const frontend = resolve(here, '..');
const bin = resolve(frontend, process.env.STAFFDESK_BIN ?? '../build/bin/staffdesk');
const browserPath = process.env.CHROMIUM ?? '/usr/bin/chromium';
const shots = resolve(frontend, '../build/screenshots');
const only = process.argv.slice(2);

const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync'];

let server = null;
let context = null;
let profile = null;

async function cleanup() {
  await context?.close().catch(() => {});
  context = null;
  await server?.stop().catch(() => {});
  server = null;
  if (profile) rmSync(profile, { recursive: true, force: true });
  profile = null;
}

for (const sig of ['SIGINT', 'SIGTERM']) {
  process.on(sig, () => {
    console.log(`e2e: ${sig}, stopping`);
    void cleanup().then(() => process.exit(130));
  });
}

async function main() {
  mkdirSync(shots, { recursive: true });
  console.log(`e2e: starting ${bin} demo --serve`);
  server = await startServer(bin);
  console.log(`e2e: server at ${server.base}; browser ${browserPath}`);
  profile = mkdtempSync(join(tmpdir(), 'staffdesk-e2e-chromium-'));
  context = await chromium.launchPersistentContext(profile, {
    executablePath: browserPath,
    headless: true,
    args: ARGS,
    viewport: { width: 1280, height: 800 },
    deviceScaleFactor: 1,
    locale: 'en-GB',
    timezoneId: 'Europe/London',
  });
  const page = context.pages()[0] ?? (await context.newPage());
  page.setDefaultTimeout(10_000);
  const pageErrors = [];
  page.on('pageerror', (e) => pageErrors.push(e.message));

  let passed = 0;
  let failed = 0;
  for (const [name, fn] of [...tests, ...listingsTests, ...competitionsTests, ...helpdeskTests, ...privacyTests, ...exportsTests, ...surveysTests]) {
    if (only.length > 0 && !only.some((o) => name.includes(o))) continue;
    const started = Date.now();
    pageErrors.length = 0;
    try {
      const note = await fn({ page, server, shots, AxeBuilder });
      if (pageErrors.length > 0) throw new Error(`uncaught error in the page: ${pageErrors.join(' | ')}`);
      passed++;
      console.log(`ok   ${name} (${Date.now() - started} ms)${typeof note === 'string' ? ` ${note}` : ''}`);
    } catch (e) {
      failed++;
      console.log(`FAIL ${name} (${Date.now() - started} ms)\n    ${e instanceof Error ? e.message : e}`);
      const file = `${shots}/e2e-fail-${name.slice(1, 2)}.png`;
      await page.screenshot({ path: file, fullPage: true }).catch(() => {});
      console.log(`    screenshot: ${file}`);
    }
  }
  return { passed, failed };
}

let result = { passed: 0, failed: 1 };
try {
  result = await main();
} catch (e) {
  console.log(`FAIL e2e setup\n    ${e instanceof Error ? e.message : e}`);
} finally {
  await cleanup();
}
console.log(`${result.passed} passed, ${result.failed} failed`);
process.exit(result.failed > 0 ? 1 : 0);
