import { levelOf } from './level';
import { chooseRecordingFormat, formatOfRecording, type RecordingFormat } from './recordingFormat';
import { RecordingClock, recordingLimitReached, type StopReason } from './recordingLimit';
import { withWebmDuration } from './webmDuration';

export type RecorderPhase = 'idle' | 'starting' | 'recording' | 'paused' | 'finishing' | 'stopped';
export type RecorderError = 'denied' | 'noDevice' | 'busy' | 'unsupported' | 'failed' | 'empty';
export type StopCause = 'user' | StopReason;
export type Recording = { blob: Blob; format: RecordingFormat; durationMs: number; cause: StopCause };

/** What the session needs from the browser; tests hand in fakes. */
export type MediaDeps = {
  getUserMedia?: (constraints: MediaStreamConstraints) => Promise<MediaStream>;
  MediaRecorder?: { new (stream: MediaStream, options?: MediaRecorderOptions): MediaRecorder; isTypeSupported(type: string): boolean };
  AudioContext?: { new (): AudioContext };
  now: () => number;
  every: (ms: number, run: () => void) => () => void;
};

export type RecorderEvents = {
  phase: (phase: RecorderPhase) => void;
  tick: (elapsedMs: number, level: number) => void;
  recorded: (recording: Recording) => void;
  error: (error: RecorderError) => void;
};

/** Chunks are handed over every second, so the size limit is checked while recording and a crash loses little. */
const TIMESLICE_MS = 1_000;
/** Speech needs no more; ten minutes stay near 5 MiB, a single upload part. */
const BITS_PER_SECOND = 64_000;
const TICK_MS = 100;

/**
 * One recording from the microphone: start, pause, resume, stop at the person's word or at the platform's limit. The
 * microphone is released — every track stopped, the analyser's audio context closed — the moment recording stops, fails
 * or the session is disposed (the page left), never later.
 */
export class RecorderSession {
  private stream: MediaStream | null = null;
  private recorder: MediaRecorder | null = null;
  private context: AudioContext | null = null;
  private analyser: AnalyserNode | null = null;
  private samples = new Uint8Array(0);
  private chunks: Blob[] = [];
  private bytes = 0;
  private readonly clock = new RecordingClock();
  private stopTicking: (() => void) | null = null;
  private asked: RecordingFormat | null = null;
  private cause: StopCause = 'user';
  private durationMs = 0;
  private disposed = false;

  constructor(private readonly deps: MediaDeps, private readonly events: RecorderEvents) {}

  async start(): Promise<void> {
    const Recorder = this.deps.MediaRecorder;
    this.asked = Recorder ? chooseRecordingFormat((type) => Recorder.isTypeSupported(type)) : null;
    if (!Recorder || !this.asked || !this.deps.getUserMedia) return this.events.error('unsupported');
    this.events.phase('starting');
    let stream: MediaStream;
    try {
      stream = await this.deps.getUserMedia({ audio: { echoCancellation: true, noiseSuppression: true, autoGainControl: true } });
    } catch (error) {
      this.events.phase('idle');
      return this.events.error(mediaError(error));
    }
    if (this.disposed) {
      stream.getTracks().forEach((track) => track.stop());
      return;
    }
    this.stream = stream;
    try {
      this.recorder = new Recorder(stream, { mimeType: this.asked.mimeType, audioBitsPerSecond: BITS_PER_SECOND });
    } catch {
      this.release();
      this.events.phase('idle');
      return this.events.error('failed');
    }
    this.meter(stream);
    this.chunks = [];
    this.bytes = 0;
    this.cause = 'user';
    const recorder = this.recorder;
    recorder.ondataavailable = (event) => {
      if (event.data.size > 0) {
        this.chunks.push(event.data);
        this.bytes += event.data.size;
      }
    };
    recorder.onstop = () => void this.finish(recorder);
    recorder.onerror = () => {
      this.release();
      if (!this.disposed) {
        this.events.phase('idle');
        this.events.error('failed');
      }
    };
    recorder.start(TIMESLICE_MS);
    this.clock.start(this.deps.now());
    this.stopTicking = this.deps.every(TICK_MS, () => this.tick());
    this.events.phase('recording');
    this.events.tick(0, 0);
  }

