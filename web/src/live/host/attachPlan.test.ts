import { describe, expect, it } from 'vitest';
import type { components } from '../../api/generated/institution';
import { findAttached, withRecording } from './attachPlan';

type Structure = components['schemas']['StructureResponse'];
const structure: Structure = {
  courseId: 'c', version: 3,
  chapters: [
    { id: 'ch2', title: '둘째 장', position: 1, items: [{ id: 'i3', title: '문서', kind: 'DOCUMENT', fileId: 'f3', required: true, position: 0, durationSeconds: null }] },
    { id: 'ch1', title: '첫째 장', position: 0, items: [
      { id: 'i2', title: '영상 2', kind: 'VIDEO', fileId: 'f2', required: true, position: 1, durationSeconds: 60 },
      { id: 'i1', title: '안내', kind: 'OTHER', fileId: null, required: false, position: 0, durationSeconds: null },
    ] },
  ],
};
const attachment = { fileId: 'rec', title: ' 실시간 특강 ', required: false, newChapterTitle: '실시간 강의 다시보기' };

describe('attaching a recording to the course', () => {
  it('adds it at the end of the chosen chapter, keeping every chapter and item with its id, in order', () => {
    const plan = withRecording(structure, { ...attachment, chapterId: 'ch1' });
    expect(plan.chapters.map((c) => c.id)).toEqual(['ch1', 'ch2']);
    expect(plan.chapters[0].items).toEqual([
      { id: 'i1', title: '안내', kind: 'OTHER', fileId: null, required: false },
      { id: 'i2', title: '영상 2', kind: 'VIDEO', fileId: 'f2', required: true },
      { id: null, title: '실시간 특강', kind: 'VIDEO', fileId: 'rec', required: false },
    ]);
    expect(plan.chapters[1].items).toHaveLength(1);
  });

  it('opens a new chapter at the end when asked (or when the chosen one is gone)', () => {
    for (const chapterId of [null, 'vanished']) {
      const plan = withRecording(structure, { ...attachment, chapterId });
      expect(plan.chapters).toHaveLength(3);
      expect(plan.chapters[2]).toEqual({ id: null, title: '실시간 강의 다시보기', items: [{ id: null, title: '실시간 특강', kind: 'VIDEO', fileId: 'rec', required: false }] });
    }
  });

  it('finds where a file already sits', () => {
    expect(findAttached(structure, 'f2')).toEqual({ chapter: '첫째 장', item: '영상 2' });
    expect(findAttached(structure, 'rec')).toBeNull();
  });
});
