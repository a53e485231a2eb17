import { describe, expect, it } from 'vitest';
import { Action } from './action.svelte';

describe('Action', () => {
  it('returns the value and clears an earlier error', async () => {
    const a = new Action();
    a.error = 'earlier';
    expect(await a.run(async () => 42)).toBe(42);
    expect(a.error).toBe('');
    expect(a.busy).toBe(false);
  });

  it('keeps the message of a failure and returns null', async () => {
    const a = new Action();
    expect(await a.run(() => Promise.reject(new Error('the competition is committed')))).toBe(null);
    expect(a.error).toContain('the competition is committed');
    expect(a.busy).toBe(false);
  });

  it('does not start a second action while one runs', async () => {
    const a = new Action();
    let finish: (v: string) => void = () => {};
    const first = a.run(() => new Promise<string>((res) => (finish = res)));
    expect(a.busy).toBe(true);
    let ran = false;
    expect(await a.run(async () => (ran = true))).toBe(null);
    expect(ran).toBe(false);
    finish('done');
    expect(await first).toBe('done');
    expect(a.busy).toBe(false);
  });
});
