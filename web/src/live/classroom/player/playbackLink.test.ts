import { describe, expect, it } from 'vitest';
import { recoveryDelayMs, refreshDelayMs, underCurrentSignature } from './playbackLink';

describe('refreshing the playback link', () => {
  const now = Date.parse('2026-12-08T01:00:00Z');

  it('asks for a fresh link a minute before the 5 minutes are up', () => {
    expect(refreshDelayMs('2026-12-08T01:05:00Z', now, 0)).toBe(240_000);
  });

  it('counts on the server\'s clock', () => {
    // The device is 30 s behind the server: the link has 4.5 minutes left, not 5.
    expect(refreshDelayMs('2026-12-08T01:05:00Z', now, 30_000)).toBe(210_000);
  });

  it('asks soon, but not in a loop, when little time is left, and at once when it is gone', () => {
    expect(refreshDelayMs('2026-12-08T01:00:30Z', now, 0)).toBe(5_000);
    expect(refreshDelayMs('2026-12-08T01:00:04Z', now, 0)).toBe(2_000);
    expect(refreshDelayMs('2026-12-08T00:59:00Z', now, 0)).toBe(0);
  });
});

describe('requests under the current signature', () => {
  const loaded = 'http://127.0.0.1:8088/hls/tokenA/1700000300/viewer1/stream1.m3u8';
  const current = 'http://127.0.0.1:8088/hls/tokenB/1700000540/viewer1/stream1.m3u8';

  it('moves the playlist and its segments to the fresh signature', () => {
    expect(underCurrentSignature(loaded, loaded, current)).toBe(current);
    expect(underCurrentSignature('http://127.0.0.1:8088/hls/tokenA/1700000300/viewer1/stream1-42.ts', loaded, current))
      .toBe('http://127.0.0.1:8088/hls/tokenB/1700000540/viewer1/stream1-42.ts');
  });

  it('leaves requests alone before any refresh and outside the signed directory', () => {
    expect(underCurrentSignature('http://127.0.0.1:8088/hls/tokenA/1700000300/viewer1/stream1-1.ts', loaded, loaded))
      .toBe('http://127.0.0.1:8088/hls/tokenA/1700000300/viewer1/stream1-1.ts');
    expect(underCurrentSignature('https://cdn.example/other/1.ts', loaded, current)).toBe('https://cdn.example/other/1.ts');
  });

  it('swaps an IVS link signed in its query and leaves IVS\'s own rendition links alone', () => {
    const ivsLoaded = 'https://abc.playback.live-video.net/api/video/v1/chan.m3u8?token=old';
    const ivsCurrent = 'https://abc.playback.live-video.net/api/video/v1/chan.m3u8?token=new';
    expect(underCurrentSignature(ivsLoaded, ivsLoaded, ivsCurrent)).toBe(ivsCurrent);
    const rendition = 'https://video-weaver.example/v1/playlist/signed.m3u8';
    expect(underCurrentSignature(rendition, ivsLoaded, ivsCurrent)).toBe(rendition);
  });
});

describe('bringing a failed stream back', () => {
  it('tries quickly at first, then less often, then gives up', () => {
    expect(recoveryDelayMs(0)).toBe(1_000);
    expect(recoveryDelayMs(9)).toBe(15_000);
    expect(recoveryDelayMs(10)).toBeNull();
  });
});
