import { describe, expect, it } from 'vitest';
import { safeReturnTo } from './RequireAuth';

describe('safeReturnTo', () => {
  it('keeps a page of the app', () => {
    expect(safeReturnTo('/courses/42?tab=board')).toBe('/courses/42?tab=board');
  });

  it('refuses another site, a scheme or nothing', () => {
    expect(safeReturnTo('//evil.example/x')).toBe('/');
    expect(safeReturnTo('/\\evil.example')).toBe('/');
    expect(safeReturnTo('https://evil.example')).toBe('/');
    expect(safeReturnTo('javascript:alert(1)')).toBe('/');
    expect(safeReturnTo(null)).toBe('/');
  });
});
