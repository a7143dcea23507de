import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { AnswerQueue, Autosaver, CHOICE_DELAY_MS, isAnswered, loadUnsent, MAX_WAIT_MS, retryDelay, saveDelay, storeUnsent, TEXT_DELAY_MS, type Answer } from './autosave';

const choice = (questionId: string, ...optionIds: string[]): Answer => ({ questionId, optionIds, text: null });
const text = (questionId: string, value: string): Answer => ({ questionId, optionIds: null, text: value });
const byQuestion = (answers: Answer[]) => [...answers].sort((a, b) => a.questionId.localeCompare(b.questionId));

class MemoryStorage implements Storage {
  private readonly map = new Map<string, string>();
  get length() { return this.map.size; }
  clear() { this.map.clear(); }
  getItem(key: string) { return this.map.get(key) ?? null; }
  key(index: number) { return [...this.map.keys()][index] ?? null; }
  removeItem(key: string) { this.map.delete(key); }
  setItem(key: string, value: string) { this.map.set(key, value); }
}

describe('when answers are saved', () => {
  it('saves a choice soon and typing once it pauses', () => {
    expect(saveDelay('choice', 1000, 1000, 1000)).toBe(CHOICE_DELAY_MS);
    expect(saveDelay('text', 1000, 1000, 1000)).toBe(TEXT_DELAY_MS);
    expect(saveDelay('text', 1000, 1000, 1000 + TEXT_DELAY_MS + 1)).toBe(0);
  });

  it('saves continuous typing at least every few seconds', () => {
    const first = 0;
    // Typing goes on: each keystroke pushes the quiet time, but not past the longest wait since the first change.
    expect(saveDelay('text', 4500, first, 4500)).toBe(MAX_WAIT_MS - 4500);
    expect(saveDelay('text', 9000, first, 9000)).toBe(0);
  });

  it('backs off after failures, up to half a minute', () => {
    expect(retryDelay(1)).toBe(2000);
    expect(retryDelay(2)).toBe(4000);
    expect(retryDelay(3)).toBe(8000);
    expect(retryDelay(10)).toBe(30_000);
  });
});

describe('the answer queue', () => {
  it('starts from what the server saved', () => {
    const queue = new AnswerQueue([{ questionId: 'q1', optionIds: ['a'], text: null }]);
    expect(queue.get('q1')?.optionIds).toEqual(['a']);
    expect(queue.status()).toBe('idle');
    expect(queue.take()).toBeNull();
  });

  it('sends the latest answer of each changed question in one save, one save at a time', () => {
    const queue = new AnswerQueue();
    queue.change(choice('q1', 'a'), 'choice', 1);
    queue.change(choice('q1', 'b'), 'choice', 2);
    queue.change(text('q2', '개인'), 'text', 3);
    expect(queue.status()).toBe('pending');
    const batch = queue.take()!;
    expect(batch.answers).toEqual([choice('q1', 'b'), text('q2', '개인')]);
    expect(queue.status()).toBe('saving');

    queue.change(text('q2', '개인정보'), 'text', 4);
    expect(queue.take()).toBeNull();
    queue.saved(batch, 5);
    expect(queue.status()).toBe('pending');
    expect(queue.firstUnsentAt).toBe(5);
    const next = queue.take()!;
    expect(next.answers).toEqual([text('q2', '개인정보')]);
    queue.saved(next, 6);
    expect(queue.status()).toBe('saved');
    expect(queue.hasUnsent()).toBe(false);
    expect(queue.firstUnsentAt).toBeNull();
  });

  it('puts a failed save back, without undoing a newer change', () => {
    const queue = new AnswerQueue();
    queue.change(choice('q1', 'a'), 'choice', 1);
    queue.change(choice('q2', 'x'), 'choice', 1);
    const batch = queue.take()!;
    queue.change(choice('q2', 'y'), 'choice', 2);
    queue.failed(batch, 3);
    expect(queue.status()).toBe('failed');
    expect(queue.failureCount).toBe(1);
    const again = queue.take()!;
    expect(byQuestion(again.answers)).toEqual([choice('q1', 'a'), choice('q2', 'y')]);
    queue.saved(again, 4);
    expect(queue.failureCount).toBe(0);
    expect(queue.status()).toBe('saved');
  });

  it('keeps waiting and in-flight answers as unsent, to survive a reload', () => {
    const queue = new AnswerQueue();
    queue.change(choice('q1', 'a'), 'choice', 1);
    queue.take();
    queue.change(text('q2', '답'), 'text', 2);
    expect(byQuestion(queue.unsent())).toEqual([choice('q1', 'a'), text('q2', '답')]);
  });

  it('after a reload, sends again what the server never confirmed, over the server copy', () => {
    const queue = new AnswerQueue([{ questionId: 'q1', optionIds: ['a'], text: null }, { questionId: 'q2', optionIds: [], text: 'old' }], [text('q2', 'new')], 10);
    expect(queue.get('q1')?.optionIds).toEqual(['a']);
    expect(queue.get('q2')?.text).toBe('new');
    expect(queue.take()!.answers).toEqual([text('q2', 'new')]);
  });

  it('knows an empty answer from a given one', () => {
    expect(isAnswered(undefined)).toBe(false);
    expect(isAnswered(choice('q'))).toBe(false);
    expect(isAnswered(text('q', '  '))).toBe(false);
    expect(isAnswered(choice('q', 'a'))).toBe(true);
    expect(isAnswered(text('q', 'CPO'))).toBe(true);
  });
});

