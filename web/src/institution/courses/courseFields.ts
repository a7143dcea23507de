import type { Course, CourseRequest } from './queries';

export type CourseFields = { title: string; introduction: string; category: string | null; instructorName: string; periodDays: number | string };

export const EMPTY_FIELDS: CourseFields = { title: '', introduction: '', category: null, instructorName: '', periodDays: 30 };

export function fieldsOf(course: Course): CourseFields {
  return { title: course.title, introduction: course.introduction, category: course.category.code, instructorName: course.instructorName, periodDays: course.periodDays };
}

export type FieldProblem = 'required' | 'tooLong' | 'periodRange';

/** The institution service's rules for a course's details, checked before sending so the person sees them at once. */
export function courseFieldProblems(fields: CourseFields): Partial<Record<keyof CourseFields, FieldProblem>> {
  const problems: Partial<Record<keyof CourseFields, FieldProblem>> = {};
  const title = fields.title.trim();
  if (!title) problems.title = 'required';
  else if (title.length > 200) problems.title = 'tooLong';
  const instructor = fields.instructorName.trim();
  if (!instructor) problems.instructorName = 'required';
  else if (instructor.length > 100) problems.instructorName = 'tooLong';
  if (!fields.category) problems.category = 'required';
  if (fields.introduction.trim().length > 4000) problems.introduction = 'tooLong';
  const days = Number(fields.periodDays);
  if (fields.periodDays === '' || !Number.isInteger(days) || days < 1 || days > 365) problems.periodDays = 'periodRange';
  return problems;
}

/** The request for these fields; the cover is kept as it is unless given. */
export function courseRequest(fields: CourseFields, coverFileId: string | null): CourseRequest {
  return {
    title: fields.title.trim(), introduction: fields.introduction.trim(), category: fields.category ?? '',
    instructorName: fields.instructorName.trim(), periodDays: Number(fields.periodDays), coverFileId,
  };
}
