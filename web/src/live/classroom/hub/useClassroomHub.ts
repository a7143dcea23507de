import { HubConnectionBuilder, HubConnectionState, LogLevel, NullLogger, type HubConnection } from '@microsoft/signalr';
import { useCallback, useEffect, useReducer, useRef } from 'react';
import { bannerOf, initialPhase, nextPhase, reconnectDelay, restartDelay, type Banner, type ConnectionPhase } from './connectionPhase';
import { hubRefusal, isFinalRefusal, type HubRefusal } from './hubRefusal';
import { hubEventNames, type HubEvent } from './hubTypes';
import { SessionHttpClient } from './sessionHttpClient';

export const hubPath = '/live/hubs/classroom';

/** A reconnect quicker than this (the routine one when the access token is renewed) shows no banner. */
const bannerGraceMs = 800;

export type HubListener = {
  onEvent: (event: HubEvent) => void;
  /** A join is about to be asked: what it brings (state, history, open quiz) arrives before it completes. */
  onJoinStarted: () => void;
  onJoinFinished: (joined: boolean) => void;
};

export type ClassroomHub = {
  phase: ConnectionPhase;
  banner: Banner;
  /** Calls a hub method; rejects with the hub's refusal in words the page can show (see {@link hubRefusal}). */
  invoke: (method: string, ...args: unknown[]) => Promise<void>;
  retry: () => void;
};

/**
 * One connection to the classroom hub for the page's life, joined to one session. SignalR reconnects by itself; after
 * every reconnect the session is joined again (a new connection has joined nothing) and the page is handed the
 * state, history and open quiz the join brings. A connection the server closed is restarted a few times, then the
 * page offers a button; a join refused for good (access ended, signed out) stops it.
 */
export function useClassroomHub(sessionId: string, listener: HubListener): ClassroomHub {
  const [phase, dispatch] = useReducer(nextPhase, initialPhase);
  const listenerRef = useRef(listener);
  const connectionRef = useRef<HubConnection | null>(null);
  const startRef = useRef<() => Promise<void>>(async () => undefined);
  const joinRef = useRef<() => Promise<void>>(async () => undefined);

  useEffect(() => {
    listenerRef.current = listener;
  });

  useEffect(() => {
    let disposed = false;
    const connection = new HubConnectionBuilder()
      .withUrl(hubPath, { httpClient: new SessionHttpClient(NullLogger.instance), withCredentials: true })
      .withAutomaticReconnect({ nextRetryDelayInMilliseconds: (context) => reconnectDelay(context.previousRetryCount, Math.random()) })
      .configureLogging(LogLevel.None)
      .build();
    connectionRef.current = connection;
    for (const name of hubEventNames) {
      connection.on(name, (payload) => {
        if (!disposed) listenerRef.current.onEvent({ name, payload } as HubEvent);
      });
    }

    const join = async () => {
      listenerRef.current.onJoinStarted();
      try {
        await connection.invoke('JoinSession', sessionId);
        if (disposed) return;
        listenerRef.current.onJoinFinished(true);
        dispatch({ type: 'joined' });
      } catch (error) {
        if (disposed) return;
        listenerRef.current.onJoinFinished(false);
        const refusal = hubRefusal(error);
        dispatch({ type: 'joinFailed', refusal });
        // Nothing more will come of this connection: let it go rather than hold it open.
        if (isFinalRefusal(refusal)) void connection.stop();
      }
    };
    const start = async () => {
      if (connection.state !== HubConnectionState.Disconnected) return;
      try {
        await connection.start();
      } catch {
        if (!disposed) dispatch({ type: 'closed', at: Date.now() });
        return;
      }
      if (disposed) return;
      dispatch({ type: 'connected' });
      await join();
    };
    joinRef.current = join;
    startRef.current = start;

    connection.onreconnecting(() => {
      if (!disposed) dispatch({ type: 'lost', at: Date.now() });
    });
    connection.onreconnected(() => {
      if (disposed) return;
      dispatch({ type: 'connected' });
      void join();
    });
    connection.onclose(() => {
      if (!disposed) dispatch({ type: 'closed', at: Date.now() });
    });

    void start();
    return () => {
      disposed = true;
      connectionRef.current = null;
      void connection.stop();
    };
  }, [sessionId]);

  // A connection the server closed, or one that could not start, is started again after a growing wait.
  const delay = restartDelay(phase);
  useEffect(() => {
    if (delay === null) return;
    const timer = window.setTimeout(() => void startRef.current(), delay);
    return () => window.clearTimeout(timer);
  }, [delay, phase]);

  const retry = useCallback(() => {
    dispatch({ type: 'retry' });
    const connection = connectionRef.current;
    if (connection?.state === HubConnectionState.Connected) {
      dispatch({ type: 'connected' });
      void joinRef.current();
    } else {
      void startRef.current();
    }
  }, []);

  // Back online after giving up: try again without waiting for the person to ask.
  const stoppedWithoutRefusal = phase.kind === 'stopped' && phase.refusal === null;
  useEffect(() => {
    if (!stoppedWithoutRefusal) return;
    window.addEventListener('online', retry);
    return () => window.removeEventListener('online', retry);
  }, [stoppedWithoutRefusal, retry]);

  const invoke = useCallback(async (method: string, ...args: unknown[]) => {
    const connection = connectionRef.current;
    if (!connection || connection.state !== HubConnectionState.Connected) throw new HubCallRefused('connection');
    try {
      await connection.invoke(method, ...args);
    } catch (error) {
      throw new HubCallRefused(hubRefusal(error));
    }
  }, []);

  return { phase, banner: useBanner(phase), invoke, retry };
}

/** A hub call the server (or the lost connection) refused, with the refusal's kind for the page's words. */
export class HubCallRefused extends Error {
  readonly refusal: HubRefusal;

  constructor(refusal: HubRefusal) {
    super(refusal);
    this.refusal = refusal;
  }
}

export function refusalOf(error: unknown): HubRefusal {
  return error instanceof HubCallRefused ? error.refusal : 'unknown';
}

/** The banner, raised only once a loss has lasted past the grace. */
function useBanner(phase: ConnectionPhase): Banner {
  const [, tick] = useReducer((count: number) => count + 1, 0);
  const lostSince = phase.kind === 'reconnecting' || phase.kind === 'joining' ? phase.lostSince : null;
  useEffect(() => {
    if (lostSince === null) return;
    const timer = window.setTimeout(tick, Math.max(0, lostSince + bannerGraceMs - Date.now()));
    return () => window.clearTimeout(timer);
  }, [lostSince]);
  return bannerOf(phase, Date.now(), bannerGraceMs);
}