describe('unsent answers in the tab', () => {
  it('are kept per attempt and removed once everything is saved', () => {
    const storage = new MemoryStorage();
    storeUnsent(storage, 'att1', [text('q2', '한글 답')]);
    expect(loadUnsent(storage, 'att1')).toEqual([text('q2', '한글 답')]);
    expect(loadUnsent(storage, 'att2')).toEqual([]);
    storeUnsent(storage, 'att1', []);
    expect(storage.length).toBe(0);
  });

  it('ignore what is not an answer', () => {
    const storage = new MemoryStorage();
    storage.setItem('lms.exam-attempt.att1.unsent', '{not json');
    expect(loadUnsent(storage, 'att1')).toEqual([]);
    storage.setItem('lms.exam-attempt.att1.unsent', JSON.stringify([{ questionId: 'q1', optionIds: [1], text: null }, text('q2', 'ok')]));
    expect(loadUnsent(storage, 'att1')).toEqual([text('q2', 'ok')]);
    expect(loadUnsent(undefined, 'att1')).toEqual([]);
  });
});

describe('the autosaver', () => {
  const setup = (options: { fail?: (call: number) => unknown; storage?: Storage; saved?: { questionId: string; optionIds: string[]; text: string | null }[] } = {}) => {
    const sent: Answer[][] = [];
    let closed = 0;
    const saver = new Autosaver({
      attemptId: 'att1',
      saved: options.saved ?? [],
      storage: options.storage,
      save: (answers) => {
        sent.push(answers);
        const error = options.fail?.(sent.length);
        return error ? Promise.reject(error) : Promise.resolve();
      },
      isClosed: (error) => error === 'closed',
      onChange: () => undefined,
      onClosed: () => { closed++; },
    });
    saver.start();
    return { saver, sent, closedCount: () => closed };
  };

  beforeEach(() => { vi.useFakeTimers(); });
  afterEach(() => { vi.useRealTimers(); });

  it('saves a choice after a short pause and typing after a longer one', async () => {
    const { saver, sent } = setup();
    saver.change(choice('q1', 'a'), 'choice');
    await vi.advanceTimersByTimeAsync(CHOICE_DELAY_MS - 1);
    expect(sent).toHaveLength(0);
    await vi.advanceTimersByTimeAsync(1);
    expect(sent).toEqual([[choice('q1', 'a')]]);
    expect(saver.status).toBe('saved');

    saver.change(text('q2', '개'), 'text');
    await vi.advanceTimersByTimeAsync(500);
    saver.change(text('q2', '개인'), 'text');
    await vi.advanceTimersByTimeAsync(TEXT_DELAY_MS - 1);
    expect(sent).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(sent[1]).toEqual([text('q2', '개인')]);
  });

  it('keeps an unsaved answer in the tab until the server has it, and sends it again after a reload', async () => {
    const storage = new MemoryStorage();
    const first = setup({ storage, fail: () => new Error('network') });
    first.saver.change(text('q1', '한글'), 'text');
    await vi.advanceTimersByTimeAsync(TEXT_DELAY_MS);
    expect(first.saver.status).toBe('failed');
    expect(loadUnsent(storage, 'att1')).toEqual([text('q1', '한글')]);
    first.saver.dispose();

    // The page reloads: the server still has the old answer; the tab's copy wins and goes out at once.
    const second = setup({ storage, saved: [{ questionId: 'q1', optionIds: [], text: 'old' }] });
    expect(second.saver.queue.get('q1')?.text).toBe('한글');
    await vi.advanceTimersByTimeAsync(CHOICE_DELAY_MS);
    expect(second.sent).toEqual([[text('q1', '한글')]]);
    expect(loadUnsent(storage, 'att1')).toEqual([]);
  });

  it('retries a failed save on its own, later each time', async () => {
    const { saver, sent } = setup({ fail: (n) => (n <= 2 ? new Error('network') : undefined) });
    saver.change(choice('q1', 'a'), 'choice');
    await vi.advanceTimersByTimeAsync(CHOICE_DELAY_MS);
    expect(sent).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(retryDelay(1));
    expect(sent).toHaveLength(2);
    await vi.advanceTimersByTimeAsync(retryDelay(2) - 1);
    expect(sent).toHaveLength(2);
    await vi.advanceTimersByTimeAsync(1);
    expect(sent).toHaveLength(3);
    expect(saver.status).toBe('saved');
  });

  it('flushes at once, without waiting for the pause', async () => {
    const { saver, sent } = setup();
    saver.change(text('q1', 'CPO'), 'text');
    await expect(saver.flush()).resolves.toBe('saved');
    expect(sent).toEqual([[text('q1', 'CPO')]]);
    await expect(saver.flush()).resolves.toBe('saved');
    expect(sent).toHaveLength(1);
  });

  it('reports a failed flush, so nothing is submitted unsaved', async () => {
    const { saver } = setup({ fail: () => new Error('network') });
    saver.change(choice('q1', 'a'), 'choice');
    await expect(saver.flush()).resolves.toBe('failed');
  });

  it('stops once the server says the attempt is closed, and says so once', async () => {
    const { saver, sent, closedCount } = setup({ fail: () => 'closed' });
    saver.change(choice('q1', 'a'), 'choice');
    await expect(saver.flush()).resolves.toBe('closed');
    saver.change(choice('q1', 'b'), 'choice');
    await vi.advanceTimersByTimeAsync(60_000);
    expect(sent).toHaveLength(1);
    expect(closedCount()).toBe(1);
    expect(saver.isClosed).toBe(true);
  });

  it('takes no more answers once stopped for submission', async () => {
    const { saver, sent } = setup();
    saver.stop();
    saver.change(choice('q1', 'a'), 'choice');
    await vi.advanceTimersByTimeAsync(60_000);
    expect(sent).toHaveLength(0);
  });
});
