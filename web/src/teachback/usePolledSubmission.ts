import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { teachbackKeys } from './keys';
import { pollUntilFinal } from './polling';
import { askSubmission, type Submission } from './submissionApi';

export type PollState = 'polling' | 'final' | 'capped' | 'refused';

/**
 * Follows one submission until its final status, honouring `Retry-After`, up to the cap; `again()` starts a fresh
 * round after the cap. Leaving the page stops the polling.
 */
export function usePolledSubmission(id: string) {
  const client = useQueryClient();
  const [submission, setSubmission] = useState<Submission | null>(null);
  const [state, setState] = useState<PollState>('polling');
  const [error, setError] = useState<unknown>(null);
  const [round, setRound] = useState(0);

  useEffect(() => {
    const leaving = new AbortController();
    setState('polling');
    setError(null);
    void pollUntilFinal(() => askSubmission(id, leaving.signal), { onUpdate: setSubmission, signal: leaving.signal }).then((outcome) => {
      if (outcome.kind === 'aborted') return;
      if (outcome.kind === 'refused') setError(outcome.error);
      if (outcome.kind === 'final') {
        void client.invalidateQueries({ queryKey: teachbackKeys.mineAll });
        void client.invalidateQueries({ queryKey: ['teachback', 'ranking'] });
      }
      setState(outcome.kind);
    });
    return () => leaving.abort();
  }, [id, round, client]);

  return {
    submission, state, error,
    again: () => setRound((value) => value + 1),
    rated: (stars: number) => setSubmission((current) => (current ? { ...current, helpfulnessStars: stars } : current)),
  };
}
