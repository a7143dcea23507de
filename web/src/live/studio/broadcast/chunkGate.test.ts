import { describe, expect, it } from 'vitest';
import { ChunkGate } from './chunkGate';

describe('chunk back-pressure', () => {
  it('sends chunks while the socket keeps up', () => {
    const gate = new ChunkGate(1000, 500);
    expect(gate.offer(300, 0)).toEqual([[0, 300]]);
    expect(gate.offer(300, 400)).toEqual([[0, 300]]);
    expect(gate.handed).toBe(600);
    expect(gate.dropped).toBe(0);
  });

  it('drops and counts a chunk that would take the socket past its buffer limit', () => {
    const gate = new ChunkGate(1000, 500);
    gate.offer(300, 0);
    expect(gate.offer(300, 800)).toEqual([]);
    expect(gate.dropped).toBe(1);
    expect(gate.handed).toBe(300);
  });

  it('sends again once the buffer drained', () => {
    const gate = new ChunkGate(1000, 500);
    gate.offer(300, 0);
    gate.offer(300, 900);
    expect(gate.offer(300, 100)).toEqual([[0, 300]]);
    expect(gate.dropped).toBe(1);
  });

  it('never drops the first chunk, which carries the header', () => {
    const gate = new ChunkGate(1000, 5000);
    expect(gate.offer(2000, 5000)).toEqual([[0, 2000]]);
    expect(gate.dropped).toBe(0);
  });

  it('splits a chunk larger than the relay accepts into pieces that fit', () => {
    const gate = new ChunkGate(10_000, 400);
    expect(gate.offer(1000, 0)).toEqual([[0, 400], [400, 800], [800, 1000]]);
    expect(gate.handed).toBe(1000);
  });

  it('ignores empty chunks', () => {
    const gate = new ChunkGate(1000, 500);
    expect(gate.offer(0, 0)).toEqual([]);
    expect(gate.dropped).toBe(0);
    expect(gate.offer(10, 5000)).toEqual([[0, 10]]);
  });
});
