// The operator's own display preferences, kept in this window's local storage (nothing secret).

const KEY = 'staffdesk.singleKeyShortcuts';

function load(): boolean {
  try {
    return localStorage.getItem(KEY) !== 'off';
  } catch {
    return true;
  }
}

class Prefs {
  /** Single-key shortcuts (g then h, ?) on or off; Ctrl+L always works. */
  singleKeys = $state(load());

  setSingleKeys(on: boolean): void {
    this.singleKeys = on;
    try {
      localStorage.setItem(KEY, on ? 'on' : 'off');
    } catch {
      // storage may be unavailable; the choice then lasts until the window closes
    }
  }
}

export const prefs = new Prefs();
