import { describe, expect, it } from 'vitest';
import { FIELD_IDS, fieldForServerError, validateNewOperator, type NewOperatorForm } from './validate';
import { passphraseErrors } from '../lib/forms';

const good: NewOperatorForm = {
  name: 'tess',
  email: 'tess@staff.example',
  role: 'moderator',
  passphrase: 'correct horse battery',
  confirm: 'correct horse battery',
};
const fields = (f: Partial<NewOperatorForm>, existing: string[] = []) =>
  validateNewOperator({ ...good, ...f }, existing).map((e) => e.field);

describe('validateNewOperator', () => {
  it('accepts a complete form', () => {
    expect(validateNewOperator(good)).toEqual([]);
  });
  it('needs a name Go will accept', () => {
    expect(fields({ name: '' })).toEqual([FIELD_IDS.name]);
    expect(fields({ name: 'two words' })).toEqual([FIELD_IDS.name]);
    expect(fields({ name: '-dash-first' })).toEqual([FIELD_IDS.name]);
    expect(fields({ name: 'a'.repeat(41) })).toEqual([FIELD_IDS.name]);
    expect(fields({ name: 'a'.repeat(40) })).toEqual([]);
    expect(fields({ name: 'mary.j_2-b' })).toEqual([]);
  });
  it('refuses a name already in the table', () => {
    const errs = validateNewOperator({ ...good, name: 'hana' }, ['admin', 'hana']);
    expect(errs).toEqual([{ field: FIELD_IDS.name, message: 'An operator named hana already exists' }]);
  });
  it('needs an email address', () => {
    expect(fields({ email: '' })).toEqual([FIELD_IDS.email]);
    expect(fields({ email: 'tess' })).toEqual([FIELD_IDS.email]);
    expect(fields({ email: 'tess@staff' })).toEqual([FIELD_IDS.email]);
  });
  it('needs a role', () => {
    expect(fields({ role: '' })).toEqual([FIELD_IDS.role]);
  });
  it('needs the passphrase twice, the same, and at least 10 characters', () => {
    expect(fields({ passphrase: 'short', confirm: 'short' })).toEqual([FIELD_IDS.passphrase]);
    expect(fields({ passphrase: '123456789', confirm: '123456789' })).toEqual([FIELD_IDS.passphrase]);
    expect(fields({ passphrase: '1234567890', confirm: '1234567890' })).toEqual([]);
    expect(fields({ confirm: 'something else' })).toEqual([FIELD_IDS.confirm]);
    expect(fields({ confirm: '' })).toEqual([FIELD_IDS.confirm]);
    expect(fields({ passphrase: '', confirm: '' })).toEqual([FIELD_IDS.passphrase]);
  });
  it('reports every problem at once, in form order', () => {
    expect(fields({ name: '', email: '', passphrase: 'x', confirm: 'y' })).toEqual([
      FIELD_IDS.name,
      FIELD_IDS.email,
      FIELD_IDS.passphrase,
      FIELD_IDS.confirm,
    ]);
  });
});

describe('passphraseErrors', () => {
  it('counts characters, not UTF-16 units', () => {
    const ids = { passphrase: 'p', confirm: 'c' };
    expect(passphraseErrors('😀😀😀😀😀', '😀😀😀😀😀', ids)).toHaveLength(1);
    expect(passphraseErrors('éééééééééé', 'éééééééééé', ids)).toEqual([]);
  });
});

describe('fieldForServerError', () => {
  it('links Go’s refusal to the field it is about', () => {
    expect(fieldForServerError('the passphrase for tess must be at least 10 characters')).toBe(FIELD_IDS.passphrase);
    expect(fieldForServerError('email for tess is not a valid address')).toBe(FIELD_IDS.email);
    expect(fieldForServerError('role "boss": choose helpdesk, moderator, competitions or admin')).toBe(FIELD_IDS.role);
    expect(fieldForServerError('an operator named tess already exists')).toBe(FIELD_IDS.name);
    expect(fieldForServerError('something unexpected')).toBe(FIELD_IDS.name);
  });
});
