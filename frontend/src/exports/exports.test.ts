import { describe, expect, it } from 'vitest';
import { ageText, entitledFields, promiseText, purposeLabel, statusLabel } from './exports';

describe('exports helpers', () => {
  it('says ages as people do', () => {
    expect(ageText(0.5)).toBe('30 min');
    expect(ageText(5.9)).toBe('5 h');
    expect(ageText(50)).toBe('2 days 2 h');
    expect(ageText(72)).toBe('3 days');
  });
  it('measures the 48-hour promise', () => {
    expect(promiseText(2, false)).toBe('46 h left');
    expect(promiseText(50, false)).toBe('2 h overdue');
    expect(promiseText(10, true)).toBe('done in time');
    expect(promiseText(60, true)).toBe('done 12 h late');
  });
  it('keeps only entitled fields, in catalogue order', () => {
    const cat = [{ key: 'first_name', label: 'First name' }, { key: 'email', label: 'Email' }, { key: 'phone', label: 'Phone' }];
    expect(entitledFields(cat, ['phone', 'first_name']).map((f) => f.key)).toEqual(['first_name', 'phone']);
  });
  it('names purposes and statuses', () => {
    expect(purposeLabel('sponsor_sharing:acme-prams')).toBe('Sharing with sponsor acme-prams');
    expect(purposeLabel('newsletter')).toBe('Newsletters');
    expect(statusLabel('pending')).toBe('Waiting for approval');
  });
});
