import { levelOf } from './recorderFormat';

/**
 * The microphone through Web Audio into one steady track: switching microphones reconnects the source while the
 * recorded track stays the same, muting turns the gain to zero (the stream keeps its audio track, silent), and an
 * analyser before the gain drives the level meter, so a muted lecturer still sees the microphone works.
 */
export class AudioMixer {
  private readonly context = new AudioContext();
  private readonly output = this.context.createMediaStreamDestination();
  private readonly gain = this.context.createGain();
  private readonly analyser = this.context.createAnalyser();
  private readonly samples: Uint8Array<ArrayBuffer>;
  private source?: MediaStreamAudioSourceNode;

  constructor() {
    this.analyser.fftSize = 512;
    this.samples = new Uint8Array(this.analyser.fftSize);
    this.gain.connect(this.output);
  }

  /** The mixed audio track the recorder takes. */
  get track(): MediaStreamTrack {
    return this.output.stream.getAudioTracks()[0];
  }

  setMicrophone(stream: MediaStream | null) {
    this.source?.disconnect();
    this.source = stream && stream.getAudioTracks().length > 0 ? this.context.createMediaStreamSource(stream) : undefined;
    this.source?.connect(this.gain);
    this.source?.connect(this.analyser);
  }

  setMuted(muted: boolean) {
    this.gain.gain.value = muted ? 0 : 1;
  }

  /** Browsers start audio suspended until the person does something; called from a click. */
  resume() {
    void this.context.resume();
  }

  level(): number {
    if (!this.source) return 0;
    this.analyser.getByteTimeDomainData(this.samples);
    return levelOf(this.samples);
  }

  dispose() {
    this.source?.disconnect();
    void this.context.close();
  }
}
