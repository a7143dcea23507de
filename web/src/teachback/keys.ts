/** The query keys of the feature, in one place so a submission can refresh the history and the ranking. */
export const teachbackKeys = {
  all: ['teachback'] as const,
  topics: ['teachback', 'topics'] as const,
  mine: (page: number) => ['teachback', 'mine', page] as const,
  mineAll: ['teachback', 'mine'] as const,
  ranking: (courseId: string | null) => ['teachback', 'ranking', courseId ?? 'global'] as const,
};
