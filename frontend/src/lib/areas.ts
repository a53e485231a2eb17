// The areas of the shell: their names, their "g then x" keys and who sees them.

export type AreaId =
  | 'helpdesk'
  | 'listings'
  | 'competitions'
  | 'surveys'
  | 'exports'
  | 'privacy'
  | 'audit'
  | 'settings'
  | 'operators'
  | 'about';

export interface Area {
  id: AreaId;
  label: string;
  /** The second key after "g". */
  key: string;
  /** Only admins see it (Go refuses the others anyway). */
  adminOnly?: boolean;
  /** The rail groups areas: daily work first, then records and the app itself. */
  group: 'work' | 'records' | 'app';
}

export const AREAS: readonly Area[] = [
  { id: 'helpdesk', label: 'Help desk', key: 'h', group: 'work' },
  { id: 'listings', label: 'Listings', key: 'l', group: 'work' },
  { id: 'competitions', label: 'Competitions', key: 'c', group: 'work' },
  { id: 'surveys', label: 'Surveys', key: 's', group: 'work' },
  { id: 'exports', label: 'Exports', key: 'e', group: 'records' },
  { id: 'privacy', label: 'Privacy', key: 'p', group: 'records' },
  { id: 'audit', label: 'Audit', key: 'a', group: 'records' },
  { id: 'settings', label: 'Settings', key: ',', group: 'app' },
  { id: 'operators', label: 'Operators', key: 'o', group: 'app', adminOnly: true },
  { id: 'about', label: 'About', key: 'i', group: 'app' },
];

/** The areas an operator with this role sees, in rail order. */
export function areasFor(role: string): Area[] {
  return AREAS.filter((a) => !a.adminOnly || role === 'admin');
}

/** The area named by a location hash such as "#/audit", if the role may see it. */
export function areaFromHash(hash: string, role: string): AreaId | null {
  const id = hash.replace(/^#\/?/, '');
  return areasFor(role).find((a) => a.id === id)?.id ?? null;
}

const ROLE_LABELS: Record<string, string> = {
  helpdesk: 'Help desk',
  moderator: 'Moderator',
  competitions: 'Competition manager',
  admin: 'Admin',
};

/** A role's name for people (Go's OperatorsAPI.Roles has the same labels; this is the offline fallback). */
export function roleLabel(role: string): string {
  return ROLE_LABELS[role] ?? role;
}
