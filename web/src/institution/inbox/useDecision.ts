import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useRef, useState } from 'react';
import { api } from '../../api/clients';
import { call } from '../../api/call';
import { ProblemError } from '../../api/problem';
import { decisionReflected, type Decision } from './decisions';
import { getProvision, inboxKeys, type InboxProvision } from './queries';
import { DecisionFailure, sendWithRetries, type RetryProgress } from './retrySchedule';

export type DecisionOutcome =
  | { kind: 'done'; decision: Decision; alreadyDone: boolean }
  | { kind: 'failed'; decision: Decision; reason?: string; failure: DecisionFailure };

function send(id: string, decision: Decision, reason?: string): Promise<InboxProvision> {
  const path = { params: { path: { id } } };
  const body = { reason: reason ?? '' };
  switch (decision) {
    case 'accept': return call(api.institution.POST('/institution/v1/course-provides/{id}/accept', path));
    case 'decline': return call(api.institution.POST('/institution/v1/course-provides/{id}/decline', { ...path, body }));
    case 'approve-roster': return call(api.institution.POST('/institution/v1/course-provides/{id}/approve-roster', path));
    case 'return-roster': return call(api.institution.POST('/institution/v1/course-provides/{id}/return-roster', { ...path, body }));
    case 'approve-amendment': return call(api.institution.POST('/institution/v1/course-provides/{id}/approve-amendment', path));
    case 'return-amendment': return call(api.institution.POST('/institution/v1/course-provides/{id}/return-amendment', { ...path, body }));
  }
}

/**
 * Takes one decision at a time on a provision, retrying visibly while the company side is busy. A retry that finds
 * its decision already in the history (an earlier attempt went through, its answer lost) is done, not refused.
 */
export function useDecision(provision: InboxProvision) {
  const queryClient = useQueryClient();
  const [progress, setProgress] = useState<RetryProgress | null>(null);
  const [outcome, setOutcome] = useState<DecisionOutcome | null>(null);
  const running = useRef<AbortController | null>(null);
  useEffect(() => () => running.current?.abort(), []);

  const decide = useCallback(async (decision: Decision, reason?: string) => {
    if (running.current) return;
    const controller = new AbortController();
    running.current = controller;
    const seen = provision.history.length;
    setOutcome(null);
    const settle = (view: InboxProvision) => {
      queryClient.setQueryData(inboxKeys.provision(provision.id), view);
      void queryClient.invalidateQueries({ queryKey: inboxKeys.lists });
    };
    try {
      const view = await sendWithRetries(() => send(provision.id, decision, reason), { onProgress: setProgress, signal: controller.signal });
      settle(view);
      setOutcome({ kind: 'done', decision, alreadyDone: false });
    } catch (error) {
      if (controller.signal.aborted || !(error instanceof DecisionFailure)) return;
      if (error.error instanceof ProblemError && error.error.status === 409) {
        const fresh = await getProvision(provision.id).catch(() => null);
        if (fresh) settle(fresh);
        if (fresh && error.attempts > 1 && decisionReflected(decision, seen, fresh.history)) {
          setOutcome({ kind: 'done', decision, alreadyDone: true });
          return;
        }
      }
      setOutcome({ kind: 'failed', decision, reason, failure: error });
    } finally {
      if (running.current === controller) running.current = null;
      if (!controller.signal.aborted) setProgress(null);
    }
  }, [provision.history.length, provision.id, queryClient]);

  return { decide, progress, outcome, busy: progress !== null };
}
