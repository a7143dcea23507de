import { layoutFor, type Corner, type Rect, type Size } from './insetLayout';

export const FRAME: Size = { width: 1280, height: 720 };
export const FRAMES_PER_SECOND = 30;

/**
 * Draws what learners see onto one canvas: the shared screen whole with the camera as an inset, or the camera alone,
 * or a slate. The recorder takes the canvas's own stream, so switching camera or screen never changes the recorded
 * track (MediaRecorder cannot follow a track change).
 */
export class Compositor {
  corner: Corner = 'bottom-right';
  slate = '';
  private readonly context: CanvasRenderingContext2D;
  private readonly camera = hiddenVideo();
  private readonly screen = hiddenVideo();
  private readonly tick = () => this.draw();
  private captured?: MediaStream;

  constructor(readonly canvas: HTMLCanvasElement) {
    canvas.width = FRAME.width;
    canvas.height = FRAME.height;
    this.context = canvas.getContext('2d', { alpha: false })!;
    frameTicks.subscribe(this.tick);
    this.draw();
  }

  setCamera(stream: MediaStream | null) {
    show(this.camera, stream);
  }

  setScreen(stream: MediaStream | null) {
    show(this.screen, stream);
  }

  /** The canvas as a video track at the broadcast's frame rate. */
  stream(): MediaStream {
    this.captured ??= this.canvas.captureStream(FRAMES_PER_SECOND);
    return this.captured;
  }

  dispose() {
    frameTicks.unsubscribe(this.tick);
    this.captured?.getTracks().forEach((track) => track.stop());
    show(this.camera, null);
    show(this.screen, null);
  }

  private draw() {
    const c = this.context;
    c.fillStyle = '#000';
    c.fillRect(0, 0, FRAME.width, FRAME.height);
    const layout = layoutFor(FRAME, sizeOf(this.screen), sizeOf(this.camera), this.corner);
    if (layout.main) {
      draw(c, layout.main.source === 'screen' ? this.screen : this.camera, layout.main.rect);
    } else if (this.slate) {
      c.fillStyle = '#fff';
      c.font = '36px "Noto Sans KR", "Noto Sans CJK KR", sans-serif';
      c.textAlign = 'center';
      c.textBaseline = 'middle';
      c.fillText(this.slate, FRAME.width / 2, FRAME.height / 2);
    }
    if (layout.inset) {
      c.fillStyle = '#fff';
      c.fillRect(layout.inset.x - 2, layout.inset.y - 2, layout.inset.width + 4, layout.inset.height + 4);
      draw(c, this.camera, layout.inset);
    }
  }
}

/**
 * One ticking worker for the page's lifetime, shared by every compositor: it rests while nobody listens. (A worker made
 * and terminated per compositor would leave its script's request hanging when a page mounts twice, as React's strict
 * mode does.)
 */
const frameTicks = (() => {
  const listeners = new Set<() => void>();
  let worker: Worker | undefined;
  return {
    subscribe(listener: () => void) {
      if (!worker) {
        worker = new Worker(new URL('./frameTicker.worker.ts', import.meta.url), { type: 'module' });
        worker.onmessage = () => listeners.forEach((l) => l());
      }
      listeners.add(listener);
      if (listeners.size === 1) worker.postMessage(FRAMES_PER_SECOND);
    },
    unsubscribe(listener: () => void) {
      listeners.delete(listener);
      if (listeners.size === 0) worker?.postMessage(0);
    },
  };
})();

function hiddenVideo(): HTMLVideoElement {
  const video = document.createElement('video');
  video.muted = true;
  video.playsInline = true;
  return video;
}

function show(video: HTMLVideoElement, stream: MediaStream | null) {
  video.srcObject = stream;
  if (stream) void video.play().catch(() => undefined);
}

/** A picture's size once it has one to draw. */
function sizeOf(video: HTMLVideoElement): Size | undefined {
  return video.srcObject && video.readyState >= 2 && video.videoWidth > 0 ? { width: video.videoWidth, height: video.videoHeight } : undefined;
}

function draw(context: CanvasRenderingContext2D, video: HTMLVideoElement, rect: Rect) {
  context.drawImage(video, rect.x, rect.y, rect.width, rect.height);
}
