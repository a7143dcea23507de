import { describe, expect, it } from 'vitest';
import { bitrateKbps, healthOf, trimSamples, type HealthSample } from './streamHealth';

/** One sample a second: `handed` and `buffered` in kilobytes. */
function seconds(...rows: Array<[handed: number, buffered: number, dropped?: number]>): HealthSample[] {
  return rows.map(([handed, buffered, dropped = 0], i) => ({ at: i * 1000, handed: handed * 1000, buffered: buffered * 1000, dropped }));
}

const limit = 1_000_000;

describe('the broadcast health', () => {
  it('measures what was sent, not what was queued', () => {
    // 250 kB handed a second, all of it sent: 2000 kbit/s.
    expect(bitrateKbps(seconds([0, 0], [250, 0], [500, 0], [750, 0]))).toBe(2000);
    // The same handed, but the socket kept 300 kB of it.
    expect(bitrateKbps(seconds([0, 0], [250, 0], [500, 0], [750, 300]))).toBe(1200);
  });

  it('measures over the last five seconds only', () => {
    const samples = seconds([0, 0], [1000, 0], [1000, 0], [1000, 0], [1000, 0], [1000, 0], [1000, 0], [1125, 0]);
    expect(bitrateKbps(samples)).toBe(200);
  });

  it('is zero before there is anything to compare', () => {
    expect(bitrateKbps(seconds([100, 0]))).toBe(0);
  });

  it('is offline without an open socket and starting at first', () => {
    expect(healthOf(false, seconds([0, 0], [250, 0]), limit)).toBe('offline');
    expect(healthOf(true, seconds([0, 0]), limit)).toBe('starting');
    expect(healthOf(true, seconds([0, 0], [250, 0]), limit)).toBe('starting');
  });

  it('is good while the stream leaves steadily', () => {
    expect(healthOf(true, seconds([0, 0], [250, 0], [500, 0], [750, 0], [1000, 0], [1250, 0]), limit)).toBe('good');
  });

  it('is poor after a recent drop or with a socket half full', () => {
    expect(healthOf(true, seconds([0, 0], [250, 0], [500, 0, 1], [750, 0, 1], [1000, 0, 1], [1250, 0, 1]), limit)).toBe('poor');
    expect(healthOf(true, seconds([0, 0], [250, 0], [500, 0], [750, 0], [1000, 0], [1250, 600]), limit)).toBe('poor');
  });

  it('is good again once the drops are older than the window', () => {
    const samples = seconds([0, 0, 1], [250, 0, 1], [500, 0, 1], [750, 0, 1], [1000, 0, 1], [1250, 0, 1], [1500, 0, 1]);
    expect(healthOf(true, samples, limit)).toBe('good');
  });

  it('is stalled when nothing left the browser for four seconds', () => {
    expect(healthOf(true, seconds([0, 0], [250, 0], [500, 250], [750, 500], [1000, 750], [1250, 1000]), limit)).toBe('stalled');
  });

  it('keeps only the samples it needs', () => {
    const samples = seconds(...Array.from({ length: 20 }, (_, i) => [i * 100, 0] as [number, number]));
    const kept = trimSamples(samples);
    expect(kept[0].at).toBe(13_000);
    expect(kept[kept.length - 1].at).toBe(19_000);
  });
});
