import { describe, expect, it } from 'vitest';
import { rules } from './validation';

describe('sign-up rules', () => {
  it('asks for ten characters with a digit, as identity does', () => {
    expect(rules.password('short1')).toBe(false);
    expect(rules.password('longenoughbutnodigit')).toBe(false);
    expect(rules.password('Demo-pass-2026!')).toBe(true);
  });

  it('takes usernames identity takes', () => {
    expect(rules.username('kim.minsu_01')).toBe(true);
    expect(rules.username('김민수')).toBe(false);
    expect(rules.username('ab')).toBe(false);
  });

  it('takes a six-digit code with spaces around it', () => {
    expect(rules.code(' 123456 ')).toBe(true);
    expect(rules.code('12345')).toBe(false);
  });
});
