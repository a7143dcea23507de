/** How the browser broadcast is doing, from what was handed to the socket and what it still holds. */

export type HealthSample = {
  /** Milliseconds (performance.now()). */
  at: number;
  /** Bytes handed to the socket so far. */
  handed: number;
  /** The socket's bufferedAmount: handed but not sent yet. */
  buffered: number;
  /** Chunks dropped so far. */
  dropped: number;
};

export type Health = 'offline' | 'starting' | 'good' | 'poor' | 'stalled';

/** The window the bitrate is measured over, and how long nothing sent counts as stalled. */
export const BITRATE_WINDOW_MS = 5000;
export const STALL_MS = 4000;

const sent = (sample: HealthSample) => sample.handed - sample.buffered;

/** The sample at or just before `at`, or the oldest one. */
function sampleAt(samples: HealthSample[], at: number): HealthSample {
  let found = samples[0];
  for (const sample of samples) {
    if (sample.at <= at) found = sample;
  }
  return found;
}

/** Kilobits a second actually sent (not merely queued) over the last few seconds. */
export function bitrateKbps(samples: HealthSample[], windowMs = BITRATE_WINDOW_MS): number {
  if (samples.length < 2) return 0;
  const last = samples[samples.length - 1];
  const first = sampleAt(samples, last.at - windowMs);
  const seconds = (last.at - first.at) / 1000;
  if (seconds <= 0) return 0;
  return Math.max(0, Math.round(((sent(last) - sent(first)) * 8) / 1000 / seconds));
}

/**
 * offline: the socket is not open. starting: too soon to tell. stalled: nothing left the browser for a while.
 * poor: chunks were dropped lately, or the socket holds more than half of what the gate allows. good: otherwise.
 */
export function healthOf(open: boolean, samples: HealthSample[], bufferLimit: number): Health {
  if (!open) return 'offline';
  if (samples.length < 2) return 'starting';
  const last = samples[samples.length - 1];
  if (last.at - samples[0].at < STALL_MS) return last.dropped > 0 ? 'poor' : 'starting';
  const before = sampleAt(samples, last.at - STALL_MS);
  if (sent(last) === sent(before)) return 'stalled';
  const recent = sampleAt(samples, last.at - BITRATE_WINDOW_MS);
  if (last.dropped > recent.dropped || last.buffered > bufferLimit / 2) return 'poor';
  return 'good';
}

/** Keeps only the samples the measures above look at (plus one before them). */
export function trimSamples(samples: HealthSample[], windowMs = BITRATE_WINDOW_MS): HealthSample[] {
  if (samples.length === 0) return samples;
  const last = samples[samples.length - 1];
  const keepFrom = samples.findIndex((sample) => sample.at >= last.at - windowMs);
  return samples.slice(Math.max(0, keepFrom - 1));
}