  pause() {
    if (this.recorder?.state !== 'recording') return;
    this.recorder.pause();
    this.clock.pause(this.deps.now());
    this.events.phase('paused');
    this.events.tick(this.clock.elapsed(this.deps.now()), 0);
  }

  resume() {
    if (this.recorder?.state !== 'paused') return;
    this.recorder.resume();
    this.clock.resume(this.deps.now());
    this.events.phase('recording');
  }

  stop(cause: StopCause = 'user') {
    if (!this.recorder || this.recorder.state === 'inactive') return;
    this.cause = cause;
    this.durationMs = this.clock.elapsed(this.deps.now());
    this.recorder.stop();
    // The last chunk is already with the recorder: the microphone can go at once.
    this.release();
    this.events.phase('finishing');
  }

  /** The page is left: everything stops and nothing more is reported. */
  dispose() {
    this.disposed = true;
    if (this.recorder && this.recorder.state !== 'inactive') this.recorder.stop();
    this.release();
  }

  /** Runs every tick while the microphone is open: the timer, the level meter and the limit. */
  tick() {
    if (!this.recorder || this.recorder.state === 'inactive') return;
    const elapsed = this.clock.elapsed(this.deps.now());
    let level = 0;
    if (this.analyser && this.recorder.state === 'recording') {
      this.analyser.getByteTimeDomainData(this.samples);
      level = levelOf(this.samples);
    }
    this.events.tick(elapsed, level);
    const limit = recordingLimitReached(elapsed, this.bytes);
    if (limit) this.stop(limit);
  }

  /** True while a track of the microphone is still live (for the tests and for nothing else to guess at). */
  get microphoneOpen(): boolean {
    return !!this.stream?.getTracks().some((track) => track.readyState === 'live');
  }

  private meter(stream: MediaStream) {
    const Context = this.deps.AudioContext;
    if (!Context) return;
    try {
      this.context = new Context();
      this.analyser = this.context.createAnalyser();
      this.analyser.fftSize = 1024;
      this.samples = new Uint8Array(this.analyser.fftSize);
      this.context.createMediaStreamSource(stream).connect(this.analyser);
      void this.context.resume().catch(() => undefined);
    } catch {
      // The meter is a help, not a need: recording goes on without it.
      this.analyser = null;
    }
  }

  private release() {
    this.stopTicking?.();
    this.stopTicking = null;
    this.stream?.getTracks().forEach((track) => track.stop());
    if (this.context && this.context.state !== 'closed') void this.context.close().catch(() => undefined);
    this.context = null;
    this.analyser = null;
  }

  private async finish(recorder: MediaRecorder) {
    if (this.disposed) return;
    const format = this.asked && formatOfRecording(recorder.mimeType, this.asked);
    if (!format) {
      this.events.phase('idle');
      return this.events.error('unsupported');
    }
    if (this.bytes === 0) {
      this.events.phase('idle');
      return this.events.error('empty');
    }
    let blob = new Blob(this.chunks, { type: format.contentType });
    if (format.contentType === 'audio/webm') {
      blob = new Blob([withWebmDuration(new Uint8Array(await blob.arrayBuffer()), this.durationMs) as Uint8Array<ArrayBuffer>], { type: format.contentType });
    }
    if (this.disposed) return;
    this.chunks = [];
    this.events.recorded({ blob, format, durationMs: this.durationMs, cause: this.cause });
    this.events.phase('stopped');
  }
}

/** The browser's reasons for refusing the microphone, as the page explains them. */
export function mediaError(error: unknown): RecorderError {
  const name = error instanceof Error || error instanceof DOMException ? error.name : '';
  if (name === 'NotAllowedError' || name === 'SecurityError') return 'denied';
  if (name === 'NotFoundError' || name === 'OverconstrainedError') return 'noDevice';
  if (name === 'NotReadableError' || name === 'AbortError') return 'busy';
  return 'failed';
}
