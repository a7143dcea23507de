import { useEffect, useReducer, useRef } from 'react';
import { isProblem } from '../../api/problem';
import { Autosaver } from './autosave';
import { saveAnswers, type AttemptView } from './examApi';

/** The attempt's {@link Autosaver}, made once per attempt, re-rendering the page as its status changes. */
export function useAutosave(attempt: AttemptView, onClosed: () => void): Autosaver {
  const [, rerender] = useReducer((n: number) => n + 1, 0);
  const onClosedRef = useRef(onClosed);
  onClosedRef.current = onClosed;
  const saverRef = useRef<Autosaver | null>(null);
  if (saverRef.current === null) {
    const attemptId = attempt.id;
    saverRef.current = new Autosaver({
      attemptId,
      saved: attempt.answers,
      save: (answers, keepalive) => saveAnswers(attemptId, answers, keepalive),
      isClosed: (error) => isProblem(error, 'attempt-closed'),
      storage: typeof sessionStorage === 'undefined' ? undefined : sessionStorage,
      onChange: rerender,
      onClosed: () => onClosedRef.current(),
    });
  }
  const saver = saverRef.current;

  useEffect(() => {
    const hidden = () => { if (document.visibilityState === 'hidden') saver.leave(); };
    const leave = () => saver.leave();
    window.addEventListener('pagehide', leave);
    document.addEventListener('visibilitychange', hidden);
    return () => {
      window.removeEventListener('pagehide', leave);
      document.removeEventListener('visibilitychange', hidden);
    };
  }, [saver]);

  useEffect(() => {
    saver.start();
    return () => saver.dispose();
  }, [saver]);
  return saver;
}
