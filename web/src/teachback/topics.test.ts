import { describe, expect, it } from 'vitest';
import { findTopic, topicCount, type Topic, type TopicsResponse } from './topics';

const topic = (id: string, extra: Partial<Topic> = {}): Topic => ({
  id, title: `주제 ${id}`, prompt: null, language: 'ko', source: 'COURSE', courseId: null, major: null, subject: null, ...extra,
});

const response: TopicsResponse = {
  courses: [{ courseId: 'c1', courseTitle: '개인정보보호', topics: [topic('t1'), topic('t2')] }, { courseId: 'c2', courseTitle: '빈 과정', topics: [] }],
  catalog: [{ major: '경영', subjects: [{ subject: '회계', topics: [topic('t3', { source: 'CATALOG', major: '경영', subject: '회계' })] }] }],
};

describe('findTopic', () => {
  it('finds a course topic with its course and a catalog topic with its major and subject', () => {
    expect(findTopic(response, 't2')).toMatchObject({ topic: { id: 't2' }, courseTitle: '개인정보보호' });
    expect(findTopic(response, 't3')).toMatchObject({ topic: { id: 't3' }, major: '경영', subject: '회계' });
  });

  it('finds nothing for a topic I may not practise', () => {
    expect(findTopic(response, 'elsewhere')).toBeNull();
  });
});

describe('topicCount', () => {
  it('counts every topic in courses and catalog', () => {
    expect(topicCount(response)).toBe(3);
    expect(topicCount({ courses: [], catalog: [] })).toBe(0);
  });
});
