import { useCallback, useEffect, useRef, useState } from 'react';
import { findPending, forgetPending, type PendingUpload } from './resumePlan';
import { IDLE, MultipartUpload, type UploadTarget, type UploadView } from './MultipartUpload';

/** An upload's controller for a component: its view as state, and the unfinished upload this browser left for the slot. */
export function useUpload(target: UploadTarget) {
  const { courseId, purpose, slot } = target;
  const [view, setView] = useState<UploadView>(IDLE);
  const [pending, setPending] = useState<PendingUpload | undefined>(() => findPending(courseId, slot));
  const controller = useRef<MultipartUpload | null>(null);

  useEffect(() => {
    const upload = new MultipartUpload({ courseId, purpose, slot }, setView);
    controller.current = upload;
    setPending(findPending(courseId, slot));
    return () => {
      upload.dispose();
      controller.current = null;
    };
  }, [courseId, purpose, slot]);

  const start = useCallback((file: File) => {
    setPending(undefined);
    void controller.current?.start(file);
  }, []);
  const resume = useCallback((file: File, from: PendingUpload) => {
    setPending(undefined);
    void controller.current?.resume(file, from);
  }, []);
  const pause = useCallback(() => controller.current?.pause(), []);
  const proceed = useCallback(() => void controller.current?.continue(), []);
  const cancel = useCallback(() => void controller.current?.cancel(), []);
  const reset = useCallback(() => setView(IDLE), []);
  /** Gives up an upload left by an earlier visit without picking its file again. */
  const discard = useCallback((from: PendingUpload) => {
    setPending(undefined);
    forgetPending(from.uploadId);
    void controller.current?.discard(from.uploadId);
  }, []);

  /** Forgets an upload the service no longer has (expired, finished). */
  const forget = useCallback((from: PendingUpload) => {
    setPending(undefined);
    forgetPending(from.uploadId);
  }, []);

  return { view, pending, start, resume, pause, proceed, cancel, reset, discard, forget };
}
