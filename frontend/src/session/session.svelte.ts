// The session as the UI sees it: locked or unlocked, and by whom. It follows Go's idle auto-lock through
// the `session:locked` event, a poll of State() every 20 s, and any call that answers "locked"; and it
// tells Go about keyboard and pointer activity, at most once per 30 s.
import * as SessionAPI from '../wailsjs/go/app/SessionAPI';
import { EventsOn } from '../wailsjs/runtime/runtime';
import type { app } from '../wailsjs/go/models';
import { call, errorMessage, setLockedHandler } from '../lib/api';
import { throttle } from '../lib/keys';

export type SessionState = app.SessionState;

/** Why the unlock screen is showing again after the shell was open. */
export type LockReason = 'idle' | 'locked' | null;

export const POLL_MS = 20_000;
export const TOUCH_MS = 30_000;

class Session {
  /** Go's last answer; null until the first one arrives. */
  state = $state<SessionState | null>(null);
  /** Set when Go could not be reached at all. */
  loadError = $state('');
  lockReason = $state<LockReason>(null);
  /** The auto-lock delay of the last open session (a locked store cannot say: it lives in the encrypted db). */
  autoLockMinutes = $state(0);

  get unlocked(): boolean {
    return this.state?.unlocked === true;
  }

  async refresh(): Promise<void> {
    try {
      this.apply(await SessionAPI.State());
      this.loadError = '';
    } catch (err) {
      this.loadError = errorMessage(err);
    }
  }

  /** Unlocks as name; returns Go's message when it refuses. */
  async unlock(name: string, passphrase: string): Promise<string | null> {
    const r = await call(() => SessionAPI.Unlock(name, passphrase));
    if (!r.ok) return r.error;
    this.apply(r.value);
    return null;
  }

  /** Locks on request; the unlock screen shows without a reason. */
  async lock(): Promise<void> {
    const r = await call(() => SessionAPI.Lock());
    this.lockReason = null;
    if (r.ok) this.apply(r.value);
    else await this.refresh();
  }

  /** Called when something says the store is locked: ask Go, and go back to the unlock screen if so. Go's
   * own "idle" wins over a guess, whichever answer comes back first: a background call may meet the lock
   * before the idle event arrives. */
  async confirmLocked(reason: LockReason): Promise<void> {
    const wasUnlocked = this.unlocked;
    try {
      const st = await SessionAPI.State();
      const refines = reason === 'idle' && this.lockReason === 'locked';
      const keepsIdle = reason === 'locked' && this.lockReason === 'idle';
      if (!st.unlocked && (wasUnlocked || refines) && !keepsIdle) this.lockReason = reason;
      this.apply(st);
    } catch (err) {
      // Go did not answer: show the "cannot reach" screen (with Try again) rather than a stale shell
      this.state = null;
      this.loadError = errorMessage(err);
      if (wasUnlocked) this.lockReason = reason;
    }
  }

  private apply(st: SessionState): void {
    if (st.unlocked) this.lockReason = null;
    if (st.unlocked && st.autoLockMinutes > 0) this.autoLockMinutes = st.autoLockMinutes;
    const cur = this.state;
    // the 20 s poll usually brings the same answer: keep the object so nothing downstream re-renders
    if (cur && cur.unlocked && st.unlocked && cur.operator.id === st.operator.id && cur.operator.role === st.operator.role)
      return;
    this.state = { ...st, operatorNames: st.operatorNames ?? [] } as SessionState;
  }

  /** Starts following Go's session; returns the function that stops it. */
  watch(): () => void {
    setLockedHandler(() => void this.confirmLocked('locked'));
    let offEvent: (() => void) | null = null;
    try {
      offEvent = EventsOn('session:locked', (reason: unknown) => {
        void this.confirmLocked(reason === 'idle' ? 'idle' : 'locked');
      });
    } catch {
      // no Wails runtime (a plain `npm run dev` page): the poll still notices
    }
    const poll = window.setInterval(() => {
      if (this.unlocked) void this.confirmLocked('locked');
    }, POLL_MS);
    const touch = throttle(() => {
      void SessionAPI.Touch().then(
        (still) => {
          if (!still) void this.confirmLocked('locked');
        },
        () => void this.confirmLocked('locked'),
      );
    }, TOUCH_MS);
    const onActivity = () => {
      if (this.unlocked) touch();
    };
    window.addEventListener('keydown', onActivity, { capture: true, passive: true });
    window.addEventListener('pointerdown', onActivity, { capture: true, passive: true });
    return () => {
      setLockedHandler(null);
      offEvent?.();
      window.clearInterval(poll);
      window.removeEventListener('keydown', onActivity, { capture: true });
      window.removeEventListener('pointerdown', onActivity, { capture: true });
    };
  }
}

export const session = new Session();
