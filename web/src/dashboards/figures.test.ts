import { describe, expect, it } from 'vitest';
import { figure, nothingToShow } from './figures';

describe('nothingToShow', () => {
  const rows = [{ month: '2026-01', learners: 0, companies: 0 }, { month: '2026-02', learners: 0, companies: 0 }];

  it('is true for no rows and for rows of zeros', () => {
    expect(nothingToShow([], ['learners'])).toBe(true);
    expect(nothingToShow(rows, ['learners', 'companies'])).toBe(true);
  });

  it('is false as soon as one figure is not zero', () => {
    expect(nothingToShow([...rows, { month: '2026-03', learners: 2, companies: 0 }], ['learners', 'companies'])).toBe(false);
  });

  it('counts a missing average as nothing', () => {
    expect(nothingToShow([{ average: null as number | null }], ['average'])).toBe(true);
  });
});

describe('figure', () => {
  it('shows at most two decimals, grouped', () => {
    expect(figure(1234.567, 'ko')).toBe('1,234.57');
    expect(figure(25, 'en')).toBe('25');
  });

  it('has nothing for a missing value', () => {
    expect(figure(null, 'ko')).toBeNull();
  });
});
