import { describe, expect, it } from 'vitest';
import { webmDurationMs, withWebmDuration } from './webmDuration';

/** An element with a one-byte size, or the "unknown size" a live recorder writes for the segment and clusters. */
const element = (id: number[], data: number[] | 'unknown-size', rest: number[] = []) =>
  data === 'unknown-size' ? [...id, 0x01, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, ...rest] : [...id, 0x80 | data.length, ...data];

const ebmlHeader = element([0x1a, 0x45, 0xdf, 0xa3], [0x42, 0x82, 0x84, ...Array.from('webm', (c) => c.charCodeAt(0))]);
const timecodeScale = element([0x2a, 0xd7, 0xb1], [0x0f, 0x42, 0x40]);
const muxingApp = element([0x4d, 0x80], Array.from('Chrome', (c) => c.charCodeAt(0)));
const tracks = element([0x16, 0x54, 0xae, 0x6b], [0xae, 0x83, 0xd7, 0x81, 0x01]);
const cluster = element([0x1f, 0x43, 0xb6, 0x75], 'unknown-size', [0xe7, 0x81, 0x00, 0xa3, 0x84, 0x81, 0x00, 0x00, 0x80]);

/** What Chromium's MediaRecorder writes: header, a segment of unknown size, Info without Duration, Tracks, Clusters. */
function recorderWebm(info: number[] = [...timecodeScale, ...muxingApp], before: number[] = []) {
  return new Uint8Array([...ebmlHeader, ...element([0x18, 0x53, 0x80, 0x67], 'unknown-size', [...before, ...element([0x15, 0x49, 0xa9, 0x66], info), ...tracks, ...cluster])]);
}

describe('withWebmDuration', () => {
  it('writes the recorded length into a live recording\'s Info and keeps every other byte', () => {
    const live = recorderWebm();
    expect(webmDurationMs(live)).toBeNull();
    const fixed = withWebmDuration(live, 83_250);
    expect(webmDurationMs(fixed)).toBe(83_250);
    expect(fixed.length).toBe(live.length + 11 + 7);
    expect(Array.from(fixed.slice(fixed.length - tracks.length - cluster.length))).toEqual([...tracks, ...cluster]);
  });

  it('counts in the file\'s own timecode scale', () => {
    const tenMicroseconds = element([0x2a, 0xd7, 0xb1], [0x27, 0x10]);
    const fixed = withWebmDuration(recorderWebm([...tenMicroseconds, ...muxingApp]), 1_500);
    expect(webmDurationMs(fixed)).toBe(1_500);
  });

  it('leaves a file alone that has a duration already, a SeekHead, or no Info before its media', () => {
    const once = withWebmDuration(recorderWebm(), 2_000);
    expect(withWebmDuration(once, 9_000)).toBe(once);
    const seekHead = element([0x11, 0x4d, 0x9b, 0x74], [0x4d, 0xbb, 0x80]);
    const indexed = recorderWebm(undefined, seekHead);
    expect(withWebmDuration(indexed, 2_000)).toBe(indexed);
    const noInfo = new Uint8Array([...ebmlHeader, ...element([0x18, 0x53, 0x80, 0x67], 'unknown-size', cluster)]);
    expect(withWebmDuration(noInfo, 2_000)).toBe(noInfo);
  });

  it('leaves anything that is not WebM, or a duration that is no length, alone', () => {
    const mp4 = new Uint8Array([0x00, 0x00, 0x00, 0x18, 0x66, 0x74, 0x79, 0x70]);
    expect(withWebmDuration(mp4, 2_000)).toBe(mp4);
    expect(withWebmDuration(new Uint8Array(), 2_000).length).toBe(0);
    const live = recorderWebm();
    expect(withWebmDuration(live, 0)).toBe(live);
    expect(withWebmDuration(live, Number.NaN)).toBe(live);
  });
});
