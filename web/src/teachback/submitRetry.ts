import { ProblemError } from '../api/problem';

/**
 * The student service learns of a finished recording by an event from the content service, so for a moment after the
 * upload completes a submission naming it is "not found". These waits (about half a minute in all) cover that; a
 * recording still unknown after them is reported as a refusal.
 */
export const recordingWaitsMs = [500, 1_000, 1_500, 2_000, 3_000, 4_000, 5_000, 6_000, 7_000];

/**
 * Submits, and for a recording asks again while the answer is 404: the recording not announced yet. A typed
 * explanation's 404 (the topic is not mine to practise) is reported at once, as is every other refusal.
 */
export async function submitWhenReady<T>(
  submit: () => Promise<T>,
  waitsForRecording: boolean,
  sleep: (ms: number) => Promise<void> = (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
  waits: readonly number[] = recordingWaitsMs,
): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await submit();
    } catch (error) {
      const notAnnounced = waitsForRecording && error instanceof ProblemError && error.status === 404;
      if (!notAnnounced || attempt >= waits.length) throw error;
      await sleep(waits[attempt]);
    }
  }
}
