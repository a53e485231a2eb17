// Starts `staffdesk demo --serve` on a free loopback port and reads the address it prints.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';

/**
 * @param {string} bin path of the staffdesk binary
 * @returns {Promise<{url: string, base: string, token: string, stop: () => Promise<void>, log: () => string}>}
 */
export function startServer(bin, timeoutMs = 90_000) {
  if (!existsSync(bin)) {
    return Promise.reject(new Error(`no staffdesk binary at ${bin}: build it first or set STAFFDESK_BIN`));
  }
  const child = spawn(bin, ['demo', '--serve', '--addr', '127.0.0.1:0'], { stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  let exited = false;
  const exitPromise = new Promise((resolve) => child.on('exit', () => ((exited = true), resolve(undefined))));
  const stop = async () => {
    if (exited) return;
    child.kill('SIGTERM');
    const t = setTimeout(() => child.kill('SIGKILL'), 5000);
    await exitPromise;
    clearTimeout(t);
  };
  const log = () => `stdout:\n${out}\nstderr:\n${err}`;
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      void stop();
      reject(new Error(`staffdesk did not print its address within ${timeoutMs / 1000} s\n${log()}`));
    }, timeoutMs);
    child.stderr.on('data', (d) => (err += d));
    child.stdout.on('data', (d) => {
      out += d;
      const m = out.match(/Staffdesk is serving on (http:\/\/127\.0\.0\.1:\d+\/\?token=([0-9a-f]+))/);
      if (m) {
        clearTimeout(timer);
        const url = m[1];
        resolve({ url, base: new URL(url).origin, token: m[2], stop, log });
      }
    });
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      reject(new Error(`staffdesk exited early (code ${code}, signal ${signal})\n${log()}`));
    });
    child.on('error', (e) => {
      clearTimeout(timer);
      reject(e);
    });
  });
}

/** Calls a bound Go method the way the browser shim does, authorised by the token. */
export async function goCall(server, name, ...args) {
  const r = await fetch(`${server.base}/api/call`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${server.token}` },
    body: JSON.stringify({ name, args }),
  });
  const body = await r.json();
  if (!r.ok || body.error) throw new Error(body.error || `HTTP ${r.status}`);
  return body.result;
}
