import { describe, expect, it } from 'vitest';
import { base64Bytes, deadline, kindLabel, looksLikeEmail, todayISO } from './privacy';

describe('deadline', () => {
  it.each([
    [{ done: false, daysLeft: -3, overdue: true }, 'Overdue by 3 days', 'overdue'],
    [{ done: false, daysLeft: 0, overdue: true }, 'Overdue by 1 day', 'overdue'],
    [{ done: false, daysLeft: 0, overdue: false }, 'Due today', 'soon'],
    [{ done: false, daysLeft: 1, overdue: false }, '1 day left', 'soon'],
    [{ done: false, daysLeft: 20, overdue: false }, '20 days left', 'ok'],
    [{ done: true, doneAt: '2026-12-02T10:00:00Z', doneBy: 'ade', daysLeft: 0, overdue: false }, 'Done 2 Dec 2026 by ade', 'done'],
  ])('%o reads %s', (r, text, tone) => {
    expect(deadline(r)).toEqual({ text, tone });
  });
});

describe('helpers', () => {
  it('labels kinds', () => expect(kindLabel('erasure')).toBe('Erasure'));
  it('checks emails loosely', () => {
    expect(looksLikeEmail(' jo@example.com ')).toBe(true);
    expect(looksLikeEmail('jo')).toBe(false);
    expect(looksLikeEmail('a b@example.com')).toBe(false);
  });
  it('decodes base64', () => expect([...base64Bytes('AAEC')]).toEqual([0, 1, 2]));
  it('formats today', () => expect(todayISO(new Date(2026, 0, 5))).toBe('2026-01-05'));
});
