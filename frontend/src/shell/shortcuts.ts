// The shell's keyboard shortcuts, listed in the "?" dialog in this order.
import { AREAS, type AreaId } from '../lib/areas';
import type { Shortcut } from '../lib/keys';
import { deskShortcutList } from '../helpdesk/helpdesk';

export type ShellAction = 'lock' | 'help' | `go:${AreaId}`;

export function shellShortcuts(isAdmin: boolean): Shortcut<ShellAction>[] {
  return [
    { keys: '?', action: 'help', label: 'Show keyboard shortcuts' },
    { keys: 'Ctrl+L', action: 'lock', label: 'Lock Staffdesk' },
    ...AREAS.filter((a) => isAdmin || !a.adminOnly).map(
      (a): Shortcut<ShellAction> => ({ keys: `g ${a.key}`, action: `go:${a.id}`, label: `Go to ${a.label}` }),
    ),
  ];
}

/** The current area's own keys, listed after the shell's in the "?" dialog. */
export function areaShortcuts(area: AreaId): Shortcut[] {
  return area === 'helpdesk' ? deskShortcutList() : [];
}
