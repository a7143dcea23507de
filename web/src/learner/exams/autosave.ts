import type { components } from '../../api/generated/student';

export type Answer = components['schemas']['AnswerRequest'];
type SavedAnswer = components['schemas']['AttemptAnswer'];

/** A choice is saved soon after it is made; typing is saved once it pauses, and at least every few seconds. */
export const CHOICE_DELAY_MS = 400;
export const TEXT_DELAY_MS = 1200;
export const MAX_WAIT_MS = 5000;
const MAX_RETRY_MS = 30_000;

export type ChangeKind = 'choice' | 'text';

/** How long to wait before sending, counted from now. */
export function saveDelay(kind: ChangeKind, lastChangeAt: number, firstUnsentAt: number, now: number): number {
  const quiet = lastChangeAt + (kind === 'text' ? TEXT_DELAY_MS : CHOICE_DELAY_MS);
  const latest = firstUnsentAt + MAX_WAIT_MS;
  return Math.max(0, Math.min(quiet, latest) - now);
}

/** After a failed save: 2 s, 4 s, 8 s … up to 30 s. */
export function retryDelay(failures: number): number {
  return Math.min(MAX_RETRY_MS, 1000 * 2 ** Math.max(1, failures));
}

export function isAnswered(answer: Answer | undefined): boolean {
  if (!answer) return false;
  return (answer.optionIds?.length ?? 0) > 0 || (answer.text ?? '').trim() !== '';
}

export type Batch = { answers: Answer[]; versions: Map<string, number> };
export type SaveStatus = 'idle' | 'pending' | 'saving' | 'saved' | 'failed';

/**
 * The answers of one attempt and which of them the server has not confirmed. One save is in flight at a time and
 * each carries the latest answer of every question changed since the last one, so saves arrive in order and the
 * last answer given is the one kept (the server replaces the answers to the questions a save names).
 */
export class AnswerQueue {
  private readonly answers = new Map<string, Answer>();
  private readonly dirty = new Map<string, number>();
  private inFlight: Map<string, number> | null = null;
  private version = 0;
  private failures = 0;
  private everSaved = false;
  firstUnsentAt: number | null = null;
  lastChangeAt = 0;
  lastKind: ChangeKind = 'choice';

  constructor(saved: SavedAnswer[] = [], unsent: Answer[] = [], now = 0) {
    for (const answer of saved) this.answers.set(answer.questionId, { ...answer });
    // What this tab gave but the server never confirmed goes out again, over what the server has.
    for (const answer of unsent) this.change(answer, 'choice', now);
  }

  get(questionId: string): Answer | undefined {
    return this.answers.get(questionId);
  }

  change(answer: Answer, kind: ChangeKind, now: number): void {
    this.answers.set(answer.questionId, answer);
    this.dirty.set(answer.questionId, ++this.version);
    this.firstUnsentAt ??= now;
    this.lastChangeAt = now;
    this.lastKind = kind;
  }

  /** The next save to send, or `null` when one is in flight or nothing changed. */
  take(): Batch | null {
    if (this.inFlight || this.dirty.size === 0) return null;
    const versions = new Map(this.dirty);
    this.dirty.clear();
    this.inFlight = versions;
    return { answers: [...versions.keys()].map((id) => this.answers.get(id)!), versions };
  }

  /** The server confirmed the batch: anything changed again meanwhile stays to be sent. */
  saved(_batch: Batch, now: number): void {
    this.inFlight = null;
    this.failures = 0;
    this.everSaved = true;
    this.firstUnsentAt = this.dirty.size > 0 ? now : null;
  }

  /** The save failed: its questions are unsent again, unless they changed meanwhile (then the newer change goes). */
  failed(batch: Batch, now: number): void {
    this.inFlight = null;
    this.failures++;
    for (const [id, version] of batch.versions) {
      if (!this.dirty.has(id)) this.dirty.set(id, version);
    }
    this.firstUnsentAt ??= now;
  }

  get failureCount(): number {
    return this.failures;
  }

  get busy(): boolean {
    return this.inFlight !== null;
  }

  hasUnsent(): boolean {
    return this.dirty.size > 0 || this.inFlight !== null;
  }

  /** Answers not yet confirmed by the server (waiting or in flight), to keep across a reload. */
  unsent(): Answer[] {
    const ids = new Set([...this.dirty.keys(), ...(this.inFlight?.keys() ?? [])]);
    return [...ids].map((id) => this.answers.get(id)!);
  }

  status(): SaveStatus {
    if (this.inFlight) return 'saving';
    if (this.dirty.size > 0) return this.failures > 0 ? 'failed' : 'pending';
    return this.everSaved ? 'saved' : 'idle';
  }
}

const storageKey = (attemptId: string) => `lms.exam-attempt.${attemptId}.unsent`;

/**
 * Unconfirmed answers live in this tab's sessionStorage (answers, not secrets), so a reload between a change and its
 * save loses nothing; a private window or a full storage only loses that safety net.
 */
export function loadUnsent(storage: Storage | undefined, attemptId: string): Answer[] {
  try {
    const raw = storage?.getItem(storageKey(attemptId));
    const parsed: unknown = raw ? JSON.parse(raw) : [];
    return Array.isArray(parsed) ? parsed.filter(isAnswerShape) : [];
  } catch {
    return [];
  }
}

