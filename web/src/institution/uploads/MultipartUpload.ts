import { api } from '../../api/clients';
import { call } from '../../api/call';
import type { components } from '../../api/generated/content';
import { isProblem, ProblemError } from '../../api/problem';
import { putPart, StorageError } from '../../common/storagePut';
import { partRange } from '../../common/uploadPlan';
import { contentTypeOf } from './fileRules';
import { isAbort, pause, PARTS_IN_FLIGHT, runPool } from './partPool';
import { completionList, forgetPending, rememberPending, resumePlan, type PendingUpload } from './resumePlan';
import { addSample, bytesPerSecond, secondsLeft, type Sample } from './transferRate';

export type FileView = components['schemas']['FileView'];
type PartUrl = components['schemas']['PartUrl'];

export type UploadPhase = 'idle' | 'starting' | 'sending' | 'paused' | 'offline' | 'completing' | 'ready' | 'failed' | 'cancelled';

export type UploadView = {
  phase: UploadPhase;
  fileName: string;
  size: number;
  sentBytes: number;
  partsDone: number;
  partCount: number;
  /** Bytes per second over the last seconds; null while unknown. */
  rate: number | null;
  secondsLeft: number | null;
  error?: unknown;
  file?: FileView;
};

export type UploadTarget = { courseId: string; purpose: 'course-content' | 'cover'; slot: string };

export const IDLE: UploadView = { phase: 'idle', fileName: '', size: 0, sentBytes: 0, partsDone: 0, partCount: 0, rate: null, secondsLeft: null };

/**
 * One file going straight to storage through the content service's presigned multipart flow: a few parts in flight,
 * each part's ETag reported as it finishes (so a reload loses at most the parts in flight), then complete and the
 * file's checked description. Pausing aborts the parts in flight; continuing asks the service which parts it has and
 * for fresh URLs for the rest, as resuming after a reload does.
 */
export class MultipartUpload {
  private view: UploadView = IDLE;
  private file: File | null = null;
  private contentType = '';
  private uploadId: string | null = null;
  private partSize = 0;
  private urls = new Map<number, string>();
  private done = new Map<number, string>();
  private inFlight = new Map<number, number>();
  private samples: Sample[] = [];
  private running: AbortController | null = null;
  private reports: Promise<void> = Promise.resolve();
  private replans = 0;
  private readonly online = () => {
    if (this.view.phase === 'offline') void this.continue();
  };

  constructor(private readonly target: UploadTarget, private readonly onChange: (view: UploadView) => void) {
    window.addEventListener('online', this.online);
  }

  /** Stops listening and any transfer, leaving the upload resumable (the page was left). */
  dispose(): void {
    window.removeEventListener('online', this.online);
    this.running?.abort();
  }

  async start(file: File): Promise<void> {
    const contentType = contentTypeOf(file);
    if (!contentType) throw new Error('The caller checks the file first.');
    this.reset(file, contentType);
    this.set({ phase: 'starting' });
    try {
      const upload = await startUpload(this.target, file, contentType);
      this.uploadId = upload.uploadId;
      this.partSize = upload.partSize;
      this.set({ partCount: upload.partCount });
      this.urls = new Map(upload.parts.map((part) => [part.partNumber, part.url]));
      rememberPending({
        uploadId: upload.uploadId, slot: this.target.slot, courseId: this.target.courseId, purpose: this.target.purpose,
        name: file.name, size: file.size, lastModified: file.lastModified, contentType, startedAt: Date.now(),
      });
    } catch (error) {
      this.set({ phase: 'failed', error });
      return;
    }
    await this.send();
  }

  /** Takes up an upload this browser started before, with the same file picked again. */
  async resume(file: File, pending: PendingUpload): Promise<void> {
    this.reset(file, pending.contentType);
    this.uploadId = pending.uploadId;
    await this.replan();
  }

  pause(): void {
    if (this.view.phase !== 'sending') return;
    this.set({ phase: 'paused' });
    this.running?.abort();
  }

