// Checks the "Add operator" form before it goes to Go.
import { NAME_PATTERN, looksLikeEmail, passphraseErrors, type FieldError } from '../lib/forms';

export interface NewOperatorForm {
  name: string;
  email: string;
  role: string;
  passphrase: string;
  confirm: string;
}

/** The ids of the form's fields, which the error summary links to. */
export const FIELD_IDS = {
  name: 'op-name',
  email: 'op-email',
  role: 'op-role',
  passphrase: 'op-passphrase',
  confirm: 'op-confirm',
} as const;

export function validateNewOperator(f: NewOperatorForm, existingNames: readonly string[] = []): FieldError[] {
  const out: FieldError[] = [];
  const name = f.name.trim();
  if (name === '') out.push({ field: FIELD_IDS.name, message: 'Enter a name' });
  else if (!NAME_PATTERN.test(name))
    out.push({
      field: FIELD_IDS.name,
      message: 'Use 1 to 40 letters, digits, dots, dashes or underscores for the name, starting with a letter or digit',
    });
  else if (existingNames.includes(name))
    out.push({ field: FIELD_IDS.name, message: `An operator named ${name} already exists` });
  const email = f.email.trim();
  if (email === '') out.push({ field: FIELD_IDS.email, message: 'Enter an email address' });
  else if (!looksLikeEmail(email))
    out.push({ field: FIELD_IDS.email, message: 'Enter an email address like name@example.org' });
  if (f.role === '') out.push({ field: FIELD_IDS.role, message: 'Choose a role' });
  out.push(...passphraseErrors(f.passphrase, f.confirm, { passphrase: FIELD_IDS.passphrase, confirm: FIELD_IDS.confirm }));
  return out;
}

/** Which field Go's refusal is about, so the error summary can link to it (the name field when unsure). */
export function fieldForServerError(message: string): string {
  const m = message.toLowerCase();
  if (m.includes('passphrase')) return FIELD_IDS.passphrase;
  if (m.includes('email')) return FIELD_IDS.email;
  if (m.startsWith('role') || m.includes(' role ')) return FIELD_IDS.role;
  return FIELD_IDS.name;
}
