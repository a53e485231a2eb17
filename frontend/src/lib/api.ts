// Calls into the Go backend reject with a plain string (Wails and the browser shim alike). These helpers
// turn whatever was thrown into the message to show, and notice when the store has been locked.

/** The message to show for a rejected call: Go's message as is, never "[object Object]". */
export function errorMessage(err: unknown): string {
  if (typeof err === 'string') return err.trim() || 'Staffdesk gave an empty error message';
  if (err instanceof Error) return err.message || err.name;
  if (err && typeof err === 'object') {
    const rec = err as Record<string, unknown>;
    for (const key of ['message', 'error']) {
      const v = rec[key];
      if (typeof v === 'string' && v.trim() !== '') return v;
    }
  }
  if (err === undefined || err === null) return 'Staffdesk did not answer';
  return String(err);
}

/** Whether a message says the store is locked (the idle timer or another window locked it). */
export function isLockedMessage(message: string): boolean {
  return /\blocked\b/i.test(message) || /\bunlock staffdesk\b/i.test(message);
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: string };

type LockedHandler = (message: string) => void;
let onLocked: LockedHandler | null = null;

/** Registers what to do when a call says the store is locked (the session goes back to the unlock screen). */
export function setLockedHandler(fn: LockedHandler | null): void {
  onLocked = fn;
}

/**
 * Runs a backend call and returns its value or its message. A message saying the store is locked is also
 * passed to the locked handler, so every screen returns to the unlock screen the same way.
 */
export async function call<T>(fn: () => Promise<T>): Promise<Result<T>> {
  try {
    return { ok: true, value: await fn() };
  } catch (err) {
    const error = errorMessage(err);
    if (isLockedMessage(error) && onLocked) onLocked(error);
    return { ok: false, error };
  }
}
