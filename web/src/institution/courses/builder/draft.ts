import type { components } from '../../../api/generated/institution';
import type { ItemKind } from '../../uploads/fileRules';

type Structure = components['schemas']['StructureResponse'];
type StructureRequest = components['schemas']['StructureRequest'];

/** An item as the builder edits it: `key` stays the same from the first keystroke to long after it is saved. */
export type DraftItem = { key: string; id: string | null; title: string; kind: ItemKind; required: boolean; fileId: string | null; durationSeconds: number | null };
export type DraftChapter = { key: string; id: string | null; title: string; items: DraftItem[] };
export type Draft = DraftChapter[];

export function newKey(): string {
  return `new-${crypto.randomUUID()}`;
}

export function fromStructure(structure: Structure): Draft {
  return [...structure.chapters].sort((a, b) => a.position - b.position).map((chapter) => ({
    key: chapter.id, id: chapter.id, title: chapter.title,
    items: [...chapter.items].sort((a, b) => a.position - b.position).map((item) => ({
      key: item.id, id: item.id, title: item.title, kind: item.kind as ItemKind, required: item.required, fileId: item.fileId, durationSeconds: item.durationSeconds,
    })),
  }));
}

/** The body of the one atomic save: every chapter and item in the order shown, ids for those kept. */
export function toPlan(draft: Draft): StructureRequest {
  return {
    chapters: draft.map((chapter) => ({
      id: chapter.id, title: chapter.title.trim(),
      items: chapter.items.map((item) => ({ id: item.id, title: item.title.trim(), kind: item.kind, fileId: item.fileId, required: item.required })),
    })),
  };
}

/** Whether two structures say the same (ids, titles, kinds, files, order), whatever their versions. */
export function sameStructure(a: Draft, b: Draft): boolean {
  return JSON.stringify(toPlan(a)) === JSON.stringify(toPlan(b));
}

/** After a save: the ids the service gave the new chapters and items (its answer keeps the order sent), keys kept. */
export function adoptIds(draft: Draft, saved: Structure): Draft {
  const chapters = [...saved.chapters].sort((a, b) => a.position - b.position);
  return draft.map((chapter, c) => {
    const savedChapter = chapters[c];
    const items = savedChapter ? [...savedChapter.items].sort((a, b) => a.position - b.position) : [];
    return {
      ...chapter, id: savedChapter?.id ?? chapter.id,
      items: chapter.items.map((item, i) => ({ ...item, id: items[i]?.id ?? item.id, durationSeconds: items[i]?.durationSeconds ?? item.durationSeconds })),
    };
  });
}

/**
 * My draft made to apply over theirs: a chapter or item of mine whose id they removed is sent as new (no id), so
 * overwriting their version keeps everything I see rather than failing on ids that no longer exist.
 */
export function rebaseOnto(draft: Draft, theirs: Structure): Draft {
  const chapterIds = new Set(theirs.chapters.map((c) => c.id));
  const itemIds = new Set(theirs.chapters.flatMap((c) => c.items.map((i) => i.id)));
  return draft.map((chapter) => ({
    ...chapter, id: chapter.id && chapterIds.has(chapter.id) ? chapter.id : null,
    items: chapter.items.map((item) => ({ ...item, id: item.id && itemIds.has(item.id) ? item.id : null })),
  }));
}

export function move<T>(list: readonly T[], from: number, to: number): T[] {
  if (from === to || from < 0 || to < 0 || from >= list.length || to >= list.length) return [...list];
  const next = [...list];
  const [moved] = next.splice(from, 1);
  next.splice(to, 0, moved);
  return next;
}

export function moveChapter(draft: Draft, fromKey: string, toKey: string): Draft {
  return move(draft, draft.findIndex((c) => c.key === fromKey), draft.findIndex((c) => c.key === toKey));
}

export function moveItem(draft: Draft, chapterKey: string, fromKey: string, toKey: string): Draft {
  return draft.map((chapter) => chapter.key !== chapterKey ? chapter : {
    ...chapter, items: move(chapter.items, chapter.items.findIndex((i) => i.key === fromKey), chapter.items.findIndex((i) => i.key === toKey)),
  });
}

/** Moves an item to the end of another chapter. */
export function moveItemToChapter(draft: Draft, itemKey: string, toChapterKey: string): Draft {
  const item = draft.flatMap((c) => c.items).find((i) => i.key === itemKey);
  if (!item || !draft.some((c) => c.key === toChapterKey)) return draft;
  return draft.map((chapter) => {
    const without = chapter.items.filter((i) => i.key !== itemKey);
    return { ...chapter, items: chapter.key === toChapterKey ? [...without, item] : without };
  });
}

export function updateChapter(draft: Draft, key: string, change: Partial<Pick<DraftChapter, 'title'>>): Draft {
  return draft.map((chapter) => chapter.key === key ? { ...chapter, ...change } : chapter);
}

export function updateItem(draft: Draft, key: string, change: Partial<Omit<DraftItem, 'key' | 'id'>>): Draft {
  return draft.map((chapter) => ({ ...chapter, items: chapter.items.map((item) => item.key === key ? { ...item, ...change } : item) }));
}

export function removeChapter(draft: Draft, key: string): Draft {
  return draft.filter((chapter) => chapter.key !== key);
}

export function removeItem(draft: Draft, key: string): Draft {
  return draft.map((chapter) => ({ ...chapter, items: chapter.items.filter((item) => item.key !== key) }));
}

export function addChapter(draft: Draft, title: string, key = newKey()): Draft {
  return [...draft, { key, id: null, title, items: [] }];
}

export function addItem(draft: Draft, chapterKey: string, title: string, kind: ItemKind, key = newKey()): Draft {
  return draft.map((chapter) => chapter.key !== chapterKey ? chapter : {
    ...chapter, items: [...chapter.items, { key, id: null, title, kind, required: true, fileId: null, durationSeconds: null }],
  });
}

/** What the builder keeps in the tab's `sessionStorage` so a reload keeps unsaved work (and uploads find their items). */
export type StoredDraft = { courseId: string; etag: string | null; base: Draft; draft: Draft };

const draftKey = (courseId: string) => `lms.builder.${courseId}`;

export function storeDraft(stored: StoredDraft, storage: Pick<Storage, 'setItem'> = sessionStorage): void {
  storage.setItem(draftKey(stored.courseId), JSON.stringify(stored));
}

export function storedDraft(courseId: string, storage: Pick<Storage, 'getItem'> = sessionStorage): StoredDraft | null {
  try {
    const value = JSON.parse(storage.getItem(draftKey(courseId)) ?? 'null') as StoredDraft | null;
    return value && value.courseId === courseId && Array.isArray(value.draft) && Array.isArray(value.base) ? value : null;
  } catch {
    return null;
  }
}

export function dropDraft(courseId: string, storage: Pick<Storage, 'removeItem'> = sessionStorage): void {
  storage.removeItem(draftKey(courseId));
}

/** Edits made while a save was under way keep going: chapters and items the save created take their new ids by key. */
export function withIdsOf(current: Draft, saved: Draft): Draft {
  const ids = new Map<string, string | null>();
  saved.forEach((chapter) => {
    ids.set(chapter.key, chapter.id);
    chapter.items.forEach((item) => ids.set(item.key, item.id));
  });
  return current.map((chapter) => ({
    ...chapter, id: chapter.id ?? ids.get(chapter.key) ?? null,
    items: chapter.items.map((item) => ({ ...item, id: item.id ?? ids.get(item.key) ?? null })),
  }));
}
