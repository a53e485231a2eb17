// A panel's actions, one at a time: while one runs the panel shows it busy, and the last one that failed
// leaves its message to show as is.
import { call } from './api';

/** One action at a time: busy while it runs, error from the last one that failed. */
export class Action {
  busy = $state(false);
  error = $state('');

  /** Runs fn unless an action is already running; returns its value, or null when it failed or did not run. */
  async run<T>(fn: () => Promise<T>): Promise<T | null> {
    if (this.busy) return null;
    this.busy = true;
    this.error = '';
    const r = await call(fn);
    this.busy = false;
    if (!r.ok) {
      this.error = r.error;
      return null;
    }
    return r.value;
  }
}
