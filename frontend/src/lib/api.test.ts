import { afterEach, describe, expect, it, vi } from 'vitest';
import { call, errorMessage, isLockedMessage, setLockedHandler } from './api';

describe('errorMessage', () => {
  it('shows a string rejection as is', () => {
    expect(errorMessage('the passphrase for operator admin is wrong')).toBe('the passphrase for operator admin is wrong');
  });
  it('uses an Error’s message', () => {
    expect(errorMessage(new Error('boom'))).toBe('boom');
    expect(errorMessage(new TypeError("Cannot read properties of undefined (reading 'app')"))).toContain('reading');
  });
  it('reads message or error from a plain object', () => {
    expect(errorMessage({ message: 'from message' })).toBe('from message');
    expect(errorMessage({ error: 'from error', code: 'forbidden' })).toBe('from error');
  });
  it('never answers [object Object] or an empty string', () => {
    expect(errorMessage({ code: 42 })).not.toBe('');
    expect(errorMessage('   ')).not.toBe('');
    expect(errorMessage(undefined)).toBe('Staffdesk did not answer');
    expect(errorMessage(null)).toBe('Staffdesk did not answer');
    expect(errorMessage(404)).toBe('404');
  });
});

describe('isLockedMessage', () => {
  it('recognises Go’s locked messages', () => {
    expect(isLockedMessage('Staffdesk is locked: unlock it to continue')).toBe(true);
    expect(isLockedMessage('no operator is signed in: unlock Staffdesk first')).toBe(true);
  });
  it('ignores other refusals', () => {
    expect(isLockedMessage('hana (Help desk) may not do this: it needs the Admin role')).toBe(false);
    expect(isLockedMessage('the passphrase for operator admin is wrong')).toBe(false);
    expect(isLockedMessage('blocked by the firewall')).toBe(false);
  });
});

describe('call', () => {
  afterEach(() => setLockedHandler(null));

  it('returns the value of a call that succeeds', async () => {
    await expect(call(async () => 7)).resolves.toEqual({ ok: true, value: 7 });
  });
  it('returns the message of a call that rejects, and of one that throws before its promise', async () => {
    await expect(call(() => Promise.reject('an operator named hana already exists'))).resolves.toEqual({
      ok: false,
      error: 'an operator named hana already exists',
    });
    await expect(
      call(() => {
        throw new Error('window.go is undefined');
      }),
    ).resolves.toEqual({ ok: false, error: 'window.go is undefined' });
  });
  it('tells the locked handler, and only about locked messages', async () => {
    const handler = vi.fn();
    setLockedHandler(handler);
    await call(() => Promise.reject('hana (Help desk) may not do this: it needs the Admin role'));
    expect(handler).not.toHaveBeenCalled();
    await call(() => Promise.reject('Staffdesk is locked: unlock it to continue'));
    expect(handler).toHaveBeenCalledWith('Staffdesk is locked: unlock it to continue');
  });
});
