// Pure helpers of the Exports screen: labels, the 48-hour promise and the fields a request may choose.

/** Words for a request's status, one or two each. */
export function statusLabel(status: string): string {
  switch (status) {
    case 'pending':
      return 'Waiting for approval';
    case 'approved':
      return 'Approved, ready to run';
    case 'refused':
      return 'Refused';
    case 'done':
      return 'Exported';
  }
  return status;
}

/** An age in hours as people say it: "35 min", "5 h", "2 days 3 h". */
export function ageText(hours: number): string {
  if (hours < 1) return `${Math.max(0, Math.round(hours * 60))} min`;
  if (hours < 48) return `${Math.floor(hours)} h`;
  const days = Math.floor(hours / 24);
  const rest = Math.floor(hours - days * 24);
  return rest > 0 ? `${days} days ${rest} h` : `${days} days`;
}

/** What is left of the 48-hour promise, or how far past it a request is. */
export function promiseText(ageHours: number, done: boolean): string {
  const left = 48 - ageHours;
  if (done) return ageHours > 48 ? `done ${ageText(ageHours - 48)} late` : 'done in time';
  if (left < 0) return `${ageText(-left)} overdue`;
  return `${ageText(left)} left`;
}

/** The catalogue fields of a partner, in catalogue order, with their labels. */
export function entitledFields<F extends { key: string; label: string }>(catalogue: F[], fields: string[]): F[] {
  return catalogue.filter((f) => fields.includes(f.key));
}

/** A purpose for people: "sponsor_sharing:acme" reads "Sharing with sponsor acme". */
export function purposeLabel(purpose: string): string {
  const [kind, id] = purpose.split(':', 2);
  switch (kind) {
    case 'newsletter':
      return 'Newsletters';
    case 'partner_emails':
      return 'Partner emails';
    case 'sponsor_sharing':
      return `Sharing with sponsor ${id}`;
    case 'survey_sharing':
      return `Survey ${id}: sharing answers with its third party`;
    case 'survey_sensitive':
      return `Survey ${id}: sensitive answers`;
    case 'competition_entry':
      return `Entry to competition ${id}`;
  }
  return purpose;
}
