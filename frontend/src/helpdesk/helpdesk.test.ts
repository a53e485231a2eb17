import { describe, expect, it } from 'vitest';
import { createShortcuts } from '../lib/keys';
import {
  arrivedSince, buildFilter, dayToTime, deskShortcutList, describeState, DESK_SHORTCUTS, formatSize, NO_EXTRA, parseSearch,
  parseTags, progressText, VIEWS,
} from './helpdesk';

describe('parseSearch', () => {
  it.each([
    ['', { query: '', extra: {} }],
    ['refund', { query: 'refund', extra: {} }],
    ['refund tag:billing', { query: 'refund', extra: { tag: 'billing' } }],
    ['status:Open nappy', { query: 'nappy', extra: { status: 'open' } }],
    ['after:2026-01-01 before:2026-02-01 x', { query: 'x', extra: { since: '2026-01-01', until: '2026-02-01' } }],
    ['in:support assignee:op1', { query: '', extra: { mailbox: 'support', assigneeId: 'op1' } }],
    ['"school run" time:9am', { query: '"school run" time:9am', extra: {} }],
  ])('%j', (input, want) => expect(parseSearch(input)).toEqual(want));
});

describe('buildFilter', () => {
  it('maps views to status or assignee', () => {
    expect(buildFilter('pending', '', NO_EXTRA, 100, 200)).toMatchObject({ status: 'pending', assigneeId: '', limit: 100, offset: 200 });
    expect(buildFilter('mine', '', NO_EXTRA, 50, 0)).toMatchObject({ status: 'active', assigneeId: 'me' });
    expect(buildFilter('all', '', NO_EXTRA, 50, 0)).toMatchObject({ status: '', assigneeId: '' });
    expect(buildFilter('active', '', NO_EXTRA, 50, 0)).toMatchObject({ status: 'active', assigneeId: '' });
  });

  it('lets the search box and the filters narrow the view', () => {
    const f = buildFilter('open', 'buggy status:solved', { ...NO_EXTRA, tag: 'kit', since: '2026-03-01', sensitive: 'no' }, 100, 0);
    expect(f).toMatchObject({ status: 'solved', query: 'buggy', tag: 'kit', since: '2026-03-01T00:00:00Z', sensitive: false });
  });

  it('leaves empty dates out, so Go reads its zero time', () => {
    const f = buildFilter('all', '', NO_EXTRA, 100, 0);
    expect('since' in f).toBe(false);
    expect('until' in f).toBe(false);
    expect(f.sensitive).toBeNull();
  });
});

describe('small helpers', () => {
  it.each([
    ['2026-03-04', false, '2026-03-04T00:00:00Z'],
    ['2026-03-04', true, '2026-03-04T23:59:59Z'],
    ['4/3/2026', false, ''],
  ])('dayToTime(%s, %s)', (d, end, want) => expect(dayToTime(d, end)).toBe(want));

  it.each([
    [0, '0 B'],
    [512, '512 B'],
    [2048, '2.0 KB'],
    [20 * 1024, '20 KB'],
    [3 * 1024 * 1024, '3.0 MB'],
    [-1, ''],
  ])('formatSize(%i)', (n, want) => expect(formatSize(n)).toBe(want));

  it('parses tags', () => expect(parseTags(' Billing, kit  billing ')).toEqual(['billing', 'kit']));

  it('describes progress', () => {
    expect(progressText({ operation: 'sync', mailbox: 'help', folder: 'INBOX', done: 50, total: 200 })).toEqual({
      text: 'Sync help / INBOX: 50 of 200', fraction: 0.25,
    });
    expect(progressText({ operation: '', mailbox: '', folder: '', done: 3, total: 0 }).fraction).toBeNull();
  });

  it('describes a side of a conflict', () => {
    const names = new Map([['op1', 'hana']]);
    expect(describeState({ status: 'pending', assigneeId: 'op1', priority: 'high' }, names)).toBe('Pending, assigned to hana, priority high');
    expect(describeState({ status: 'open', assigneeId: '', priority: '' }, names)).toBe('Open, unassigned, priority normal');
  });
});

describe('shortcuts', () => {
  const key = (k: string, target: EventTarget | null = null) => ({ key: k, ctrlKey: false, metaKey: false, altKey: false, target });

  it('maps the help desk keys', () => {
    const h = createShortcuts(DESK_SHORTCUTS);
    expect(['j', 'k', 'Enter', 'Escape', 'r', 'n', 'e', 'a', '/'].map((k) => h.handle(key(k)))).toEqual([
      'next', 'prev', 'open', 'back', 'reply', 'note', 'solve', 'assign', 'search',
    ]);
  });

  it('leaves "g then a" to the shell and keys typed in a field alone', () => {
    const h = createShortcuts(DESK_SHORTCUTS);
    expect(h.handle(key('g'))).toBeNull();
    expect(h.handle(key('a'))).toBe('shell');
    expect(h.handle(key('r', { tagName: 'TEXTAREA' } as unknown as EventTarget))).toBeNull();
  });

  it('lists each action once for the "?" dialog', () => {
    const list = deskShortcutList();
    expect(new Set(list.map((s) => s.action)).size).toBe(list.length);
    expect(list.every((s) => s.label.startsWith('Help desk: '))).toBe(true);
  });
});

describe('arrivedSince', () => {
  const m = (id: number, kind = 'in') => ({ id, kind });
  it.each([
    ['nothing new', [m(1), m(2, 'out')], [m(1), m(2, 'out')], []],
    ['a member wrote again', [m(1)], [m(1), m(3)], [3]],
    ['only our side changed', [m(1)], [m(1), m(4, 'note'), m(5, 'out'), m(6, 'auto')], []],
    ['empty threads', null, null, []],
  ])('%s', (_n, reading, fresh, want) => expect(arrivedSince(reading, fresh).map((x) => x.id)).toEqual(want));
});

describe('VIEWS', () => {
  it('counts Unsolved as new, open and pending', () => {
    const c = { new: 2, open: 3, pending: 4, solved: 5, closed: 6, mine: 1, all: 20 };
    expect(Object.fromEntries(VIEWS.map((v) => [v.id, v.count(c)]))).toEqual({
      active: 9, new: 2, open: 3, mine: 1, pending: 4, solved: 5, closed: 6, all: 20,
    });
  });
});
