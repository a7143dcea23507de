import { useCallback, useEffect, useRef, useState } from 'react';

export type Permission = 'unknown' | 'asking' | 'granted' | 'denied';

/** The empty device id: the lecturer chose to broadcast without that device. */
export const NONE = '';

/**
 * The lecturer's camera, microphone and shared screen. Each stream is opened for the chosen device and its tracks are
 * stopped as soon as another is chosen, sharing ends or the page goes away, so the camera light goes out with it.
 */
export function useMediaDevices() {
  const [permission, setPermission] = useState<Permission>('unknown');
  const [cameras, setCameras] = useState<MediaDeviceInfo[]>([]);
  const [microphones, setMicrophones] = useState<MediaDeviceInfo[]>([]);
  const [cameraId, setCameraId] = useState(NONE);
  const [microphoneId, setMicrophoneId] = useState(NONE);
  const [camera, setCamera] = useState<MediaStream | null>(null);
  const [microphone, setMicrophone] = useState<MediaStream | null>(null);
  const [screen, setScreen] = useState<MediaStream | null>(null);
  const [screenFailed, setScreenFailed] = useState(false);
  const streams = useRef<Set<MediaStream>>(new Set());

  const track = useCallback((stream: MediaStream) => {
    streams.current.add(stream);
    return stream;
  }, []);
  const release = useCallback((stream: MediaStream | null) => {
    stream?.getTracks().forEach((t) => t.stop());
    if (stream) streams.current.delete(stream);
  }, []);

  const enumerate = useCallback(async () => {
    const devices = await navigator.mediaDevices.enumerateDevices();
    setCameras(devices.filter((d) => d.kind === 'videoinput' && d.deviceId));
    setMicrophones(devices.filter((d) => d.kind === 'audioinput' && d.deviceId));
  }, []);

  /** Asks for the camera and microphone once; their labels (and the first choice) come with the permission. */
  const allow = useCallback(async () => {
    setPermission('asking');
    try {
      const both = track(await navigator.mediaDevices.getUserMedia({ video: true, audio: true }));
      await enumerate();
      const video = both.getVideoTracks()[0];
      const audio = both.getAudioTracks()[0];
      setCameraId(video?.getSettings().deviceId ?? NONE);
      setMicrophoneId(audio?.getSettings().deviceId ?? NONE);
      release(both);
      setPermission('granted');
    } catch {
      setPermission('denied');
    }
  }, [enumerate, release, track]);

  useEffect(() => {
    if (permission !== 'granted') return;
    navigator.mediaDevices.addEventListener('devicechange', enumerate);
    return () => navigator.mediaDevices.removeEventListener('devicechange', enumerate);
  }, [permission, enumerate]);

  useEffect(() => {
    if (permission !== 'granted' || cameraId === NONE) return;
    let current: MediaStream | null = null;
    let stale = false;
    void navigator.mediaDevices.getUserMedia({
      video: { deviceId: { exact: cameraId }, width: { ideal: 1280 }, height: { ideal: 720 }, frameRate: { ideal: 30 } },
    }).then((stream) => {
      if (stale) return release(stream);
      current = track(stream);
      setCamera(stream);
    }, () => setCamera(null));
    return () => {
      stale = true;
      release(current);
      setCamera(null);
    };
  }, [permission, cameraId, release, track]);

  useEffect(() => {
    if (permission !== 'granted' || microphoneId === NONE) return;
    let current: MediaStream | null = null;
    let stale = false;
    void navigator.mediaDevices.getUserMedia({
      audio: { deviceId: { exact: microphoneId }, echoCancellation: true, noiseSuppression: true, autoGainControl: true },
    }).then((stream) => {
      if (stale) return release(stream);
      current = track(stream);
      setMicrophone(stream);
    }, () => setMicrophone(null));
    return () => {
      stale = true;
      release(current);
      setMicrophone(null);
    };
  }, [permission, microphoneId, release, track]);

  const stopScreen = useCallback(() => {
    setScreen((previous) => {
      release(previous);
      return null;
    });
  }, [release]);

  const shareScreen = useCallback(async () => {
    setScreenFailed(false);
    try {
      const shared = track(await navigator.mediaDevices.getDisplayMedia({ video: { frameRate: { ideal: 30 } }, audio: false }));
      // The browser's own "stop sharing" bar ends the track; the inset layout goes back to the camera alone.
      shared.getVideoTracks()[0]?.addEventListener('ended', stopScreen);
      setScreen(shared);
    } catch {
      setScreenFailed(true);
    }
  }, [stopScreen, track]);

  // Whatever is still open when the page goes away.
  useEffect(() => {
    const open = streams.current;
    return () => open.forEach((stream) => stream.getTracks().forEach((t) => t.stop()));
  }, []);

  return {
    permission, allow, cameras, microphones, cameraId, setCameraId, microphoneId, setMicrophoneId,
    camera, microphone, screen, shareScreen, stopScreen, screenFailed,
  };
}
