import { describe, expect, it } from 'vitest';
import { checkTopic, emptyTopic, fromTopic, splitWords, toTopicRequest, topicFieldPath, type Topic, type TopicDraft } from './topicDraft';

const topic: Topic = {
  id: 't1', courseId: 'c1', title: '유출 신고', prompt: '누구에게 알리나요?', keyPoints: ['보호책임자에게 즉시 알린다', '72시간 안에 신고한다'],
  synonyms: { 보호책임자: ['CPO', '개인정보 보호책임자'] }, language: 'ko', version: 2, createdAt: '', updatedAt: '',
};

describe('a teach-back topic as the form holds it', () => {
  it('goes back to the request it came from', () => {
    expect(toTopicRequest(fromTopic(topic))).toEqual({
      title: '유출 신고', prompt: '누구에게 알리나요?', language: 'ko',
      keyPoints: ['보호책임자에게 즉시 알린다', '72시간 안에 신고한다'], synonyms: { 보호책임자: ['CPO', '개인정보 보호책임자'] },
    });
  });

  it('leaves out blank key points and terms, and sends a prompt of spaces as none', () => {
    const draft: TopicDraft = {
      title: ' 주제 ', prompt: '   ', language: 'en',
      keyPoints: [{ key: 'a', text: ' 첫째 ' }, { key: 'b', text: ' ' }],
      synonyms: [{ key: 'c', term: ' ', words: '' }, { key: 'd', term: 'PII', words: 'personal data, ,personal information' }],
    };
    expect(toTopicRequest(draft)).toEqual({
      title: '주제', prompt: null, language: 'en', keyPoints: ['첫째'], synonyms: { PII: ['personal data', 'personal information'] },
    });
  });

  it('merges two rows of the same term', () => {
    const draft = { ...emptyTopic(), synonyms: [{ key: 'a', term: '신고', words: '보고' }, { key: 'b', term: '신고 ', words: '보고, 통지' }] };
    expect(toTopicRequest(draft).synonyms).toEqual({ 신고: ['보고', '통지'] });
  });
});

describe('splitting synonyms', () => {
  it('separates by commas (also the Korean ones) and new lines, without blanks or repeats', () => {
    expect(splitWords('가, 나 ,,다、라，가\n마')).toEqual(['가', '나', '다', '라', '마']);
    expect(splitWords('  ')).toEqual([]);
  });
});

describe('the topic rules before sending', () => {
  it('want a title and a key point', () => {
    expect(Object.keys(checkTopic(emptyTopic())).sort()).toEqual(['keyPoints', 'title']);
    expect(checkTopic({ ...fromTopic(topic) })).toEqual({});
  });

  it('want a term for synonyms given, and bound their lengths and counts', () => {
    const draft = fromTopic(topic);
    draft.synonyms = [
      { key: 'a', term: '', words: '보고' },
      { key: 'b', term: '신고', words: Array.from({ length: 11 }, (_, i) => `말${i}`).join(',') },
      { key: 'c', term: '가'.repeat(101), words: '' },
    ];
    draft.keyPoints = [{ key: 'k', text: '가'.repeat(301) }];
    const errors = checkTopic(draft);
    expect(errors['synonyms[0]'].key).toBe('termRequired');
    expect(errors['synonyms[1]'].key).toBe('tooManySynonyms');
    expect(errors['synonyms[2]'].key).toBe('synonymTooLong');
    expect(errors['keyPoints[0]'].key).toBe('tooLong');
  });

  it('place the server’s refusal of a term’s synonyms on that term’s row', () => {
    const draft = fromTopic(topic);
    expect(topicFieldPath('synonyms.보호책임자', draft)).toBe('synonyms[0]');
    expect(topicFieldPath('synonyms.없는말', draft)).toBe('synonyms');
    expect(topicFieldPath('KeyPoints[1]', draft)).toBe('keyPoints[1]');
  });
});
