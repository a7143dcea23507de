import type { Announcements, ScreenReaderInstructions } from '@dnd-kit/core';
import type { TFunction } from 'i18next';

type Named = { key: string; title: string };

/**
 * What a screen reader hears while a chapter or an item is moved (dnd-kit says it through its live region): what was
 * picked up, where it is over, where it was dropped, in the reader's language and counted from 1.
 */
export function sortAnnouncements(t: TFunction, what: 'chapter' | 'item', list: readonly Named[]): Announcements {
  const position = (id: string | number | undefined) => list.findIndex((entry) => entry.key === id) + 1;
  const title = (id: string | number) => list.find((entry) => entry.key === id)?.title || t('instCourses:builder.untitled');
  const kind = t(`instCourses:builder.dnd.${what}`);
  return {
    onDragStart: ({ active }) => t('instCourses:builder.dnd.start', { kind, title: title(active.id), position: position(active.id), count: list.length }),
    onDragOver: ({ active, over }) => over
      ? t('instCourses:builder.dnd.over', { kind, title: title(active.id), position: position(over.id), count: list.length })
      : t('instCourses:builder.dnd.outside', { kind, title: title(active.id) }),
    onDragEnd: ({ active, over }) => over
      ? t('instCourses:builder.dnd.end', { kind, title: title(active.id), position: position(over.id), count: list.length })
      : t('instCourses:builder.dnd.cancel', { kind, title: title(active.id) }),
    onDragCancel: ({ active }) => t('instCourses:builder.dnd.cancel', { kind, title: title(active.id) }),
  };
}

export function sortInstructions(t: TFunction): ScreenReaderInstructions {
  return { draggable: t('instCourses:builder.dnd.instructions') };
}
