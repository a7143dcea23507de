/** How many bytes had gone at a moment (ms, any monotonic clock). */
export type Sample = { at: number; bytes: number };

/** Speed is measured over the last few seconds: long enough to smooth three parts' bursts, short enough to follow a slower network. */
export const RATE_WINDOW_MS = 5_000;

/** Adds a sample and forgets those older than the window, keeping one older sample as the window's starting point. */
export function addSample(samples: readonly Sample[], sample: Sample, windowMs = RATE_WINDOW_MS): Sample[] {
  const next = [...samples, sample];
  let first = 0;
  while (first + 1 < next.length && next[first + 1].at <= sample.at - windowMs) first++;
  return next.slice(first);
}

/** Bytes per second over the samples kept; null until at least half a second has been measured. */
export function bytesPerSecond(samples: readonly Sample[]): number | null {
  if (samples.length < 2) return null;
  const first = samples[0];
  const last = samples[samples.length - 1];
  const elapsed = last.at - first.at;
  if (elapsed < 500) return null;
  return Math.max(0, (last.bytes - first.bytes) / (elapsed / 1000));
}

/** Seconds left at the current speed; null when the speed is unknown or nothing moves. */
export function secondsLeft(remainingBytes: number, rate: number | null): number | null {
  if (remainingBytes <= 0) return 0;
  if (rate === null || rate <= 0) return null;
  return Math.ceil(remainingBytes / rate);
}

/** A size in words a person reads: "12.5 MB" (decimal units, as file managers show them). */
export function sizeText(bytes: number): string {
  if (bytes < 1000) return `${bytes} B`;
  const units = ['kB', 'MB', 'GB', 'TB'];
  let value = bytes / 1000;
  let unit = 0;
  while (value >= 1000 && unit < units.length - 1) {
    value /= 1000;
    unit++;
  }
  return `${value >= 100 ? Math.round(value) : value.toFixed(1)} ${units[unit]}`;
}

/** A duration as clocks show it: "1:05", "1:02:03". */
export function clockText(seconds: number): string {
  const s = Math.max(0, Math.round(seconds));
  const hours = Math.floor(s / 3600);
  const minutes = Math.floor((s % 3600) / 60);
  const rest = String(s % 60).padStart(2, '0');
  return hours > 0 ? `${hours}:${String(minutes).padStart(2, '0')}:${rest}` : `${minutes}:${rest}`;
}
