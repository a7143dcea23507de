import { describe, expect, it } from 'vitest';
import {
  addChapter, addItem, adoptIds, dropDraft, fromStructure, moveChapter, moveItem, moveItemToChapter, rebaseOnto, removeItem,
  sameStructure, storeDraft, storedDraft, toPlan, updateItem, withIdsOf, type Draft,
} from './draft';

const structure = {
  courseId: 'course', version: 3,
  chapters: [
    { id: 'c2', title: '2장', position: 2, items: [] },
    { id: 'c1', title: '1장', position: 1, items: [
      { id: 'i2', title: '둘', kind: 'VIDEO', fileId: 'f2', durationSeconds: 60, required: true, position: 2 },
      { id: 'i1', title: '하나', kind: 'OTHER', fileId: null, durationSeconds: null, required: false, position: 1 },
    ] },
  ],
};

describe('fromStructure and toPlan', () => {
  it('reads chapters and items in their positions and sends them back in the order shown, with ids', () => {
    const draft = fromStructure(structure);
    expect(draft.map((c) => c.title)).toEqual(['1장', '2장']);
    expect(draft[0].items.map((i) => i.title)).toEqual(['하나', '둘']);
    expect(toPlan(draft)).toEqual({ chapters: [
      { id: 'c1', title: '1장', items: [
        { id: 'i1', title: '하나', kind: 'OTHER', fileId: null, required: false },
        { id: 'i2', title: '둘', kind: 'VIDEO', fileId: 'f2', required: true },
      ] },
      { id: 'c2', title: '2장', items: [] },
    ] });
  });
});

describe('moving', () => {
  const draft = fromStructure(structure);

  it('reorders chapters and items within a chapter', () => {
    expect(moveChapter(draft, 'c2', 'c1').map((c) => c.key)).toEqual(['c2', 'c1']);
    expect(moveItem(draft, 'c1', 'i2', 'i1')[0].items.map((i) => i.key)).toEqual(['i2', 'i1']);
    expect(moveItem(draft, 'c1', 'i2', 'missing')[0].items.map((i) => i.key)).toEqual(['i1', 'i2']);
  });

  it('moves an item to the end of another chapter', () => {
    const moved = moveItemToChapter(draft, 'i1', 'c2');
    expect(moved[0].items.map((i) => i.key)).toEqual(['i2']);
    expect(moved[1].items.map((i) => i.key)).toEqual(['i1']);
  });

  it('is a change the builder can tell from the saved structure', () => {
    expect(sameStructure(draft, fromStructure(structure))).toBe(true);
    expect(sameStructure(moveChapter(draft, 'c2', 'c1'), draft)).toBe(false);
    expect(sameStructure(updateItem(draft, 'i1', { required: true }), draft)).toBe(false);
  });
});

describe('adoptIds', () => {
  it('takes the ids of new chapters and items from the save\'s answer, keeping their keys', () => {
    let draft: Draft = addChapter([], '새 장', 'k-c');
    draft = addItem(draft, 'k-c', '새 항목', 'VIDEO', 'k-i');
    const adopted = adoptIds(draft, { courseId: 'course', version: 4, chapters: [
      { id: 'C', title: '새 장', position: 1, items: [{ id: 'I', title: '새 항목', kind: 'VIDEO', fileId: 'f', durationSeconds: 7, required: true, position: 1 }] },
    ] });
    expect(adopted[0]).toMatchObject({ key: 'k-c', id: 'C' });
    expect(adopted[0].items[0]).toMatchObject({ key: 'k-i', id: 'I', durationSeconds: 7 });
  });
});

describe('rebaseOnto', () => {
  it('sends as new what the other save removed, so overwriting keeps everything shown', () => {
    const mine = fromStructure(structure);
    const theirs = { courseId: 'course', version: 5, chapters: [{ id: 'c1', title: '1장', position: 1, items: [
      { id: 'i1', title: '하나', kind: 'OTHER', fileId: null, durationSeconds: null, required: false, position: 1 },
    ] }] };
    const rebased = rebaseOnto(mine, theirs);
    expect(rebased.map((c) => c.id)).toEqual(['c1', null]);
    expect(rebased[0].items.map((i) => i.id)).toEqual(['i1', null]);
    expect(rebased[0].items[1].key).toBe('i2');
  });
});

describe('removeItem', () => {
  it('takes the item out wherever it is', () => {
    expect(removeItem(fromStructure(structure), 'i2')[0].items.map((i) => i.key)).toEqual(['i1']);
  });
});

describe('stored drafts', () => {
  it('keeps the tab\'s unsaved work per course', () => {
    const values = new Map<string, string>();
    const storage = { getItem: (k: string) => values.get(k) ?? null, setItem: (k: string, v: string) => void values.set(k, v), removeItem: (k: string) => void values.delete(k) };
    const draft = fromStructure(structure);
    storeDraft({ courseId: 'course', etag: '"3"', base: draft, draft }, storage);
    expect(storedDraft('course', storage)?.etag).toBe('"3"');
    expect(storedDraft('other', storage)).toBeNull();
    dropDraft('course', storage);
    expect(storedDraft('course', storage)).toBeNull();
  });
});

describe('withIdsOf', () => {
  it('gives edits made during a save the ids that save created', () => {
    const sent = addItem(addChapter([], '새 장', 'k-c'), 'k-c', '항목', 'OTHER', 'k-i');
    const saved = adoptIds(sent, { courseId: 'course', version: 2, chapters: [
      { id: 'C', title: '새 장', position: 1, items: [{ id: 'I', title: '항목', kind: 'OTHER', fileId: null, durationSeconds: null, required: true, position: 1 }] },
    ] });
    const current = addItem(updateItem(sent, 'k-i', { title: '바뀐 항목' }), 'k-c', '또 하나', 'OTHER', 'k-j');
    const merged = withIdsOf(current, saved);
    expect(merged[0].id).toBe('C');
    expect(merged[0].items.map((i) => [i.id, i.title])).toEqual([['I', '바뀐 항목'], [null, '또 하나']]);
  });
});
