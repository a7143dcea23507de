import { newKey } from '../institution/exams/examDraft';
import type { TopicDraft, TopicRequest } from '../institution/topics/topicDraft';
import type { CatalogMajor, CatalogTopic, CatalogTopicRequest } from './adminApi';

/** The student service's limit on a major's and a subject's name (CatalogTopicRequest). */
export const PLACE_MAX = 100;

export type Placement = { major: string; subject: string };

export function placementProblems(placement: Placement): Partial<Record<keyof Placement, { key: 'required' | 'tooLong'; max?: number }>> {
  const problems: Partial<Record<keyof Placement, { key: 'required' | 'tooLong'; max?: number }>> = {};
  for (const field of ['major', 'subject'] as const) {
    const value = placement[field].trim();
    if (!value) problems[field] = { key: 'required' };
    else if (value.length > PLACE_MAX) problems[field] = { key: 'tooLong', max: PLACE_MAX };
  }
  return problems;
}

/** The form's topic with its place in the catalog, as POST and PUT take it. */
export function toCatalogRequest(placement: Placement, topic: TopicRequest): CatalogTopicRequest {
  return { major: placement.major.trim(), subject: placement.subject.trim(), ...topic };
}

export function fromCatalogTopic(topic: CatalogTopic): { placement: Placement; draft: TopicDraft } {
  return {
    placement: { major: topic.major, subject: topic.subject },
    draft: {
      title: topic.title,
      prompt: topic.prompt ?? '',
      language: topic.language,
      keyPoints: (topic.keyPoints.length ? topic.keyPoints : ['']).map((text) => ({ key: newKey(), text })),
      synonyms: Object.entries(topic.synonyms).map(([term, words]) => ({ key: newKey(), term, words: words.join(', ') })),
    },
  };
}

/** The majors and subjects already in the catalog, offered while typing a new topic's place. */
export function knownPlaces(catalog: CatalogMajor[], major: string): { majors: string[]; subjects: string[] } {
  return {
    majors: catalog.map((item) => item.major),
    subjects: catalog.find((item) => item.major === major.trim())?.subjects.map((item) => item.subject) ?? [],
  };
}
