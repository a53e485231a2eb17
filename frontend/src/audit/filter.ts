// The audit view's filter bar values and how they become Go's audit.Filter.

/** What the filter bar holds: strings straight from its fields. */
export interface AuditFilterValues {
  action: string;
  operatorId: string;
  objectId: string;
  from: string;
  to: string;
}

export function emptyFilter(): AuditFilterValues {
  return { action: '', operatorId: '', objectId: '', from: '', to: '' };
}

export function filterActive(f: AuditFilterValues): boolean {
  return Object.values(f).some((v) => v.trim() !== '');
}

/** The fields as Go's audit.Filter: dates are local days, "to" includes its whole day. */
export function toFilter(f: AuditFilterValues): Record<string, unknown> {
  const day = (s: string, plus: number) => {
    const d = new Date(`${s}T00:00:00`);
    d.setDate(d.getDate() + plus);
    return d.toISOString();
  };
  return {
    action: f.action,
    operatorId: f.operatorId,
    objectId: f.objectId.trim(),
    from: f.from ? day(f.from, 0) : undefined,
    to: f.to ? day(f.to, 1) : undefined,
  };
}

/** The areas (action prefixes) that appear in a list of actions: "privacy" for "privacy.erase". */
export function areasOf(actions: string[]): string[] {
  return [...new Set(actions.map((a) => a.split('.')[0]))].sort();
}
