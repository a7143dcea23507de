import { describe, expect, it } from 'vitest';
import { RecorderSession, mediaError, type MediaDeps, type RecorderEvents, type Recording } from './recorderSession';
import { webmDurationMs } from './webmDuration';

/** The start of a live WebM as Chromium writes it: header, a segment of unknown size, Info without Duration. */
const liveWebm = new Uint8Array([
  0x1a, 0x45, 0xdf, 0xa3, 0x84, 0x42, 0x82, 0x81, 0x77,
  0x18, 0x53, 0x80, 0x67, 0x01, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff,
  0x15, 0x49, 0xa9, 0x66, 0x87, 0x2a, 0xd7, 0xb1, 0x83, 0x0f, 0x42, 0x40,
  0x1f, 0x43, 0xb6, 0x75, 0x01, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xe7, 0x81, 0x00,
]);

class FakeTrack {
  readyState: 'live' | 'ended' = 'live';
  stop() { this.readyState = 'ended'; }
}

class FakeStream {
  readonly tracks = [new FakeTrack()];
  getTracks() { return this.tracks; }
}

class FakeRecorder {
  static supported = ['audio/webm;codecs=opus', 'audio/mp4'];
  static last: FakeRecorder | null = null;
  static isTypeSupported(type: string) { return FakeRecorder.supported.includes(type); }
  state: RecordingState = 'inactive';
  mimeType: string;
  ondataavailable: ((event: { data: Blob }) => void) | null = null;
  onstop: (() => void) | null = null;
  onerror: (() => void) | null = null;
  data: BlobPart[] = [liveWebm];
  constructor(readonly stream: FakeStream, options: MediaRecorderOptions) {
    this.mimeType = options.mimeType ?? '';
    FakeRecorder.last = this;
  }
  start() { this.state = 'recording'; }
  pause() { this.state = 'paused'; }
  resume() { this.state = 'recording'; }
  stop() {
    this.state = 'inactive';
    // As browsers do: the last chunk and the stop event come after stop() returns.
    queueMicrotask(() => {
      this.ondataavailable?.({ data: new Blob(this.data, { type: this.mimeType }) });
      this.onstop?.();
    });
  }
}

