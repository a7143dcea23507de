import { describe, expect, it } from 'vitest';
import { runPool } from './partPool';

function deferred() {
  let resolve!: () => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<void>((res, rej) => { resolve = res; reject = rej; });
  return { promise, resolve, reject };
}

const tick = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('runPool', () => {
  it('keeps at most the limit in flight, lowest first, starting the next as one ends', async () => {
    const started: number[] = [];
    const running = new Map<number, ReturnType<typeof deferred>>();
    const done = runPool([1, 2, 3, 4, 5], 3, (part) => {
      started.push(part);
      const d = deferred();
      running.set(part, d);
      return d.promise;
    }, new AbortController().signal);
    await tick();
    expect(started).toEqual([1, 2, 3]);
    running.get(2)!.resolve();
    await tick();
    expect(started).toEqual([1, 2, 3, 4]);
    running.get(1)!.resolve();
    running.get(3)!.resolve();
    await tick();
    expect(started).toEqual([1, 2, 3, 4, 5]);
    running.get(4)!.resolve();
    running.get(5)!.resolve();
    await expect(done).resolves.toBeUndefined();
  });

  it('stops starting parts after a failure, aborts those running and throws the failure', async () => {
    const started: number[] = [];
    const signals = new Map<number, AbortSignal>();
    const running = new Map<number, ReturnType<typeof deferred>>();
    const done = runPool([1, 2, 3, 4], 2, (part, signal) => {
      started.push(part);
      signals.set(part, signal);
      const d = deferred();
      running.set(part, d);
      signal.addEventListener('abort', () => d.reject(new DOMException('x', 'AbortError')));
      return d.promise;
    }, new AbortController().signal);
    await tick();
    running.get(1)!.reject(new Error('network'));
    await expect(done).rejects.toThrow('network');
    expect(started).toEqual([1, 2]);
    expect(signals.get(2)!.aborted).toBe(true);
  });

  it('stops on pause with an AbortError and starts nothing more', async () => {
    const pause = new AbortController();
    const started: number[] = [];
    const done = runPool([1, 2, 3, 4], 3, (part, signal) => {
      started.push(part);
      return new Promise<void>((_, reject) => signal.addEventListener('abort', () => reject(new DOMException('x', 'AbortError'))));
    }, pause.signal);
    await tick();
    pause.abort();
    await expect(done).rejects.toMatchObject({ name: 'AbortError' });
    expect(started).toEqual([1, 2, 3]);
  });

  it('has nothing to do for no parts', async () => {
    await expect(runPool([], 3, () => Promise.reject(new Error('never')), new AbortController().signal)).resolves.toBeUndefined();
  });
});
