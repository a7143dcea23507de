import type { TFunction } from 'i18next';
import { describe, expect, it } from 'vitest';
import { sortAnnouncements } from './announcements';

const t = ((key: string, options?: Record<string, unknown>) => options ? `${key} ${JSON.stringify(options)}` : key) as unknown as TFunction;
const list = [{ key: 'a', title: '오리엔테이션' }, { key: 'b', title: '' }, { key: 'c', title: '정리' }];
const entry = (id: string) => ({ id, data: { current: undefined }, rect: { current: { initial: null, translated: null } } });

describe('sortAnnouncements', () => {
  it('counts positions from 1 and names what moves', () => {
    const say = sortAnnouncements(t, 'item', list);
    expect(say.onDragStart({ active: entry('a') } as never)).toContain('"title":"오리엔테이션","position":1,"count":3');
    expect(say.onDragOver({ active: entry('a'), over: entry('c') } as never)).toContain('"position":3');
    expect(say.onDragEnd({ active: entry('a'), over: entry('c') } as never)).toContain('builder.dnd.end');
  });

  it('gives an untitled entry a name and says when a move was cancelled', () => {
    const say = sortAnnouncements(t, 'chapter', list);
    expect(say.onDragStart({ active: entry('b') } as never)).toContain('"title":"instCourses:builder.untitled"');
    expect(say.onDragCancel({ active: entry('a'), over: null } as never)).toContain('builder.dnd.cancel');
  });
});
