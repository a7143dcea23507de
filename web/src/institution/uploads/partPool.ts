/** Parts in flight at once: enough to fill a connection, few enough that a pause or a loss wastes little. */
export const PARTS_IN_FLIGHT = 3;

/**
 * Runs `work` for each item, lowest first, with at most `limit` running at once: a new one starts as soon as one
 * ends. The first failure stops new starts, aborts the ones running (through the signal given to each) and is thrown
 * once they have settled; aborting `signal` does the same with an `AbortError`.
 */
export async function runPool<T>(items: readonly T[], limit: number, work: (item: T, signal: AbortSignal) => Promise<void>, signal: AbortSignal): Promise<void> {
  const inner = new AbortController();
  const stop = () => inner.abort();
  signal.addEventListener('abort', stop, { once: true });
  let failure: unknown = null;
  let next = 0;
  const lane = async () => {
    while (next < items.length && failure === null && !inner.signal.aborted) {
      const item = items[next++];
      try {
        await work(item, inner.signal);
      } catch (error) {
        if (failure === null) failure = error;
        inner.abort();
      }
    }
  };
  try {
    await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, lane));
  } finally {
    signal.removeEventListener('abort', stop);
  }
  if (signal.aborted) throw new DOMException('Stopped.', 'AbortError');
  if (failure !== null) throw failure;
}

/** Waits, or stops waiting when the signal aborts. */
export function pause(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) return reject(new DOMException('Stopped.', 'AbortError'));
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', abort);
      resolve();
    }, ms);
    const abort = () => {
      clearTimeout(timer);
      reject(new DOMException('Stopped.', 'AbortError'));
    };
    signal.addEventListener('abort', abort, { once: true });
  });
}

export function isAbort(error: unknown): boolean {
  return error instanceof DOMException && error.name === 'AbortError';
}
