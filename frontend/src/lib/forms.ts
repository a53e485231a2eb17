// Client-side checks that mirror Go's rules, so staff hear about a slip before a round trip. Go checks
// again and its message is shown as is when it refuses.

/** A message about one field; `field` is the id of its input. */
export interface FieldError {
  field: string;
  message: string;
}

/** Go's operators.MinPassphrase. */
export const MIN_PASSPHRASE = 10;

/** Go's rule for operator names: 1 to 40 letters, digits, dots, dashes or underscores, starting with a letter or digit. */
export const NAME_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]{0,39}$/;

/** The message for a field, if any. */
export function errorFor(errors: readonly FieldError[], field: string): string | undefined {
  return errors.find((e) => e.field === field)?.message;
}

/** Checks a new passphrase typed twice. */
export function passphraseErrors(
  passphrase: string,
  confirm: string,
  ids: { passphrase: string; confirm: string },
): FieldError[] {
  const out: FieldError[] = [];
  if (passphrase === '') out.push({ field: ids.passphrase, message: 'Enter a passphrase' });
  else if ([...passphrase].length < MIN_PASSPHRASE)
    out.push({ field: ids.passphrase, message: `The passphrase must be at least ${MIN_PASSPHRASE} characters` });
  if (passphrase !== '' && confirm === '')
    out.push({ field: ids.confirm, message: 'Enter the passphrase again to confirm it' });
  else if (passphrase !== '' && confirm !== passphrase)
    out.push({ field: ids.confirm, message: 'The two passphrases do not match: type the same passphrase twice' });
  return out;
}

/** A deliberately loose email check: something@something.something, no spaces. */
export function looksLikeEmail(email: string): boolean {
  return /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email);
}