export function storeUnsent(storage: Storage | undefined, attemptId: string, answers: Answer[]): void {
  try {
    if (answers.length === 0) storage?.removeItem(storageKey(attemptId));
    else storage?.setItem(storageKey(attemptId), JSON.stringify(answers));
  } catch {
    // Storage full or refused: the server copy is still saved on the next successful save.
  }
}

function isAnswerShape(value: unknown): value is Answer {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return typeof v.questionId === 'string'
    && (v.optionIds === null || (Array.isArray(v.optionIds) && v.optionIds.every((o) => typeof o === 'string')))
    && (v.text === null || typeof v.text === 'string');
}

export type FlushResult = 'saved' | 'closed' | 'failed';

type AutosaverOptions = {
  attemptId: string;
  saved: SavedAnswer[];
  /** Sends answers; `keepalive` for the last save of a page being closed. */
  save: (answers: Answer[], keepalive: boolean) => Promise<unknown>;
  /** Whether a failed save means the attempt takes no more answers (time up, or submitted elsewhere). */
  isClosed: (error: unknown) => boolean;
  storage?: Storage;
  /** Told whenever the status may have changed. */
  onChange: () => void;
  /** Told once when the server says the attempt is closed. */
  onClosed: () => void;
  now?: () => number;
};

/**
 * Saves an attempt's answers as they are given, on the delays of {@link saveDelay}, one save at a time, keeping what
 * is unconfirmed in the tab so a reload sends it again. A closed attempt stops the saving and is reported once.
 */
export class Autosaver {
  readonly queue: AnswerQueue;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private inFlight: Promise<void> | null = null;
  private stopped = false;
  private closed = false;
  private readonly options: AutosaverOptions;
  private readonly now: () => number;

  constructor(options: AutosaverOptions) {
    this.options = options;
    this.now = options.now ?? Date.now;
    this.queue = new AnswerQueue(options.saved, loadUnsent(options.storage, options.attemptId), this.now());
  }

  /** Begins saving; answers restored from the tab go out at once. */
  start(): void {
    this.schedule();
  }

  get status(): SaveStatus {
    return this.queue.status();
  }

  get isClosed(): boolean {
    return this.closed;
  }

  change(answer: Answer, kind: ChangeKind): void {
    if (this.closed || this.stopped) return;
    this.queue.change(answer, kind, this.now());
    this.keep();
    this.options.onChange();
    this.schedule();
  }

  /** Sends everything now and waits for it: before submitting, and as the deadline comes. */
  async flush(): Promise<FlushResult> {
    clearTimeout(this.timer);
    for (let round = 0; round < 4; round++) {
      if (this.closed) return 'closed';
      if (this.inFlight) {
        await this.inFlight;
        continue;
      }
      if (!this.queue.hasUnsent()) return 'saved';
      const failuresBefore = this.queue.failureCount;
      await this.send(false);
      if (this.closed) return 'closed';
      if (this.queue.failureCount > failuresBefore) return 'failed';
    }
    return this.queue.hasUnsent() ? 'failed' : 'saved';
  }

  /** The page is going away: what waits is sent with keepalive, and stays in the tab in case it does not arrive. */
  leave(): void {
    if (this.closed || this.stopped || this.inFlight || !this.queue.hasUnsent()) return;
    clearTimeout(this.timer);
    void this.send(true);
  }

  /** No more saves: the attempt is being submitted. */
  stop(): void {
    this.stopped = true;
    clearTimeout(this.timer);
  }

  /** Drops the tab's copy once the attempt is graded. */
  forget(): void {
    storeUnsent(this.options.storage, this.options.attemptId, []);
  }

  /** Pauses the timer (the page unmounts); {@link start} picks up again. */
  dispose(): void {
    clearTimeout(this.timer);
  }

  private schedule(): void {
    clearTimeout(this.timer);
    if (this.closed || this.stopped || this.queue.busy || !this.queue.hasUnsent()) return;
    const now = this.now();
    const delay = this.queue.failureCount > 0
      ? retryDelay(this.queue.failureCount)
      : saveDelay(this.queue.lastKind, this.queue.lastChangeAt, this.queue.firstUnsentAt ?? now, now);
    this.timer = setTimeout(() => void this.send(false), delay);
  }

  private send(keepalive: boolean): Promise<void> {
    if (this.inFlight) return this.inFlight;
    const batch = this.closed || this.stopped ? null : this.queue.take();
    if (!batch) return Promise.resolve();
    this.options.onChange();
    const sending = this.options.save(batch.answers, keepalive)
      .then(() => this.queue.saved(batch, this.now()))
      .catch((error: unknown) => {
        this.queue.failed(batch, this.now());
        if (this.options.isClosed(error) && !this.closed) {
          this.closed = true;
          this.options.onClosed();
        }
      })
      .finally(() => {
        this.inFlight = null;
        this.keep();
        this.options.onChange();
        this.schedule();
      });
    this.inFlight = sending;
    return sending;
  }

  private keep(): void {
    storeUnsent(this.options.storage, this.options.attemptId, this.queue.unsent());
  }
}
