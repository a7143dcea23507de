import { describe, expect, it } from 'vitest';
import { csvFileName } from './csvFileName';

describe('csvFileName', () => {
  it('prefers the Korean name the services send as filename*', () => {
    const header = "attachment; filename=monthly-2026.csv; filename*=UTF-8''%EC%9B%94%EB%B3%84_%ED%86%B5%EA%B3%84_2026.csv";
    expect(csvFileName(header, 'x.csv')).toBe('월별_통계_2026.csv');
  });

  it('takes the plain name, quoted or not, when there is no filename*', () => {
    expect(csvFileName('attachment; filename="ratings.csv"', 'x.csv')).toBe('ratings.csv');
    expect(csvFileName('attachment; filename=ratings.csv', 'x.csv')).toBe('ratings.csv');
  });

  it('falls back when the header is missing or its escape is malformed', () => {
    expect(csvFileName(null, 'fallback.csv')).toBe('fallback.csv');
    expect(csvFileName("attachment; filename*=UTF-8''%E0%A4%A", 'fallback.csv')).toBe('fallback.csv');
    expect(csvFileName("attachment; filename=a.csv; filename*=UTF-8''%E0%A4%A", 'fallback.csv')).toBe('a.csv');
  });

  it('never lets a name climb out of the downloads folder', () => {
    expect(csvFileName("attachment; filename*=UTF-8''..%2F..%2Fevil.csv", 'x.csv')).toBe('_.._evil.csv');
    expect(csvFileName('attachment; filename="a/b\\c.csv"', 'x.csv')).toBe('a_b_c.csv');
  });
});
