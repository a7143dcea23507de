import { describe, expect, it } from 'vitest';
import { courseFieldProblems, courseRequest, EMPTY_FIELDS } from './courseFields';

const good = { title: '개인정보보호 기초', introduction: '', category: 'WORKPLACE_BASICS', instructorName: '김강사', periodDays: 30 };

describe('courseFieldProblems', () => {
  it('accepts a course with its title, category, instructor and a period of 1 to 365 days', () => {
    expect(courseFieldProblems(good)).toEqual({});
    expect(courseFieldProblems({ ...good, periodDays: 365 })).toEqual({});
  });

  it('names each missing or out-of-range field', () => {
    expect(courseFieldProblems(EMPTY_FIELDS)).toEqual({ title: 'required', instructorName: 'required', category: 'required' });
    expect(courseFieldProblems({ ...good, periodDays: 0 }).periodDays).toBe('periodRange');
    expect(courseFieldProblems({ ...good, periodDays: 366 }).periodDays).toBe('periodRange');
    expect(courseFieldProblems({ ...good, periodDays: 1.5 }).periodDays).toBe('periodRange');
    expect(courseFieldProblems({ ...good, periodDays: '' }).periodDays).toBe('periodRange');
    expect(courseFieldProblems({ ...good, title: '가'.repeat(201) }).title).toBe('tooLong');
    expect(courseFieldProblems({ ...good, title: '   ' }).title).toBe('required');
  });
});

describe('courseRequest', () => {
  it('sends the fields trimmed, with the cover given', () => {
    expect(courseRequest({ ...good, title: ' 제목 ', periodDays: '14' }, 'f1')).toEqual({
      title: '제목', introduction: '', category: 'WORKPLACE_BASICS', instructorName: '김강사', periodDays: 14, coverFileId: 'f1',
    });
  });
});
