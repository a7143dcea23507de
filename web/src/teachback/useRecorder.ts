import { useCallback, useEffect, useRef, useState } from 'react';
import { chooseRecordingFormat } from './recordingFormat';
import { RecorderSession, type MediaDeps, type Recording, type RecorderError, type RecorderPhase } from './recorderSession';

export type PlayableRecording = Recording & { url: string };

function browserMedia(): MediaDeps {
  const devices = typeof navigator === 'undefined' ? undefined : navigator.mediaDevices;
  const webkit = (window as unknown as { webkitAudioContext?: { new (): AudioContext } }).webkitAudioContext;
  return {
    getUserMedia: devices?.getUserMedia ? (constraints) => devices.getUserMedia(constraints) : undefined,
    MediaRecorder: typeof MediaRecorder === 'undefined' ? undefined : MediaRecorder,
    AudioContext: typeof AudioContext === 'undefined' ? webkit : AudioContext,
    now: () => performance.now(),
    every: (ms, run) => {
      const timer = window.setInterval(run, ms);
      return () => window.clearInterval(timer);
    },
  };
}

/**
 * The recorder for one page: its phase, timer, level and the finished recording (with a URL to listen back). Leaving
 * the page — unmounting or the browser's pagehide — releases the microphone and forgets the recording.
 */
export function useRecorder() {
  const [phase, setPhase] = useState<RecorderPhase>('idle');
  const [elapsedMs, setElapsedMs] = useState(0);
  const [level, setLevel] = useState(0);
  const [error, setError] = useState<RecorderError | null>(null);
  const [recording, setRecording] = useState<PlayableRecording | null>(null);
  const session = useRef<RecorderSession | null>(null);
  // Known before anyone presses a button: no recorder, no container the service takes, or a page without a secure origin.
  const [supported] = useState(() => {
    const media = browserMedia();
    return !!media.getUserMedia && !!media.MediaRecorder && chooseRecordingFormat((type) => media.MediaRecorder!.isTypeSupported(type)) !== null;
  });

  useEffect(() => {
    const leave = () => session.current?.dispose();
    window.addEventListener('pagehide', leave);
    return () => {
      window.removeEventListener('pagehide', leave);
      leave();
    };
  }, []);

  useEffect(() => () => {
    if (recording) URL.revokeObjectURL(recording.url);
  }, [recording]);

  const start = useCallback(() => {
    session.current?.dispose();
    setError(null);
    setRecording(null);
    setElapsedMs(0);
    setLevel(0);
    const current: RecorderSession = new RecorderSession(browserMedia(), {
      phase: (next) => { if (session.current === current) setPhase(next); },
      tick: (elapsed, loudness) => {
        if (session.current !== current) return;
        setElapsedMs(elapsed);
        setLevel(loudness);
      },
      recorded: (done) => { if (session.current === current) setRecording({ ...done, url: URL.createObjectURL(done.blob) }); },
      error: (problem) => { if (session.current === current) setError(problem); },
    });
    session.current = current;
    void current.start();
  }, []);

  const reset = useCallback(() => {
    session.current?.dispose();
    session.current = null;
    setRecording(null);
    setError(null);
    setElapsedMs(0);
    setLevel(0);
    setPhase('idle');
  }, []);

  return {
    supported, phase, elapsedMs, level, error, recording, start, reset,
    pause: useCallback(() => session.current?.pause(), []),
    resume: useCallback(() => session.current?.resume(), []),
    stop: useCallback(() => session.current?.stop(), []),
  };
}
