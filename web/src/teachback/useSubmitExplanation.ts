import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { useNavigate } from 'react-router';
import { api } from '../api/clients';
import { call } from '../api/call';
import { teachbackKeys } from './keys';
import type { Recording } from './recorderSession';
import { submitWhenReady } from './submitRetry';
import { uploadRecording } from './upload';

export type SubmitStage = 'uploading' | 'submitting';

/**
 * Sends an explanation — a recording through the content service first, or text — and opens its progress page. A
 * recording already uploaded is not uploaded again when its submission is refused (the day's quota, scoring still
 * busy) and the person tries again.
 */
export function useSubmitExplanation(topicId: string) {
  const navigate = useNavigate();
  const client = useQueryClient();
  const [stage, setStage] = useState<SubmitStage | null>(null);
  const [progress, setProgress] = useState(0);
  const [error, setError] = useState<unknown>(null);
  const uploaded = useRef(new WeakMap<Blob, string>());
  const leaving = useRef<AbortController | null>(null);

  useEffect(() => () => leaving.current?.abort(), []);

  const send = async (explanation: { text: string } | { recording: Recording }) => {
    leaving.current?.abort();
    const controller = new AbortController();
    leaving.current = controller;
    setError(null);
    try {
      let fileId: string | null = null;
      if ('recording' in explanation) {
        const { blob, format } = explanation.recording;
        fileId = uploaded.current.get(blob) ?? null;
        if (!fileId) {
          setStage('uploading');
          setProgress(0);
          fileId = await uploadRecording(blob, format, setProgress, controller.signal);
          uploaded.current.set(blob, fileId);
        }
      }
      setStage('submitting');
      const body = { topicId, fileId, text: 'text' in explanation ? explanation.text : null };
      const accepted = await submitWhenReady(
        () => call(api.student.POST('/student/v1/teachbacks', { body, signal: controller.signal })),
        fileId !== null,
      );
      void client.invalidateQueries({ queryKey: teachbackKeys.mineAll });
      navigate(`/teachback/submissions/${accepted.id}`);
    } catch (problem) {
      if (!controller.signal.aborted) setError(problem);
    } finally {
      if (!controller.signal.aborted) setStage(null);
    }
  };

  return { send, stage, progress, error, busy: stage !== null };
}
