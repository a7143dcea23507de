import type { components } from '../api/generated/student';

export type TopicsResponse = components['schemas']['TopicsResponse'];
export type Topic = components['schemas']['TopicView'];

/** Where a topic sits: under one of my courses, or in the catalog under its major and subject. */
export type PlacedTopic = { topic: Topic; courseTitle?: string; major?: string; subject?: string };

/**
 * The topic with this id among those I may practise, or `null`: learners have no single-topic route, so the practice
 * page finds its topic in the list, and a topic not in it (another course's, removed) is "not found".
 */
export function findTopic(response: TopicsResponse, id: string): PlacedTopic | null {
  for (const course of response.courses) {
    const topic = course.topics.find((candidate) => candidate.id === id);
    if (topic) return { topic, courseTitle: course.courseTitle };
  }
  for (const major of response.catalog) {
    for (const subject of major.subjects) {
      const topic = subject.topics.find((candidate) => candidate.id === id);
      if (topic) return { topic, major: major.major, subject: subject.subject };
    }
  }
  return null;
}

export function topicCount(response: TopicsResponse): number {
  return response.courses.reduce((sum, course) => sum + course.topics.length, 0) +
    response.catalog.reduce((sum, major) => sum + major.subjects.reduce((inner, subject) => inner + subject.topics.length, 0), 0);
}