  /** After a pause, a lost connection or a failure: the service says what it has, and the rest is sent. */
  async continue(): Promise<void> {
    if (!['paused', 'offline', 'failed'].includes(this.view.phase)) return;
    await this.replan();
  }

  /** What resuming after a reload does too: the parts the service has, fresh URLs for the rest, then sending them. */
  private async replan(): Promise<void> {
    if (!this.uploadId || !this.file) return;
    this.set({ phase: 'starting', error: undefined });
    try {
      const status = await call(api.content.GET('/content/v1/uploads/{id}', { params: { path: { id: this.uploadId } } }));
      if (status.state !== 'OPEN') {
        forgetPending(this.uploadId);
        throw new ProblemError(409, { type: 'https://lms.example/problems/upload-state' });
      }
      const plan = resumePlan(status);
      this.partSize = plan.partSize;
      this.done = new Map(plan.done.map((part) => [part.partNumber, part.eTag]));
      this.urls = new Map(plan.toSend.map((part) => [part.partNumber, part.url]));
      this.samples = [];
      this.set({ partCount: plan.partCount, partsDone: plan.done.length, sentBytes: plan.bytesDone });
    } catch (error) {
      this.fail(error);
      return;
    }
    await this.send();
  }

  async cancel(): Promise<void> {
    this.running?.abort();
    const id = this.uploadId;
    this.set({ phase: 'cancelled', error: undefined });
    if (!id) return;
    forgetPending(id);
    try {
      await call(api.content.DELETE('/content/v1/uploads/{id}', { params: { path: { id } } }));
    } catch (error) {
      // Already gone (expired, swept) is what cancelling wanted; anything else the person should know.
      if (!isProblem(error, 'not-found', 'upload-state')) this.set({ error });
    }
  }

  /** Aborts an upload left by an earlier visit (its file was not picked again). */
  async discard(uploadId: string): Promise<void> {
    forgetPending(uploadId);
    try {
      await call(api.content.DELETE('/content/v1/uploads/{id}', { params: { path: { id: uploadId } } }));
    } catch {
      // Left behind, it expires and is swept by the service within a day.
    }
  }

  private reset(file: File, contentType: string) {
    this.running?.abort();
    this.file = file;
    this.contentType = contentType;
    this.uploadId = null;
    this.urls.clear();
    this.done.clear();
    this.inFlight.clear();
    this.samples = [];
    this.replans = 0;
    this.view = { ...IDLE, fileName: file.name, size: file.size };
  }

  private async send(): Promise<void> {
    const file = this.file!;
    const id = this.uploadId!;
    const running = new AbortController();
    this.running = running;
    this.set({ phase: 'sending' });
    const parts: PartUrl[] = [...this.urls].filter(([n]) => !this.done.has(n)).sort(([a], [b]) => a - b).map(([partNumber, url]) => ({ partNumber, url }));
    try {
      await runPool(parts, PARTS_IN_FLIGHT, (part, signal) => this.sendPart(id, part, signal), running.signal);
      await this.reports;
      const list = completionList([...this.done].map(([partNumber, eTag]) => ({ partNumber, eTag })), this.view.partCount);
      if (!list) throw new Error('A part is missing after sending every part.');
      this.set({ phase: 'completing', rate: null, secondsLeft: 0 });
      const completed = await call(api.content.POST('/content/v1/uploads/{id}/complete', { params: { path: { id } }, body: { parts: list } }));
      forgetPending(id);
      const described = await call(api.content.GET('/content/v1/files/{id}', { params: { path: { id: completed.fileId } } }));
      this.set({ phase: 'ready', file: described, sentBytes: file.size });
    } catch (error) {
      if (running.signal.aborted || isAbort(error)) return;
      if (error instanceof StorageError && error.kind === 'storage' && navigator.onLine && this.replans < 2) {
        // A refused part may be an expired URL: ask for fresh ones once or twice before saying it failed.
        this.replans++;
        this.running = null;
        await this.replan();
        return;
      }
      this.fail(error);
    } finally {
      if (this.running === running) this.running = null;
    }
  }

