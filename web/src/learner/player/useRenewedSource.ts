import { useCallback, useEffect, useMemo, useRef, useState, type RefObject } from 'react';

/** How far ahead of the playing element the standby one is put, for the time it takes to seek and decode. */
const HANDOVER_LEAD_SECONDS = 0.2;
/** A second failure this soon after reloading is not an expired URL: it is shown instead of reloading in a loop. */
const RECOVERY_WINDOW_MS = 15_000;

export type SourceProblem = 'none' | 'recovering' | 'failed';

/**
 * Plays a file whose presigned URL lives five minutes, for as long as the video runs. Changing a playing element's
 * `src` blanks the picture and restarts buffering, so each renewed URL is loaded into a second, hidden element that is
 * seeked to where the first one is; once it has the frame it takes over (same time, volume, speed, playing or not)
 * and the first is emptied. If the playing element fails anyway (a laptop asleep through the renewal), a fresh URL is
 * fetched and loaded in place at the last position.
 */
export function useRenewedSource(url: string | undefined, fetchFresh: () => Promise<string | undefined>) {
  const first = useRef<HTMLVideoElement>(null);
  const second = useRef<HTMLVideoElement>(null);
  const videos = useMemo<RefObject<HTMLVideoElement | null>[]>(() => [first, second], []);
  const activeIndex = useRef(0);
  const [active, setActive] = useState(0);
  const [problem, setProblem] = useState<SourceProblem>('none');
  const handingOver = useRef(false);
  const focusAfterHandover = useRef(false);
  const lastTime = useRef(0);
  const wantsToPlay = useRef(false);
  const resume = useRef<{ at: number; play: boolean } | null>(null);
  const lastRecovery = useRef(0);

  const activeVideo = useCallback(() => videos[activeIndex.current].current, [videos]);
  const standbyVideo = useCallback(() => videos[1 - activeIndex.current].current, [videos]);

  const reloadInPlace = useCallback((fresh: string) => {
    const video = activeVideo();
    if (!video) return;
    resume.current = { at: lastTime.current, play: wantsToPlay.current };
    video.src = fresh;
  }, [activeVideo]);

  useEffect(() => {
    const current = activeVideo();
    const standby = standbyVideo();
    if (!url || !current || !standby) return;
    if (!current.getAttribute('src')) {
      current.src = url;
      return;
    }
    if (current.src === url) return;
    // Nothing shown yet (never played, or failed): the new URL simply replaces the old one.
    if (current.error || current.readyState === HTMLMediaElement.HAVE_NOTHING || (current.paused && current.currentTime === 0)) {
      reloadInPlace(url);
      return;
    }
    handingOver.current = true;
    standby.preload = 'auto';
    standby.src = url;
  }, [url, activeVideo, standbyVideo, reloadInPlace]);

  useEffect(() => {
    if (!focusAfterHandover.current) return;
    focusAfterHandover.current = false;
    activeVideo()?.focus();
  }, [active, activeVideo]);

  const takeOver = useCallback(() => {
    const from = activeVideo();
    const to = standbyVideo();
    handingOver.current = false;
    if (!from || !to) return;
    const playing = !from.paused && !from.ended;
    to.muted = from.muted;
    to.volume = from.volume;
    to.playbackRate = from.playbackRate;
    if (Math.abs(to.currentTime - from.currentTime) > 2 * HANDOVER_LEAD_SECONDS) to.currentTime = from.currentTime;
    focusAfterHandover.current = document.activeElement === from;
    activeIndex.current = 1 - activeIndex.current;
    setActive(activeIndex.current);
    if (playing) void to.play().catch(() => undefined);
    from.pause();
    from.removeAttribute('src');
    from.load();
  }, [activeVideo, standbyVideo]);

  /** Props for each element's events; `index` says which of the two it is. */
  const eventsOf = useCallback((index: number) => ({
    onLoadedMetadata: () => {
      const video = videos[index].current;
      if (!video) return;
      if (index === activeIndex.current) {
        const at = resume.current;
        resume.current = null;
        if (at) {
          video.currentTime = Math.min(at.at, Number.isFinite(video.duration) ? video.duration : at.at);
          if (at.play) void video.play().catch(() => undefined);
        }
        setProblem('none');
        return;
      }
      const current = activeVideo();
      if (handingOver.current && current) {
        const playing = !current.paused && !current.ended;
        video.currentTime = Math.min(current.currentTime + (playing ? HANDOVER_LEAD_SECONDS : 0), video.duration || current.currentTime);
      }
    },
    onSeeked: () => {
      if (index !== activeIndex.current && handingOver.current) takeOver();
    },
    onTimeUpdate: () => {
      const video = videos[index].current;
      if (index === activeIndex.current && video && !video.seeking) lastTime.current = video.currentTime;
    },
    onPlay: () => {
      if (index === activeIndex.current) wantsToPlay.current = true;
    },
    onPause: () => {
      const video = videos[index].current;
      if (index === activeIndex.current && video && !video.error) wantsToPlay.current = false;
    },
    onError: () => {
      const video = videos[index].current;
      // An element emptied after a handover has no source: nothing failed.
      if (!video || !video.getAttribute('src')) return;
      if (index !== activeIndex.current) {
        // The renewal failed to load; the playing element goes on and the next renewal tries again.
        handingOver.current = false;
        video.removeAttribute('src');
        video.load();
        return;
      }
      const now = Date.now();
      if (now - lastRecovery.current < RECOVERY_WINDOW_MS) {
        setProblem('failed');
        return;
      }
      lastRecovery.current = now;
      setProblem('recovering');
      void fetchFresh().then((fresh) => {
        if (fresh) reloadInPlace(fresh);
        else setProblem('failed');
      }, () => setProblem('failed'));
    },
  }), [videos, activeVideo, takeOver, fetchFresh, reloadInPlace]);

  const retry = useCallback(() => {
    lastRecovery.current = 0;
    setProblem('recovering');
    void fetchFresh().then((fresh) => {
      if (fresh) reloadInPlace(fresh);
      else setProblem('failed');
    }, () => setProblem('failed'));
  }, [fetchFresh, reloadInPlace]);

  return { videos, active, activeVideo, eventsOf, problem, retry };
}
