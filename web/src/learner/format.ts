/**
 * A progress percentage as the learner reads it: one decimal at most and rounded down, so 89.96 % of a video never
 * reads "90" while the server, which counts 90 % as enough, has not credited it yet.
 */
export function formatPercent(value: number): string {
  const clamped = Math.min(100, Math.max(0, Number.isFinite(value) ? value : 0));
  return String(Math.floor(clamped * 10) / 10);
}

/** Minutes and seconds of a video's length, for "12분 5초". */
export function durationParts(totalSeconds: number): { minutes: number; seconds: number } {
  const whole = Math.max(0, Math.round(totalSeconds));
  return { minutes: Math.floor(whole / 60), seconds: whole % 60 };
}
