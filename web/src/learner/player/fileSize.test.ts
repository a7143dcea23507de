import { describe, expect, it } from 'vitest';
import { fileSize, presentationOf } from './fileSize';

describe('showing a file', () => {
  it('gives its size in kilobytes or megabytes', () => {
    expect(fileSize(300)).toEqual({ unit: 'kilobytes', value: '1' });
    expect(fileSize(200 * 1024)).toEqual({ unit: 'kilobytes', value: '200' });
    expect(fileSize(5.25 * 1024 * 1024)).toEqual({ unit: 'megabytes', value: '5.3' });
  });

  it('embeds PDFs and images, plays audio, and links to anything else', () => {
    expect(presentationOf('application/pdf')).toBe('pdf');
    expect(presentationOf('Application/PDF; charset=binary')).toBe('pdf');
    expect(presentationOf('image/png')).toBe('image');
    expect(presentationOf('audio/mpeg')).toBe('audio');
    expect(presentationOf('application/vnd.openxmlformats-officedocument.presentationml.presentation')).toBe('download');
    expect(presentationOf('application/x-hwp')).toBe('download');
  });
});
