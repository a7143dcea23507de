/**
 * The loudness of one analyser frame (`getByteTimeDomainData`, silence at 128) as 0–1 for the level meter. Speech sits
 * far below full scale, so the root mean square is lifted on a square-root curve: a normal voice fills about half the
 * bar, silence shows nothing.
 */
export function levelOf(samples: ArrayLike<number>): number {
  if (samples.length === 0) return 0;
  let sum = 0;
  for (let i = 0; i < samples.length; i++) {
    const centred = (samples[i] - 128) / 128;
    sum += centred * centred;
  }
  const rms = Math.sqrt(sum / samples.length);
  return Math.min(1, Math.sqrt(rms * 2));
}