function harness(overrides: Partial<MediaDeps> = {}) {
  let now = 0;
  let ticking: (() => void) | null = null;
  const stream = new FakeStream();
  const seen = { phases: [] as string[], errors: [] as string[], recordings: [] as Recording[], ticks: [] as number[] };
  const deps: MediaDeps = {
    getUserMedia: async () => stream as unknown as MediaStream,
    MediaRecorder: FakeRecorder as unknown as MediaDeps['MediaRecorder'],
    now: () => now,
    every: (_ms, run) => { ticking = run; return () => { ticking = null; }; },
    ...overrides,
  };
  const events: RecorderEvents = {
    phase: (phase) => seen.phases.push(phase),
    tick: (elapsed) => seen.ticks.push(elapsed),
    recorded: (recording) => seen.recordings.push(recording),
    error: (error) => seen.errors.push(error),
  };
  const session = new RecorderSession(deps, events);
  return {
    session, stream, seen,
    at: (ms: number) => { now = ms; },
    tick: () => ticking?.(),
    get ticking() { return ticking !== null; },
  };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('RecorderSession', () => {
  it('records, releases the microphone the moment it stops, and hands over a WebM that states its length', async () => {
    const h = harness();
    await h.session.start();
    expect(h.seen.phases).toEqual(['starting', 'recording']);
    expect(FakeRecorder.last?.mimeType).toBe('audio/webm;codecs=opus');
    h.at(42_500);
    h.session.stop();
    expect(h.stream.tracks.every((track) => track.readyState === 'ended')).toBe(true);
    expect(h.ticking).toBe(false);
    await settle();
    const [recording] = h.seen.recordings;
    expect(recording).toMatchObject({ durationMs: 42_500, cause: 'user', format: { contentType: 'audio/webm', extension: 'webm' } });
    expect(recording.blob.type).toBe('audio/webm');
    expect(webmDurationMs(new Uint8Array(await recording.blob.arrayBuffer()))).toBe(42_500);
    expect(h.seen.phases.slice(-2)).toEqual(['finishing', 'stopped']);
  });

  it('stops by itself at the platform\'s limit', async () => {
    const h = harness();
    await h.session.start();
    h.at(598_900);
    h.tick();
    expect(h.seen.recordings).toHaveLength(0);
    h.at(599_000);
    h.tick();
    expect(h.stream.tracks[0].readyState).toBe('ended');
    await settle();
    expect(h.seen.recordings[0]).toMatchObject({ cause: 'time', durationMs: 599_000 });
  });

  it('leaves pauses out of the length', async () => {
    const h = harness();
    await h.session.start();
    h.at(10_000);
    h.session.pause();
    expect(FakeRecorder.last?.state).toBe('paused');
    h.at(70_000);
    h.session.resume();
    h.at(75_000);
    h.session.stop();
    await settle();
    expect(h.seen.recordings[0].durationMs).toBe(15_000);
    expect(h.seen.phases).toEqual(['starting', 'recording', 'paused', 'recording', 'finishing', 'stopped']);
  });

  it('types an MP4 recording by the container the recorder wrote', async () => {
    FakeRecorder.supported = ['audio/mp4'];
    try {
      const h = harness();
      await h.session.start();
      FakeRecorder.last!.mimeType = 'audio/mp4;codecs=opus';
      FakeRecorder.last!.data = [new Uint8Array([0, 0, 0, 24, 0x66, 0x74, 0x79, 0x70])];
      h.session.stop();
      await settle();
      expect(h.seen.recordings[0].format).toMatchObject({ contentType: 'audio/mp4', extension: 'm4a' });
    } finally {
      FakeRecorder.supported = ['audio/webm;codecs=opus', 'audio/mp4'];
    }
  });

  it('releases the microphone and reports nothing when the page is left while recording', async () => {
    const h = harness();
    await h.session.start();
    h.session.dispose();
    expect(h.stream.tracks[0].readyState).toBe('ended');
    await settle();
    expect(h.seen.recordings).toHaveLength(0);
  });

  it('closes a microphone that is granted only after the page was left', async () => {
    let grant: (stream: MediaStream) => void = () => undefined;
    const h = harness({ getUserMedia: () => new Promise((resolve) => { grant = resolve; }) });
    const starting = h.session.start();
    h.session.dispose();
    grant(h.stream as unknown as MediaStream);
    await starting;
    expect(h.stream.tracks[0].readyState).toBe('ended');
    expect(FakeRecorder.last?.stream).not.toBe(h.stream);
  });

  it('explains a refused or missing microphone and a browser that cannot record', async () => {
    const denied = harness({ getUserMedia: async () => { throw new DOMException('no', 'NotAllowedError'); } });
    await denied.session.start();
    expect(denied.seen.errors).toEqual(['denied']);
    expect(denied.seen.phases).toEqual(['starting', 'idle']);

    const old = harness({ MediaRecorder: undefined });
    await old.session.start();
    expect(old.seen.errors).toEqual(['unsupported']);

    const empty = harness();
    await empty.session.start();
    FakeRecorder.last!.data = [];
    empty.session.stop();
    await settle();
    expect(empty.seen.errors).toEqual(['empty']);
  });
});

describe('mediaError', () => {
  it('names the browser\'s refusals', () => {
    expect(mediaError(new DOMException('', 'NotAllowedError'))).toBe('denied');
    expect(mediaError(new DOMException('', 'NotFoundError'))).toBe('noDevice');
    expect(mediaError(new DOMException('', 'NotReadableError'))).toBe('busy');
    expect(mediaError('strange')).toBe('failed');
  });
});
