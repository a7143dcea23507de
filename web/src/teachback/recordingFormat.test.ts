import { describe, expect, it } from 'vitest';
import { chooseRecordingFormat, formatOfRecording } from './recordingFormat';

describe('chooseRecordingFormat', () => {
  it('prefers WebM with Opus where the browser records it', () => {
    expect(chooseRecordingFormat(() => true)).toEqual({ mimeType: 'audio/webm;codecs=opus', contentType: 'audio/webm', extension: 'webm' });
  });

  it('falls back to MP4 where WebM is not recorded (Safari)', () => {
    expect(chooseRecordingFormat((type) => type === 'audio/mp4')).toEqual({ mimeType: 'audio/mp4', contentType: 'audio/mp4', extension: 'm4a' });
  });

  it('offers nothing when neither is recorded or there is no recorder', () => {
    expect(chooseRecordingFormat((type) => type === 'audio/ogg;codecs=opus')).toBeNull();
    expect(chooseRecordingFormat(undefined)).toBeNull();
    expect(chooseRecordingFormat(() => { throw new Error('not implemented'); })).toBeNull();
  });
});

describe('formatOfRecording', () => {
  const asked = chooseRecordingFormat(() => true)!;

  it('types the upload by the container the recorder really wrote, without codec parameters', () => {
    expect(formatOfRecording('audio/webm;codecs=opus', asked)).toMatchObject({ contentType: 'audio/webm', extension: 'webm' });
    expect(formatOfRecording('audio/mp4;codecs=opus', asked)).toMatchObject({ contentType: 'audio/mp4', extension: 'm4a' });
    expect(formatOfRecording('video/webm;codecs=opus', asked)).toMatchObject({ contentType: 'audio/webm' });
  });

  it('takes the asked type when the recorder names none, and refuses a container the service does not accept', () => {
    expect(formatOfRecording('', asked)).toMatchObject({ contentType: 'audio/webm', mimeType: 'audio/webm;codecs=opus' });
    expect(formatOfRecording('audio/ogg;codecs=opus', asked)).toBeNull();
  });
});
