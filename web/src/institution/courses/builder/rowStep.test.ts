import { describe, expect, it } from 'vitest';
import { rowStep } from './SortableList';

const rows = [
  { id: 'c', rect: { top: 700, height: 100 } },
  { id: 'a', rect: { top: 0, height: 400 } },
  { id: 'b', rect: { top: 420, height: 200 } },
];

describe('a keyboard step in a sortable list', () => {
  it('goes from the row it is over to the neighbour, by the distance between their centres', () => {
    expect(rowStep(rows, 'c', -1)).toBe(520 - 750);
    expect(rowStep(rows, 'b', -1)).toBe(200 - 520);
    expect(rowStep(rows, 'a', 1)).toBe(520 - 200);
  });

  it('stops at either end', () => {
    expect(rowStep(rows, 'a', -1)).toBeNull();
    expect(rowStep(rows, 'c', 1)).toBeNull();
    expect(rowStep(rows, 'missing', 1)).toBeNull();
  });
});
