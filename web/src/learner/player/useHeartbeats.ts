import { useEffect, useRef, useState, type RefObject } from 'react';
import { api } from '../../api/clients';
import { call } from '../../api/call';
import type { components } from '../../api/generated/student';
import { ProblemError } from '../../api/problem';
import { HeartbeatPlan, type Beat, type Outcome, type Reading } from './heartbeatPlan';

export type ItemProgress = components['schemas']['ItemProgressResponse'];

export type HeartbeatStatus =
  | { kind: 'ok' }
  /** A beat failed and the plan will try again; the error says why in words. */
  | { kind: 'failing'; error: unknown }
  /** Nothing more is recorded on this page. */
  | { kind: 'stopped'; error: unknown };

type Options = {
  enrollmentId: string;
  itemId: string;
  /** False when nothing would be credited (a completed course under review, a cancelled one): no beats at all. */
  enabled: boolean;
  /** The measured length; a player's position past it (a file a fraction longer than measured) is sent as the end. */
  durationSeconds: number | null;
  /** The element playing now; the player may switch elements when it renews the file's URL. */
  activeVideo: () => HTMLVideoElement | null;
  /** Every element the player may switch to, for their events. */
  videos: RefObject<HTMLVideoElement | null>[];
  onProgress: (progress: ItemProgress) => void;
};

export function outcomeOf(error: unknown): Outcome {
  if (!(error instanceof ProblemError)) return { kind: 'failed' };
  if (error.kind === 'concurrent-progress') return { kind: 'conflict' };
  if (error.status === 429) return { kind: 'too-frequent', retryAfterMs: error.retryAfter === undefined ? undefined : error.retryAfter * 1000 };
  // A refusal is final on this page: outside the dates, cancelled, a video without a length, an item gone, signed out.
  if (error.status >= 400 && error.status < 500) return { kind: 'stop' };
  return { kind: 'failed' };
}

export function clampPosition(position: number, durationSeconds: number | null): number {
  const rounded = Math.round(Math.max(0, position) * 1000) / 1000;
  return durationSeconds && durationSeconds > 0 ? Math.min(rounded, durationSeconds) : rounded;
}

/**
 * Drives {@link HeartbeatPlan} from the video element's events and a timer, sends the beats, and hands every answer
 * (the item's progress as the server measured it) to `onProgress`.
 */
export function useHeartbeats({ enrollmentId, itemId, enabled, durationSeconds, activeVideo, videos, onProgress }: Options): HeartbeatStatus {
  const [status, setStatus] = useState<HeartbeatStatus>({ kind: 'ok' });
  const onProgressRef = useRef(onProgress);
  const activeRef = useRef(activeVideo);
  useEffect(() => {
    onProgressRef.current = onProgress;
    activeRef.current = activeVideo;
  });

  useEffect(() => {
    if (!enabled) return undefined;
    const plan = new HeartbeatPlan();
    let disposed = false;
    let timer: number | undefined;
    let lastPosition = activeRef.current()?.currentTime ?? 0;

    const reading = (): Reading => {
      const video = activeRef.current();
      return video ? { position: video.currentTime, playing: !video.paused && !video.ended } : { position: lastPosition, playing: false };
    };

    // keepalive: the beat sent as the tab is hidden or the page closes still gets out.
    const post = (beat: Beat) => call(api.student.POST('/student/v1/enrollments/{id}/items/{itemId}/heartbeat', {
      params: { path: { id: enrollmentId, itemId } },
      body: { positionSeconds: clampPosition(beat.positionSeconds, durationSeconds), playing: beat.playing },
      keepalive: true,
    }));

    const send = async (beat: Beat) => {
      try {
        const progress = await post(beat);
        plan.answered(Date.now(), { kind: 'ok' });
        if (disposed) return;
        setStatus({ kind: 'ok' });
        onProgressRef.current(progress);
      } catch (error) {
        const outcome = outcomeOf(error);
        plan.answered(Date.now(), outcome);
        if (disposed) return;
        if (outcome.kind === 'stop') setStatus({ kind: 'stopped', error });
        else if (outcome.kind === 'failed') setStatus({ kind: 'failing', error });
      }
      pump();
    };

    function pump() {
      if (disposed) return;
      window.clearTimeout(timer);
      const now = Date.now();
      const beat = plan.next(now, reading());
      if (beat) {
        void send(beat);
        return;
      }
      const wait = plan.wait(now, reading());
      if (wait !== null) timer = window.setTimeout(pump, wait);
    }

    /** Events of the element that is not playing (the one being prepared or just left) are not the learner's. */
    const fromActive = (event: Event) => event.target === activeRef.current();
    const listeners: Record<string, (event: Event) => void> = {
      play: (event) => { if (fromActive(event)) { plan.play(); pump(); } },
      pause: (event) => { if (fromActive(event)) { plan.pause(); pump(); } },
      ended: (event) => { if (fromActive(event)) { plan.ended(); pump(); } },
      seeking: (event) => {
        if (!fromActive(event)) return;
        const to = (event.target as HTMLVideoElement).currentTime;
        plan.seek(lastPosition, to);
        lastPosition = to;
        pump();
      },
      timeupdate: (event) => {
        const video = event.target as HTMLVideoElement;
        if (fromActive(event) && !video.seeking) lastPosition = video.currentTime;
      },
    };
    const elements = videos.map((ref) => ref.current).filter((video): video is HTMLVideoElement => video !== null);
    for (const element of elements) for (const [name, listener] of Object.entries(listeners)) element.addEventListener(name, listener);

    const leave = () => {
      const beat = plan.leave(Date.now(), reading());
      // Nobody shows this answer, but a page kept in the back-forward cache may come back, so its plan still hears it.
      if (beat) {
        void post(beat).then(() => plan.answered(Date.now(), { kind: 'ok' }), (error) => plan.answered(Date.now(), outcomeOf(error)));
      }
    };
    const visibility = () => {
      if (document.visibilityState === 'hidden') {
        plan.hidden();
        pump();
      }
    };
    document.addEventListener('visibilitychange', visibility);
    window.addEventListener('pagehide', leave);
    pump();

    return () => {
      disposed = true;
      window.clearTimeout(timer);
      for (const element of elements) for (const [name, listener] of Object.entries(listeners)) element.removeEventListener(name, listener);
      document.removeEventListener('visibilitychange', visibility);
      window.removeEventListener('pagehide', leave);
      leave();
    };
  }, [enabled, enrollmentId, itemId, durationSeconds, videos]);

  return status;
}