  private async sendPart(id: string, part: PartUrl, signal: AbortSignal): Promise<void> {
    const file = this.file!;
    const { start, end } = partRange(part.partNumber, this.partSize, file.size);
    let eTag = '';
    for (let attempt = 0; ; attempt++) {
      try {
        eTag = await putPart(part.url, file.slice(start, end), this.contentType, signal, (bytes) => this.progress(part.partNumber, bytes));
        break;
      } catch (error) {
        this.progress(part.partNumber, 0);
        if (!(error instanceof StorageError) || error.kind !== 'storage' || attempt >= 2 || !navigator.onLine) throw error;
        await pause(1000 * (attempt + 1), signal);
      }
    }
    this.inFlight.delete(part.partNumber);
    this.done.set(part.partNumber, eTag);
    this.replans = 0;
    this.set({ partsDone: this.done.size });
    // Reports go one at a time: two saved at the same moment conflict (409) on the upload's version.
    const report = this.reports.then(() => reportPart(id, part.partNumber, eTag, signal));
    this.reports = report.catch(() => undefined);
    await report;
  }

  private progress(partNumber: number, bytes: number) {
    this.inFlight.set(partNumber, bytes);
    const file = this.file!;
    let doneBytes = 0;
    this.done.forEach((_, n) => {
      const { start, end } = partRange(n, this.partSize, file.size);
      doneBytes += end - start;
    });
    let flying = 0;
    this.inFlight.forEach((sent) => { flying += sent; });
    const sentBytes = Math.min(file.size, doneBytes + flying);
    this.samples = addSample(this.samples, { at: performance.now(), bytes: sentBytes });
    const rate = bytesPerSecond(this.samples);
    this.set({ sentBytes, rate, secondsLeft: secondsLeft(file.size - sentBytes, rate) });
  }

  private fail(error: unknown) {
    const lost = (error instanceof StorageError && error.kind === 'storage') || isProblem(error, 'network');
    if (lost && !navigator.onLine) {
      this.set({ phase: 'offline', error, rate: null, secondsLeft: null });
      return;
    }
    // An upload the service has ended (expired, aborted, refused on completion) cannot be taken up again.
    if (this.uploadId && isProblem(error, 'upload-expired', 'upload-gone', 'upload-state', 'not-found', 'size-mismatch', 'not-media')) {
      forgetPending(this.uploadId);
    }
    this.set({ phase: 'failed', error, rate: null, secondsLeft: null });
  }

  private set(change: Partial<UploadView>) {
    this.view = { ...this.view, ...change };
    this.onChange(this.view);
  }
}

/** Starts the upload; a course created a moment ago may not have reached the content service yet (404), so that is waited out briefly. */
async function startUpload(target: UploadTarget, file: File, contentType: string) {
  for (let attempt = 0; ; attempt++) {
    try {
      return await call(api.content.POST('/content/v1/uploads', {
        body: { fileName: file.name, size: file.size, contentType, purpose: target.purpose, courseId: target.courseId },
      }));
    } catch (error) {
      if (!isProblem(error, 'not-found') || attempt >= 10) throw error;
      await new Promise((resolve) => setTimeout(resolve, 1000));
    }
  }
}

async function reportPart(id: string, partNumber: number, eTag: string, signal: AbortSignal): Promise<void> {
  for (let attempt = 0; ; attempt++) {
    try {
      await call(api.content.POST('/content/v1/uploads/{id}/parts/{partNumber}', { params: { path: { id, partNumber } }, body: { eTag }, signal }));
      return;
    } catch (error) {
      if (!isProblem(error, 'upload-changed', 'concurrent-change', 'conflict') || attempt >= 5) throw error;
      await pause(200 * (attempt + 1), signal);
    }
  }
}
