// Keyboard shortcuts: single keys and "g then x" sequences, off while typing in a field or when a
// modifier is held, plus a few modifier chords (Ctrl+L) that work everywhere. Pure logic, no DOM listeners,
// so it can be tested without a browser.

/** What the handler needs from a KeyboardEvent. */
export interface KeyLike {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
  shiftKey?: boolean;
  target: EventTarget | null;
  isComposing?: boolean;
}

/** A shortcut: `keys` is "?" or "g h" (a sequence) or "Ctrl+L" (a chord, which works while typing too). */
export interface Shortcut<A extends string = string> {
  keys: string;
  action: A;
  label: string;
}

const TEXT_INPUT_TYPES = new Set([
  '', 'text', 'search', 'email', 'password', 'number', 'tel', 'url', 'date', 'datetime-local', 'month',
  'time', 'week',
]);

/** Whether keys typed now go into a field (inputs that take text, textareas, selects, editable content). */
export function isTypingTarget(target: EventTarget | null): boolean {
  if (!target || typeof target !== 'object') return false;
  const el = target as { tagName?: unknown; type?: unknown; isContentEditable?: unknown; readOnly?: unknown };
  if (el.isContentEditable === true) return true;
  const tag = typeof el.tagName === 'string' ? el.tagName.toUpperCase() : '';
  if (tag === 'TEXTAREA' || tag === 'SELECT') return true;
  if (tag === 'INPUT') {
    const type = typeof el.type === 'string' ? el.type.toLowerCase() : '';
    return TEXT_INPUT_TYPES.has(type);
  }
  return false;
}

function isChord(keys: string): boolean {
  return /^(Ctrl|Meta|Mod|Alt)\+/.test(keys);
}

function chordMatches(keys: string, e: KeyLike): boolean {
  const parts = keys.split('+');
  const key = parts.pop() ?? '';
  const mods = new Set(parts);
  const mod = mods.has('Mod');
  const ctrl = mods.has('Ctrl') || (mod && !e.metaKey);
  const meta = mods.has('Meta') || (mod && e.metaKey);
  return (
    e.ctrlKey === ctrl && e.metaKey === meta && e.altKey === mods.has('Alt') && e.key.toLowerCase() === key.toLowerCase()
  );
}

export interface ShortcutOptions {
  /** Single keys and sequences are off (the chords still work). */
  singleKeysEnabled?: () => boolean;
  /** How long after the first key of a sequence the second may come, in ms. */
  sequenceTimeout?: number;
  /** The clock, in ms; tests pass their own. */
  now?: () => number;
}

export interface ShortcutHandler<A extends string> {
  /** Feeds one keydown; returns the action it completes, or null. */
  handle(e: KeyLike): A | null;
  /** The first key of a sequence waiting for its second, if any ("g"). */
  pending(): string | null;
  reset(): void;
}

/** Builds a handler for the shortcuts given. */
export function createShortcuts<A extends string>(
  shortcuts: readonly Shortcut<A>[],
  opts: ShortcutOptions = {},
): ShortcutHandler<A> {
  const timeout = opts.sequenceTimeout ?? 1500;
  const now = opts.now ?? (() => Date.now());
  const enabled = opts.singleKeysEnabled ?? (() => true);
  const chords = shortcuts.filter((s) => isChord(s.keys));
  const plain = shortcuts.filter((s) => !isChord(s.keys));
  const prefixes = new Set(plain.map((s) => s.keys.split(' ')).filter((k) => k.length > 1).map((k) => k[0]));
  let prefix: string | null = null;
  let prefixAt = 0;

  return {
    handle(e) {
      if (e.isComposing) return null;
      for (const s of chords) if (chordMatches(s.keys, e)) return s.action;
      if (e.ctrlKey || e.metaKey || e.altKey) return null;
      if (!enabled() || isTypingTarget(e.target)) {
        prefix = null;
        return null;
      }
      if (e.key === 'Shift') return null;
      if (prefix !== null && now() - prefixAt <= timeout) {
        const seq = `${prefix} ${e.key}`;
        prefix = null;
        const hit = plain.find((s) => s.keys === seq);
        if (hit) return hit.action;
        // an unknown second key ends the sequence; the key itself may be a shortcut of its own
      }
      prefix = null;
      if (prefixes.has(e.key)) {
        prefix = e.key;
        prefixAt = now();
        return null;
      }
      const hit = plain.find((s) => s.keys === e.key);
      return hit ? hit.action : null;
    },
    pending() {
      return prefix !== null && now() - prefixAt <= timeout ? prefix : null;
    },
    reset() {
      prefix = null;
    },
  };
}

/** "g h" → ["g", "h"], "Ctrl+L" → ["Ctrl", "L"]: the key caps to draw in the shortcuts list. */
export function keyCaps(keys: string): string[] {
  return isChord(keys) ? keys.split('+') : keys.split(' ');
}

/** Calls fn at most once per interval (leading edge), e.g. telling Go about activity. */
export function throttle(fn: () => void, intervalMs: number, now: () => number = () => Date.now()): () => void {
  let last = -Infinity;
  return () => {
    const t = now();
    if (t - last >= intervalMs) {
      last = t;
      fn();
    }
  };
}
