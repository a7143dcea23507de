import { describe, expect, it } from 'vitest';
import type { components } from '../../api/generated/student';
import { recordingItem } from './recordingItem';

type Item = components['schemas']['EnrollmentItem'];
const item = (id: string, title: string, kind = 'VIDEO', fileId: string | null = `file-${id}`): Item =>
  ({ id, title, kind, fileId, durationSeconds: 60, progressPercent: 0, required: false, state: 'NOT_STARTED' });
const enrollment = (...items: Item[]) => ({
  id: 'e', courseId: 'c', courseProvideId: 'p', courseTitle: '과정', institutionName: '기관', beginDate: '2026-12-01', endDate: '2026-12-31',
  state: 'ACTIVE', progressPercent: 0, completedAt: null, completionRule: null, missingForCompletion: [],
  chapters: [{ id: 'ch', title: '장', items }],
});

describe('the recording a course offers', () => {
  it('is the course\'s one video titled as the session', () => {
    expect(recordingItem(enrollment(item('a', '안내', 'OTHER', null), item('b', '실시간 특강 ')), '실시간 특강')?.id).toBe('b');
  });

  it('is nothing when no video has the title, or when two do', () => {
    expect(recordingItem(enrollment(item('a', '다른 영상')), '실시간 특강')).toBeNull();
    expect(recordingItem(enrollment(item('a', '실시간 특강', 'DOCUMENT')), '실시간 특강')).toBeNull();
    expect(recordingItem(enrollment(item('a', '실시간 특강'), item('b', '실시간 특강')), '실시간 특강')).toBeNull();
  });
});
