import { describe, expect, it, vi } from 'vitest';
import { createShortcuts, isTypingTarget, keyCaps, throttle, type KeyLike, type Shortcut } from './keys';

// Stand-ins for DOM elements: isTypingTarget reads only tagName, type and isContentEditable.
const el = (tagName: string, extra: Record<string, unknown> = {}) => ({ tagName, ...extra }) as unknown as EventTarget;
const body = el('BODY');
const key = (k: string, over: Partial<KeyLike> = {}): KeyLike => ({
  key: k,
  ctrlKey: false,
  metaKey: false,
  altKey: false,
  target: body,
  ...over,
});

type A = 'help' | 'lock' | 'go:help' | 'go:audit' | 'archive';
const SHORTCUTS: Shortcut<A>[] = [
  { keys: '?', action: 'help', label: 'Shortcuts' },
  { keys: 'Ctrl+L', action: 'lock', label: 'Lock' },
  { keys: 'g h', action: 'go:help', label: 'Help desk' },
  { keys: 'g a', action: 'go:audit', label: 'Audit' },
  { keys: 'e', action: 'archive', label: 'Archive' },
];

function setup(opts: { enabled?: boolean } = {}) {
  let t = 1000;
  const h = createShortcuts(SHORTCUTS, { now: () => t, singleKeysEnabled: () => opts.enabled ?? true });
  return { h, advance: (ms: number) => (t += ms) };
}

describe('isTypingTarget', () => {
  it('is true for text fields, textareas, selects and editable content', () => {
    expect(isTypingTarget(el('INPUT', { type: 'text' }))).toBe(true);
    expect(isTypingTarget(el('input', { type: 'password' }))).toBe(true);
    expect(isTypingTarget(el('INPUT', { type: 'email' }))).toBe(true);
    expect(isTypingTarget(el('INPUT', { type: 'number' }))).toBe(true);
    expect(isTypingTarget(el('INPUT', { type: '' }))).toBe(true);
    expect(isTypingTarget(el('TEXTAREA'))).toBe(true);
    expect(isTypingTarget(el('SELECT'))).toBe(true);
    expect(isTypingTarget(el('DIV', { isContentEditable: true }))).toBe(true);
  });
  it('is false for buttons, checkboxes, links and the page', () => {
    expect(isTypingTarget(el('INPUT', { type: 'checkbox' }))).toBe(false);
    expect(isTypingTarget(el('INPUT', { type: 'submit' }))).toBe(false);
    expect(isTypingTarget(el('BUTTON'))).toBe(false);
    expect(isTypingTarget(el('A'))).toBe(false);
    expect(isTypingTarget(body)).toBe(false);
    expect(isTypingTarget(null)).toBe(false);
  });
});

describe('createShortcuts', () => {
  it('fires single keys and two-key sequences', () => {
    const { h } = setup();
    expect(h.handle(key('?'))).toBe('help');
    expect(h.handle(key('e'))).toBe('archive');
    expect(h.handle(key('g'))).toBeNull();
    expect(h.pending()).toBe('g');
    expect(h.handle(key('a'))).toBe('go:audit');
    expect(h.pending()).toBeNull();
  });
  it('ignores single keys and sequences while typing in a field', () => {
    const { h } = setup();
    const input = el('INPUT', { type: 'text' });
    expect(h.handle(key('?', { target: input }))).toBeNull();
    expect(h.handle(key('g', { target: input }))).toBeNull();
    expect(h.handle(key('h', { target: input }))).toBeNull();
    expect(h.handle(key('e', { target: el('TEXTAREA') }))).toBeNull();
  });
  it('drops a pending g when the next key is typed into a field', () => {
    const { h } = setup();
    h.handle(key('g'));
    expect(h.handle(key('h', { target: el('INPUT', { type: 'search' }) }))).toBeNull();
    expect(h.handle(key('h'))).toBeNull();
  });
  it('ignores keys with Ctrl, Meta or Alt held, except chords', () => {
    const { h } = setup();
    expect(h.handle(key('e', { ctrlKey: true }))).toBeNull();
    expect(h.handle(key('e', { metaKey: true }))).toBeNull();
    expect(h.handle(key('e', { altKey: true }))).toBeNull();
    expect(h.handle(key('l', { ctrlKey: true }))).toBe('lock');
    expect(h.handle(key('L', { ctrlKey: true, shiftKey: true }))).toBe('lock');
    expect(h.handle(key('l', { ctrlKey: true, altKey: true }))).toBeNull();
  });
  it('lets chords work while typing', () => {
    const { h } = setup();
    expect(h.handle(key('l', { ctrlKey: true, target: el('INPUT', { type: 'password' }) }))).toBe('lock');
  });
  it('forgets the first key of a sequence after the timeout', () => {
    const { h, advance } = setup();
    h.handle(key('g'));
    advance(2000);
    expect(h.pending()).toBeNull();
    expect(h.handle(key('h'))).toBeNull();
  });
  it('treats an unknown second key as a fresh key', () => {
    const { h } = setup();
    h.handle(key('g'));
    expect(h.handle(key('e'))).toBe('archive');
    h.handle(key('g'));
    expect(h.handle(key('x'))).toBeNull();
    expect(h.pending()).toBeNull();
  });
  it('does not lose the sequence on a Shift press', () => {
    const { h } = setup();
    h.handle(key('g'));
    h.handle(key('Shift', { shiftKey: true }));
    expect(h.handle(key('h'))).toBe('go:help');
  });
  it('turns single keys off but keeps chords when disabled', () => {
    const { h } = setup({ enabled: false });
    expect(h.handle(key('?'))).toBeNull();
    expect(h.handle(key('g'))).toBeNull();
    expect(h.handle(key('h'))).toBeNull();
    expect(h.handle(key('l', { ctrlKey: true }))).toBe('lock');
  });
  it('ignores keys while an input method is composing', () => {
    const { h } = setup();
    expect(h.handle(key('e', { isComposing: true }))).toBeNull();
  });
});

describe('keyCaps', () => {
  it('splits sequences and chords into caps', () => {
    expect(keyCaps('g h')).toEqual(['g', 'h']);
    expect(keyCaps('Ctrl+L')).toEqual(['Ctrl', 'L']);
    expect(keyCaps('?')).toEqual(['?']);
  });
});

describe('throttle', () => {
  it('calls at most once per interval, on the leading edge', () => {
    let t = 0;
    const fn = vi.fn();
    const touch = throttle(fn, 30_000, () => t);
    touch();
    touch();
    expect(fn).toHaveBeenCalledTimes(1);
    t = 29_999;
    touch();
    expect(fn).toHaveBeenCalledTimes(1);
    t = 30_000;
    touch();
    expect(fn).toHaveBeenCalledTimes(2);
  });
});
