import { describe, expect, it } from 'vitest';
import { ProblemError } from '../../../api/problem';
import type { Draft } from './draft';
import { onlyFreshFileErrors, placeErrors } from './structureErrors';

const draft: Draft = [
  { key: 'c1', id: 'c1', title: '1장', items: [{ key: 'i1', id: 'i1', title: '소개', kind: 'OTHER', required: true, fileId: null, durationSeconds: null }] },
  { key: 'c2', id: null, title: '', items: [
    { key: 'i2', id: null, title: '강의', kind: 'VIDEO', required: true, fileId: 'f-doc', durationSeconds: null },
    { key: 'i3', id: null, title: '영상', kind: 'VIDEO', required: true, fileId: 'f-new', durationSeconds: 7 },
  ] },
];

describe('placeErrors', () => {
  it('puts each message next to the chapter or item the service named', () => {
    const error = new ProblemError(400, { errors: {
      'chapters[1].items[0].fileId': ['A VIDEO item cannot show this file (application/pdf): it is shown by a DOCUMENT item.'],
      'chapters[1].title': ['A chapter needs a title of at most 200 characters.'],
      'Chapters[0].items': ['A chapter lists its items ([] for none).'],
      chapters: ['At most 100 chapters.'],
    } });
    const placed = placeErrors(error, draft);
    expect(placed.items.i2).toEqual({ fileId: 'A VIDEO item cannot show this file (application/pdf): it is shown by a DOCUMENT item.' });
    expect(placed.chapters.c2).toEqual({ title: 'A chapter needs a title of at most 200 characters.' });
    expect(placed.chapters.c1).toEqual({ items: 'A chapter lists its items ([] for none).' });
    expect(placed.general).toEqual(['At most 100 chapters.']);
  });

  it('keeps a path that names nothing sent as a general message', () => {
    expect(placeErrors(new ProblemError(400, { errors: { 'chapters[5].items[0].fileId': ['x'] } }), draft).general).toEqual(['x']);
    expect(placeErrors(new Error('x'), draft)).toEqual({ chapters: {}, items: {}, general: [] });
  });
});

describe('onlyFreshFileErrors', () => {
  const notReady = (path: string) => new ProblemError(400, { errors: { [path]: ['The file is not a ready upload of this institution.'] } });

  it('is true when every refusal is about a file uploaded moments ago', () => {
    expect(onlyFreshFileErrors(placeErrors(notReady('chapters[1].items[1].fileId'), draft), draft, new Set(['f-new']))).toBe(true);
  });

  it('is false for an older file, another field or nothing placed', () => {
    expect(onlyFreshFileErrors(placeErrors(notReady('chapters[1].items[0].fileId'), draft), draft, new Set(['f-new']))).toBe(false);
    expect(onlyFreshFileErrors(placeErrors(notReady('chapters[1].items[1].title'), draft), draft, new Set(['f-new']))).toBe(false);
    expect(onlyFreshFileErrors(placeErrors(new ProblemError(400, {}), draft), draft, new Set(['f-new']))).toBe(false);
  });
});
