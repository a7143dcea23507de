import { describe, expect, it } from 'vitest';
import { etagOf, partRange, uploadedShare } from './uploadPlan';

const MiB = 1024 * 1024;

describe('partRange', () => {
  it('cuts a file into the service\'s parts, the last one shorter', () => {
    expect(partRange(1, 5 * MiB, 12 * MiB)).toEqual({ start: 0, end: 5 * MiB });
    expect(partRange(3, 5 * MiB, 12 * MiB)).toEqual({ start: 10 * MiB, end: 12 * MiB });
  });

  it('sends a small file whole as its one part', () => {
    expect(partRange(1, 64_000, 64_000)).toEqual({ start: 0, end: 64_000 });
  });
});

describe('uploadedShare', () => {
  it('adds up what each part has sent', () => {
    expect(uploadedShare(new Map([[1, 5 * MiB], [2, 1 * MiB]]), 12 * MiB)).toBeCloseTo(0.5);
    expect(uploadedShare(new Map(), 12 * MiB)).toBe(0);
    expect(uploadedShare(new Map([[1, 13 * MiB]]), 12 * MiB)).toBe(1);
  });
});

describe('etagOf', () => {
  it('keeps the storage\'s ETag and notices when the browser was not allowed to read it', () => {
    expect(etagOf(' "9b2cf535f27731c974343645a3985328" ')).toBe('"9b2cf535f27731c974343645a3985328"');
    expect(etagOf(null)).toBeNull();
    expect(etagOf('')).toBeNull();
  });
});
