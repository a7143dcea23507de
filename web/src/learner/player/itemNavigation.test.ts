import { describe, expect, it } from 'vitest';
import { locateItem, type EnrollmentChapter } from './itemNavigation';

const item = (id: string) => ({ id, title: id, kind: 'VIDEO', fileId: null, durationSeconds: 60, required: true, state: 'NOT_STARTED', progressPercent: 0 });
const chapters: EnrollmentChapter[] = [
  { id: 'c1', title: '1장', items: [item('a'), item('b')] },
  { id: 'c2', title: '2장', items: [] },
  { id: 'c3', title: '3장', items: [item('c')] },
];

describe('moving between items', () => {
  it('crosses chapters, skipping empty ones', () => {
    const found = locateItem(chapters, 'b')!;
    expect(found.chapter.id).toBe('c1');
    expect(found.previous?.id).toBe('a');
    expect(found.next?.id).toBe('c');
    expect(locateItem(chapters, 'c')!.previous?.id).toBe('b');
  });

  it('has no neighbour past either end', () => {
    expect(locateItem(chapters, 'a')!.previous).toBeNull();
    expect(locateItem(chapters, 'c')!.next).toBeNull();
  });

  it('finds nothing for an item the course no longer has', () => {
    expect(locateItem(chapters, 'gone')).toBeNull();
  });
});
