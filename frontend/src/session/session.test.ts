import { beforeEach, describe, expect, it, vi } from 'vitest';

const state = vi.fn();
vi.mock('../wailsjs/go/app/SessionAPI', () => ({
  State: () => state(),
  Unlock: vi.fn(),
  Lock: vi.fn(),
  Touch: vi.fn(),
}));
vi.mock('../wailsjs/runtime/runtime', () => ({ EventsOn: vi.fn() }));

const { session } = await import('./session.svelte');

const open = { unlocked: true, autoLockMinutes: 30, operator: { id: 1, role: 'admin' }, operatorNames: ['a'] };
const shut = { unlocked: false, autoLockMinutes: 0, operator: { id: 0, role: '' }, operatorNames: ['a'] };

describe('session.confirmLocked', () => {
  beforeEach(async () => {
    state.mockResolvedValue(open);
    session.lockReason = null;
    await session.refresh();
  });

  const cases: { name: string; calls: ('locked' | 'idle')[]; want: string | null }[] = [
    { name: 'a call meeting the lock says it was locked', calls: ['locked'], want: 'locked' },
    { name: "Go's idle event says why", calls: ['idle'], want: 'idle' },
    { name: 'the idle event after a background call refines the reason', calls: ['locked', 'idle'], want: 'idle' },
    { name: 'a later background call keeps the idle reason', calls: ['idle', 'locked'], want: 'idle' },
  ];
  for (const c of cases) {
    it(c.name, async () => {
      state.mockResolvedValue(shut);
      for (const r of c.calls) await session.confirmLocked(r);
      expect(session.unlocked).toBe(false);
      expect(session.lockReason).toBe(c.want);
    });
  }

  it('the idle reason stays when a background call that met the lock is answered last', async () => {
    let answerLocked: (v: typeof shut) => void = () => {};
    state.mockImplementationOnce(() => new Promise((res) => (answerLocked = res)));
    state.mockResolvedValueOnce(shut);
    const background = session.confirmLocked('locked');
    await session.confirmLocked('idle');
    answerLocked(shut);
    await background;
    expect(session.lockReason).toBe('idle');
  });

  it('unlocking again clears the reason', async () => {
    state.mockResolvedValue(shut);
    await session.confirmLocked('idle');
    state.mockResolvedValue(open);
    await session.refresh();
    state.mockResolvedValue(shut);
    await session.confirmLocked('locked');
    expect(session.lockReason).toBe('locked');
  });

  it('an idle event after the operator locked on purpose shows no reason', async () => {
    state.mockResolvedValue(shut);
    await session.refresh();
    await session.confirmLocked('idle');
    expect(session.lockReason).toBe(null);
  });

  it('nothing changes while Go says the session is open', async () => {
    await session.confirmLocked('idle');
    expect(session.unlocked).toBe(true);
    expect(session.lockReason).toBe(null);
  });
});
