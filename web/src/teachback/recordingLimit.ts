/**
 * The content service's limits for a teach-back recording (services/Content/Uploads/UploadKinds.cs,
 * `UploadKind.TeachbackAudio` and `MaxTeachbackSeconds`): at most 10 minutes, measured on completion, and 50 MiB.
 */
export const MAX_RECORDING_SECONDS = 600;
export const MAX_RECORDING_BYTES = 50 * 1024 * 1024;

/**
 * The recorder stops itself one second short of the service's limit: the timer ticks a little late and the service
 * rounds what it measures, so a recording stopped exactly at 10:00 could be refused after it was made.
 */
export const RECORDING_LIMIT_MS = (MAX_RECORDING_SECONDS - 1) * 1000;

/** Room for the last chunk the recorder hands over after it is told to stop. */
export const RECORDING_BYTES_LIMIT = MAX_RECORDING_BYTES - 1024 * 1024;

export type StopReason = 'time' | 'size';

/** Why a recording must stop now, or `null` while it may go on. */
export function recordingLimitReached(elapsedMs: number, bytes: number): StopReason | null {
  if (elapsedMs >= RECORDING_LIMIT_MS) return 'time';
  if (bytes >= RECORDING_BYTES_LIMIT) return 'size';
  return null;
}

/** `m:ss` for a timer: 0:00, 1:05, 9:59. */
export function clockText(ms: number): string {
  const seconds = Math.max(0, Math.floor(ms / 1000));
  return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;
}

/** Time spent recording, pauses left out: the length of what was recorded, not of the visit. */
export class RecordingClock {
  private startedAt: number | null = null;
  private banked = 0;

  start(now: number) {
    this.banked = 0;
    this.startedAt = now;
  }

  pause(now: number) {
    if (this.startedAt === null) return;
    this.banked += now - this.startedAt;
    this.startedAt = null;
  }

  resume(now: number) {
    if (this.startedAt === null) this.startedAt = now;
  }

  elapsed(now: number): number {
    return this.banked + (this.startedAt === null ? 0 : now - this.startedAt);
  }
}
