import { describe, expect, it } from 'vitest';
import { normalizeCode, verifyUrl } from './verification';

describe('verification codes', () => {
  it('accept a code as typed, trimmed and lower-cased', () => {
    expect(normalizeCode('  3F2A9C0D1E4B5A6978877665544332211  ')).toBe('3f2a9c0d1e4b5a6978877665544332211');
    expect(normalizeCode('3f2a 9c0d')).toBe('3f2a9c0d');
  });

  it('take the code out of a pasted verification address', () => {
    expect(normalizeCode('https://lms.example/app/verify/abc123DEF')).toBe('abc123def');
    expect(normalizeCode('http://127.0.0.1:8080/app/verify/abc123?x=1#top')).toBe('abc123');
  });

  it('make the public address on the app\'s origin and base path', () => {
    expect(verifyUrl('abc123', 'https://lms.example', '/app/')).toBe('https://lms.example/app/verify/abc123');
    expect(verifyUrl('a/b', 'https://lms.example', '/app')).toBe('https://lms.example/app/verify/a%2Fb');
  });
});
