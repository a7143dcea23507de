/** Query keys of the learner's pages; a progress change refreshes everything under `student`. */
export const learnerKeys = {
  all: ['student'] as const,
  enrollments: (page: number) => ['student', 'enrollments', page] as const,
  enrollment: (id: string) => ['student', 'enrollment', id] as const,
  exams: (id: string) => ['student', 'enrollment', id, 'exams'] as const,
  sessions: (courseProvideId: string, page: number) => ['live', 'sessions', courseProvideId, page] as const,
  file: (fileId: string) => ['content', 'file', fileId] as const,
  fileUrl: (fileId: string) => ['content', 'file-url', fileId] as const,
};
