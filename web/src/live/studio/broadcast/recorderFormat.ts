/**
 * The recording format for the relay: the first of the formats the relay reads (best first) that this browser's
 * MediaRecorder can make, or null when there is none (then the page says so instead of sending what ffmpeg cannot read).
 */
export function pickFormat(relayFormats: readonly string[], canRecord: (mimeType: string) => boolean): string | null {
  return relayFormats.find((format) => canRecord(format)) ?? null;
}

/** The microphone's loudness 0–1 from an analyser's time-domain bytes (128 is silence), for the level meter. */
export function levelOf(samples: Uint8Array): number {
  if (samples.length === 0) return 0;
  let sum = 0;
  for (const sample of samples) {
    const centred = (sample - 128) / 128;
    sum += centred * centred;
  }
  // RMS of speech sits around 0.05–0.3; scaled so ordinary speech fills most of the meter.
  return Math.min(1, Math.sqrt(sum / samples.length) * 3);
}
