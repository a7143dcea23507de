import { describe, expect, it } from 'vitest';
import { rememberAttempt, rememberedAttempts } from './attemptHistory';

describe('attempts this browser remembers', () => {
  it('keeps them per person and exam, newest first, without repeats, at most twenty', () => {
    const map = new Map<string, string>();
    const storage = { getItem: (k: string) => map.get(k) ?? null, setItem: (k: string, v: string) => void map.set(k, v) } as unknown as Storage;
    rememberAttempt(storage, 'u1', 'e1', 'a1');
    rememberAttempt(storage, 'u1', 'e1', 'a2');
    rememberAttempt(storage, 'u1', 'e1', 'a1');
    expect(rememberedAttempts(storage, 'u1', 'e1')).toEqual(['a1', 'a2']);
    expect(rememberedAttempts(storage, 'u2', 'e1')).toEqual([]);
    for (let i = 0; i < 30; i++) rememberAttempt(storage, 'u1', 'e2', `x${i}`);
    expect(rememberedAttempts(storage, 'u1', 'e2')).toHaveLength(20);
    expect(rememberedAttempts(storage, 'u1', 'e2')[0]).toBe('x29');
  });

  it('reads nothing from a broken entry or no storage', () => {
    const storage = { getItem: () => '{broken' } as unknown as Storage;
    expect(rememberedAttempts(storage, 'u1', 'e1')).toEqual([]);
    expect(rememberedAttempts(undefined, 'u1', 'e1')).toEqual([]);
  });
});
