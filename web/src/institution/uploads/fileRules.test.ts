import { describe, expect, it } from 'vitest';
import { acceptFor, contentTypeOf, kindOfType, refuseFile } from './fileRules';

const MiB = 1024 * 1024;

describe('contentTypeOf', () => {
  it('keeps the browser\'s type when it fits the extension', () => {
    expect(contentTypeOf({ name: 'lecture.MP4', type: 'video/mp4' })).toBe('video/mp4');
  });

  it('names the type from the extension when the browser gave none or another spelling', () => {
    expect(contentTypeOf({ name: '교재.hwp', type: '' })).toBe('application/x-hwp');
    expect(contentTypeOf({ name: 'talk.m4a', type: 'audio/x-m4a' })).toBe('audio/mp4');
  });

  it('does not guess a file into a kind its own type contradicts, nor accept unknown files', () => {
    expect(contentTypeOf({ name: 'clip.pdf', type: 'video/mp4' })).toBeNull();
    expect(contentTypeOf({ name: 'setup.exe', type: 'application/x-msdownload' })).toBeNull();
    expect(contentTypeOf({ name: 'README', type: '' })).toBeNull();
  });
});

describe('refuseFile', () => {
  it('takes a file of the item\'s kind', () => {
    expect(refuseFile({ name: 'a.mp4', type: 'video/mp4', size: 12 * MiB }, 'VIDEO')).toBeNull();
    expect(refuseFile({ name: 'a.pdf', type: 'application/pdf', size: 1 }, 'DOCUMENT')).toBeNull();
  });

  it('says a file is not of the item\'s kind, and which kind it is', () => {
    expect(refuseFile({ name: 'a.pdf', type: 'application/pdf', size: 1 }, 'VIDEO')).toEqual({ reason: 'wrong-kind', fileKind: 'DOCUMENT' });
  });

  it('says a file is too big for its kind, or empty, or of a type not accepted', () => {
    expect(refuseFile({ name: 'a.png', type: 'image/png', size: 21 * MiB }, 'IMAGE')).toEqual({ reason: 'too-big', maxMiB: 20 });
    expect(refuseFile({ name: 'a.png', type: 'image/png', size: 0 }, 'IMAGE')).toEqual({ reason: 'empty' });
    expect(refuseFile({ name: 'a.gif', type: 'image/gif', size: 10 }, 'IMAGE')).toEqual({ reason: 'unsupported' });
  });
});

describe('kindOfType and acceptFor', () => {
  it('follow the service\'s kinds', () => {
    expect(kindOfType('video/webm')).toBe('VIDEO');
    expect(kindOfType('application/pdf')).toBe('DOCUMENT');
    expect(kindOfType('audio/mpeg')).toBe('OTHER');
    expect(acceptFor('IMAGE')).toBe('image/png,.png,image/jpeg,.jpg,.jpeg,image/webp,.webp');
  });
});
