import { describe, expect, it } from 'vitest';
import { levelOf, pickFormat } from './recorderFormat';

const relay = ['video/webm;codecs=vp8,opus', 'video/webm;codecs=vp9,opus', 'video/webm;codecs=h264,opus', 'video/webm'];

describe('the recording format', () => {
  it('takes the relay’s first choice when the browser can make it', () => {
    expect(pickFormat(relay, () => true)).toBe('video/webm;codecs=vp8,opus');
  });

  it('falls back in the relay’s order', () => {
    expect(pickFormat(relay, (type) => type.includes('h264'))).toBe('video/webm;codecs=h264,opus');
  });

  it('is none when the browser makes no WebM (then nothing is sent)', () => {
    expect(pickFormat(relay, (type) => type.startsWith('video/mp4'))).toBeNull();
  });
});

describe('the microphone level', () => {
  it('is zero for silence', () => {
    expect(levelOf(new Uint8Array(256).fill(128))).toBe(0);
    expect(levelOf(new Uint8Array(0))).toBe(0);
  });

  it('grows with loudness and stops at full', () => {
    const quiet = Uint8Array.from({ length: 256 }, (_, i) => (i % 2 ? 133 : 123));
    const loud = Uint8Array.from({ length: 256 }, (_, i) => (i % 2 ? 255 : 0));
    expect(levelOf(quiet)).toBeGreaterThan(0);
    expect(levelOf(quiet)).toBeLessThan(levelOf(loud));
    expect(levelOf(loud)).toBe(1);
  });
});
