import { useQuery } from '@tanstack/react-query';
import { api } from '../../api/clients';
import { call } from '../../api/call';
import type { components } from '../../api/generated/live';
import { serverOffsetMs } from './quiz/serverClock';

export type LiveSession = components['schemas']['SessionResponse'];

/** The session as this viewer sees it, with how far the device's clock is from the server's (for countdowns). */
export type SessionView = { session: LiveSession; offsetMs: number };

export const liveSessionKey = (sessionId: string) => ['live', 'session', sessionId] as const;

export async function fetchSession(sessionId: string): Promise<SessionView> {
  const sentAt = Date.now();
  let date: string | null = null;
  const session = await call(api.live.GET('/live/v1/sessions/{id}', { params: { path: { id: sessionId } } }).then((result) => {
    date = result.response.headers.get('Date');
    return result;
  }));
  return { session, offsetMs: serverOffsetMs(date, sentAt, Date.now()) };
}

export function useLiveSession(sessionId: string, refetchInterval?: (view: SessionView | undefined) => number | false) {
  return useQuery({
    queryKey: liveSessionKey(sessionId),
    queryFn: () => fetchSession(sessionId),
    refetchInterval: refetchInterval ? (query) => refetchInterval(query.state.data) : undefined,
  });
}
