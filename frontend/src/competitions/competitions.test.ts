import { describe, expect, it } from 'vitest';
import {
  defaultMailbox, drawButtonLabel, folderLinkText, fromLocalInput, mailboxChoice, shortHash, splitList, statusLabel,
  toLocalInput,
} from './competitions';

describe('London times for date inputs', () => {
  it('shows a winter instant as GMT and a summer one as BST', () => {
    expect(toLocalInput('2026-01-15T12:00:00Z')).toBe('2026-01-15T12:00');
    expect(toLocalInput('2026-06-15T12:00:00Z')).toBe('2026-06-15T13:00');
  });
  it('reads an input back as the same instant', () => {
    expect(fromLocalInput('2026-06-15T13:00')).toBe('2026-06-15T12:00:00.000Z');
    expect(fromLocalInput('2026-03-31T23:59')).toBe('2026-03-31T22:59:00.000Z');
    expect(fromLocalInput('')).toBe('');
  });
  it('leaves a zero Go time empty', () => {
    expect(toLocalInput('0001-01-01T00:00:00Z')).toBe('');
  });
});

describe('words', () => {
  it('names the draw button after the action', () => {
    expect(drawButtonLabel(3, 3)).toBe('Draw 3 winners and 3 reserves');
    expect(drawButtonLabel(1, 0)).toBe('Draw 1 winner');
    expect(drawButtonLabel(1, 1)).toBe('Draw 1 winner and 1 reserve');
  });
  it('labels statuses and shortens hashes', () => {
    expect(statusLabel('committed')).toBe('List committed');
    expect(shortHash('0123456789abcdef0123')).toBe('01234567…0123');
  });
  it('splits lists', () => {
    expect(splitList('staff.example, acme.example\n\n x.example ')).toEqual(['staff.example', 'acme.example', 'x.example']);
  });
});

describe('entries by email', () => {
  it('says where entries come from, or that none do', () => {
    expect(folderLinkText({ mailbox: 'help', folder: 'Entries' })).toBe('Mails in folder Entries of mailbox help become entries at each sync');
    expect(folderLinkText({ mailbox: '', folder: '' })).toBe('Not linked');
    expect(folderLinkText(null)).toBe('Not linked');
  });
  const cases: { name: string; r: Parameters<typeof mailboxChoice>[0]; linked: string; kind: string; mailbox: string }[] = [
    { name: 'one mailbox is preselected', r: { ok: true, value: { mailboxes: [{ name: 'help' }] } }, linked: '', kind: 'list', mailbox: 'help' },
    { name: 'several: the operator chooses', r: { ok: true, value: { mailboxes: [{ name: 'a' }, { name: 'b' }] } }, linked: '', kind: 'list', mailbox: '' },
    { name: 'the linked mailbox wins', r: { ok: true, value: { mailboxes: [{ name: 'a' }, { name: 'b' }] } }, linked: 'b', kind: 'list', mailbox: 'b' },
    { name: 'none set up', r: { ok: true, value: { mailboxes: null } }, linked: '', kind: 'none', mailbox: '' },
    { name: 'the list is refused: typed', r: { ok: false }, linked: '', kind: 'type', mailbox: '' },
    { name: 'typed, already linked', r: { ok: false }, linked: 'help', kind: 'type', mailbox: 'help' },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const choice = mailboxChoice(c.r);
      expect(choice.kind).toBe(c.kind);
      expect(defaultMailbox(choice, c.linked)).toBe(c.mailbox);
    });
  }
});
