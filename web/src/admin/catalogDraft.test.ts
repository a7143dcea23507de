import { describe, expect, it } from 'vitest';
import { fromCatalogTopic, knownPlaces, placementProblems, toCatalogRequest } from './catalogDraft';

describe('placementProblems', () => {
  it('needs a major and a subject that are not blank, at most 100 characters', () => {
    expect(placementProblems({ major: ' ', subject: '마케팅' })).toEqual({ major: { key: 'required' } });
    expect(placementProblems({ major: '경영', subject: 'x'.repeat(101) })).toEqual({ subject: { key: 'tooLong', max: 100 } });
    expect(placementProblems({ major: '경영', subject: '마케팅' })).toEqual({});
  });
});

describe('toCatalogRequest and fromCatalogTopic', () => {
  it('puts the trimmed place beside the topic', () => {
    const request = toCatalogRequest({ major: ' 경영 ', subject: '마케팅 ' },
      { title: '4P', prompt: null, language: 'ko', keyPoints: ['제품'], synonyms: {} });
    expect(request).toEqual({ major: '경영', subject: '마케팅', title: '4P', prompt: null, language: 'ko', keyPoints: ['제품'], synonyms: {} });
  });
  it('reads a stored topic back into the form, rubric included', () => {
    const { placement, draft } = fromCatalogTopic({
      id: 'x', major: '경영', subject: '마케팅', title: '4P', prompt: null, language: 'ko', keyPoints: ['제품', '가격'],
      synonyms: { 가격: ['price', '값'] }, version: 1, changedAt: '2026-01-01T00:00:00Z',
    });
    expect(placement).toEqual({ major: '경영', subject: '마케팅' });
    expect(draft.prompt).toBe('');
    expect(draft.keyPoints.map((point) => point.text)).toEqual(['제품', '가격']);
    expect(draft.synonyms.map((row) => [row.term, row.words])).toEqual([['가격', 'price, 값']]);
  });
});

describe('knownPlaces', () => {
  it('offers the majors, and the subjects of the one typed', () => {
    const catalog = [{ major: '경영', subjects: [{ subject: '마케팅', topics: [] }, { subject: '회계', topics: [] }] }, { major: 'IT', subjects: [] }];
    expect(knownPlaces(catalog, ' 경영')).toEqual({ majors: ['경영', 'IT'], subjects: ['마케팅', '회계'] });
    expect(knownPlaces(catalog, '없음').subjects).toEqual([]);
  });
});
