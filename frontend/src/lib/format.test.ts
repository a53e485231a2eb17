import { describe, expect, it } from 'vitest';
import { formatDate, formatDateTime, formatWhen, isoTime, plural, sentence } from './format';

// Built from local time parts so the tests hold in any time zone.
const at = new Date(2026, 2, 3, 14, 5, 9);

describe('formatDateTime', () => {
  it('writes day, short month, year and a 24-hour time', () => {
    expect(formatDateTime(at)).toBe('3 Mar 2026, 14:05');
  });
  it('reads the RFC 3339 strings Go sends', () => {
    expect(formatDateTime(at.toISOString())).toBe('3 Mar 2026, 14:05');
  });
  it('shows a dash for missing, zero or unreadable times', () => {
    expect(formatDateTime('')).toBe('—');
    expect(formatDateTime('0001-01-01T00:00:00Z')).toBe('—');
    expect(formatDateTime('not a time')).toBe('—');
    expect(formatDateTime(undefined)).toBe('—');
    expect(formatDateTime({})).toBe('—');
  });
});

describe('formatDate', () => {
  it('writes the date only', () => {
    expect(formatDate(at.toISOString())).toBe('3 Mar 2026');
    expect(formatDate(new Date(2026, 11, 25, 23, 59))).toBe('25 Dec 2026');
  });
});

describe('formatWhen', () => {
  const now = new Date(2026, 2, 3, 18, 0);
  it('says Today for today', () => {
    expect(formatWhen(at, now)).toBe('Today 14:05');
  });
  it('says Yesterday for yesterday, even just after midnight', () => {
    expect(formatWhen(new Date(2026, 2, 2, 23, 59), new Date(2026, 2, 3, 0, 1))).toBe('Yesterday 23:59');
  });
  it('gives the full date for older times', () => {
    expect(formatWhen(new Date(2026, 1, 27, 9, 30), now)).toBe('27 Feb 2026, 09:30');
  });
});

describe('small helpers', () => {
  it('isoTime gives an ISO string or nothing', () => {
    expect(isoTime(at)).toBe(at.toISOString());
    expect(isoTime('nope')).toBe('');
  });
  it('plural picks the word and groups thousands', () => {
    expect(plural(1, 'entry', 'entries')).toBe('1 entry');
    expect(plural(0, 'entry', 'entries')).toBe('0 entries');
    expect(plural(1204, 'row', 'rows')).toBe('1,204 rows');
  });
  it('sentence capitalises and ends with a full stop once', () => {
    expect(sentence('entry 4 was changed after it was written')).toBe('Entry 4 was changed after it was written.');
    expect(sentence('Done.')).toBe('Done.');
    expect(sentence('  ')).toBe('');
  });
});
