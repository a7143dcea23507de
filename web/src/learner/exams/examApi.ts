import { api } from '../../api/clients';
import { call } from '../../api/call';
import type { components } from '../../api/generated/student';
import { serverOffsetMs } from './countdown';

export type EnrollmentExam = components['schemas']['EnrollmentExam'];
export type AttemptView = components['schemas']['AttemptView'];
export type QuestionView = components['schemas']['QuestionView'];

/** An attempt with how far the server's clock was ahead of this device's when it answered. */
export type TimedAttempt = { attempt: AttemptView; offsetMs: number };

// The enrollment and its exams under the same keys as the course room's, so both pages share one copy and a graded
// attempt refreshes the room's exam list too.
export const examKeys = {
  list: (enrollmentId: string) => ['student', 'enrollment', enrollmentId, 'exams'] as const,
  enrollment: (enrollmentId: string) => ['student', 'enrollment', enrollmentId] as const,
  attempt: (attemptId: string) => ['student', 'attempts', attemptId] as const,
};

export function fetchExams(enrollmentId: string) {
  return call(api.student.GET('/student/v1/enrollments/{id}/exams', { params: { path: { id: enrollmentId } } }));
}

export function fetchEnrollment(enrollmentId: string) {
  return call(api.student.GET('/student/v1/enrollments/{id}', { params: { path: { id: enrollmentId } } }));
}

async function timed(request: () => Promise<{ data?: AttemptView; error?: unknown; response: Response }>): Promise<TimedAttempt> {
  const sentAt = Date.now();
  let dateHeader: string | null = null;
  const attempt = await call(request().then((result) => {
    dateHeader = result.response.headers.get('date');
    return result;
  }));
  return { attempt, offsetMs: serverOffsetMs(dateHeader, sentAt, Date.now()) };
}

export function fetchAttempt(attemptId: string): Promise<TimedAttempt> {
  return timed(() => api.student.GET('/student/v1/attempts/{id}', { params: { path: { id: attemptId } } }));
}

export function startAttempt(examId: string): Promise<TimedAttempt> {
  return timed(() => api.student.POST('/student/v1/exams/{examId}/attempts', { params: { path: { examId } } }));
}

export function submitAttempt(attemptId: string): Promise<TimedAttempt> {
  return timed(() => api.student.POST('/student/v1/attempts/{id}/submit', { params: { path: { id: attemptId } } }));
}

export function saveAnswers(attemptId: string, answers: components['schemas']['AnswerRequest'][], keepalive = false) {
  // keepalive lets the last save of a closing page finish after the page is gone.
  return call(api.student.PUT('/student/v1/attempts/{id}/answers', { params: { path: { id: attemptId } }, body: { answers }, keepalive }));
}
