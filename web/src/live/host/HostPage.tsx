import { Paper, Stack, Text, Title } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useId, useReducer, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { api } from '../../api/clients';
import { call } from '../../api/call';
import { RequireAuth } from '../../auth/RequireAuth';
import { useSession } from '../../auth/useSession';
import { QueryState } from '../../common/QueryState';
import { usePageTitle } from '../../common/usePageTitle';
import { ChatPanel } from '../classroom/chat/ChatPanel';
import { chatLog, emptyChatLog } from '../classroom/chat/chatLog';
import { ConnectionBanner } from '../classroom/ConnectionBanner';
import { isJoined } from '../classroom/hub/connectionPhase';
import type { LeaderboardEvent, SessionStateEvent } from '../classroom/hub/hubTypes';
import { refusalOf, useClassroomHub, type HubListener } from '../classroom/hub/useClassroomHub';
import { LivePlayer } from '../classroom/player/LivePlayer';
import { usePlaybackLink } from '../classroom/player/usePlaybackLink';
import { Leaderboard } from '../classroom/quiz/Leaderboard';
import { SessionHeader } from '../classroom/SessionHeader';
import { currentState } from '../classroom/sessionState';
import { fetchSession, liveSessionKey, useLiveSession, type SessionView } from '../classroom/useLiveSession';
import { AttendanceTable } from './AttendanceTable';
import { EndSessionButton } from './EndSessionButton';
import { hostQuizzes, readStoredQuizzes, storeQuizzes } from './hostQuizzes';
import { QuizDesk } from './QuizDesk';
import { RecordingPanel } from './RecordingPanel';
import { recordingRefetch } from './recordingPoll';
import classes from './host.module.css';

export function HostPage() {
  return <RequireAuth roles={['InstitutionManager']}><Host /></RequireAuth>;
}

function Host() {
  const { sessionId = '' } = useParams();
  // The recording's state is not pushed: an ended session is read again until it is READY or FAILED.
  const query = useLiveSession(sessionId, (view) => recordingRefetch(view?.session, Date.now()));
  return <QueryState query={query}>{(view) => <HostRoom sessionId={sessionId} view={view} />}</QueryState>;
}

function HostRoom({ sessionId, view }: { sessionId: string; view: SessionView }) {
  const { t } = useTranslation('live');
  const { me } = useSession();
  const myId = me?.userId ?? '';
  const queryClient = useQueryClient();
  const previewId = useId();
  const { session, offsetMs } = view;
  usePageTitle(`${t('host.title')} · ${session.title}`);

  const [pushed, setPushed] = useState<SessionStateEvent | null>(null);
  const state = currentState(session.state, pushed?.state);
  const [chat, chatDispatch] = useReducer(chatLog, emptyChatLog);
  const [quizzes, quizDispatch] = useReducer(hostQuizzes, sessionId, (id) => readStoredQuizzes(sessionStorage, id));
  const [boards, setBoards] = useState<Partial<Record<LeaderboardEvent['scope'], LeaderboardEvent>>>({});
  const quizzesRef = useRef(quizzes);
  useEffect(() => {
    quizzesRef.current = quizzes;
    storeQuizzes(sessionStorage, sessionId, quizzes);
  }, [quizzes, sessionId]);

  const refetchSession = useCallback(
    () => queryClient.fetchQuery({ queryKey: liveSessionKey(sessionId), queryFn: () => fetchSession(sessionId), staleTime: 0 }).catch(() => null),
    [queryClient, sessionId],
  );
  const readResults = useCallback((quizId: string) => {
    void call(api.live.GET('/live/v1/quizzes/{id}/results', { params: { path: { id: quizId } } }))
      .then((results) => quizDispatch({ type: 'results', results }))
      .catch(() => undefined);
  }, []);

  const listener: HubListener = {
    onEvent: (event) => {
      switch (event.name) {
        case 'sessionState':
          setPushed(event.payload);
          if (event.payload.state !== session.state) void refetchSession();
          break;
        case 'chat':
          chatDispatch({ type: 'received', message: event.payload, me: myId });
          break;
        case 'chatDeleted':
          chatDispatch({ type: 'deleted', id: event.payload.id });
          break;
        case 'quizStarted':
          quizDispatch({ type: 'started', event: event.payload });
          // Pushed from another window: its answer and the answers so far come from the results.
          if (!quizzesRef.current.some((quiz) => quiz.id === event.payload.quizId && quiz.correctOption !== null)) readResults(event.payload.quizId);
          break;
        case 'quizTally':
          quizDispatch({ type: 'tally', event: event.payload });
          break;
        case 'quizClosed':
          quizDispatch({ type: 'closed', event: event.payload });
          break;
        case 'leaderboard':
          setBoards((current) => ({ ...current, [event.payload.scope]: event.payload }));
          break;
      }
    },
    onJoinStarted: () => chatDispatch({ type: 'replayStarted' }),
    onJoinFinished: (joined) => {
      chatDispatch({ type: joined ? 'replayFinished' : 'replayAbandoned' });
      // A quiz open when the page last looked may have closed meanwhile (its close was not heard): ask.
      if (joined) quizzesRef.current.filter((quiz) => quiz.state === 'OPEN').forEach((quiz) => readResults(quiz.id));
    },
  };
  const hub = useClassroomHub(sessionId, listener);

  const playback = usePlaybackLink(view, state, refetchSession);

  const localIds = useRef(0);
  const sendChat = async (text: string) => {
    const localId = `local-${++localIds.current}`;
    chatDispatch({ type: 'sending', pending: { localId, text, sentAt: new Date().toISOString() } });
    try {
      await hub.invoke('SendChat', text);
      return null;
    } catch (error) {
      chatDispatch({ type: 'sendFailed', localId });
      return refusalOf(error);
    }
  };
  const deleteChat = async (message: { id: string }) => {
    try {
      await hub.invoke('DeleteChat', message.id);
      return null;
    } catch (error) {
      return refusalOf(error);
    }
  };

  const closedReason = state === 'ENDED' ? t('chat.closedEnded') : state === 'CANCELLED' ? t('chat.closedCancelled') : null;
  const ended = state === 'ENDED';

  return (
    <Stack gap="md" className={classes.page}>
      <ConnectionBanner hub={hub} />
      <SessionHeader back={{ to: '/inst/live', label: t('host.back') }} title={session.title} state={state}
        scheduledStart={session.scheduledStart} scheduledEnd={session.scheduledEnd}
        startedAt={pushed?.startedAt ?? session.startedAt} endedAt={pushed?.endedAt ?? session.endedAt}
        actions={state === 'LIVE' && <EndSessionButton sessionId={sessionId} onEnded={() => void refetchSession()} />} />
      <div className={classes.room}>
        <Stack gap="md">
          <Paper component="section" withBorder p="md" aria-labelledby={previewId}>
            <Stack gap="sm">
              <Title order={2} size="h4" id={previewId}>{t('host.preview')}</Title>
              {playback.url
                ? <LivePlayer url={playback.url} title={session.title} freshLink={playback.freshLink} />
                : <Text size="sm" c="dimmed">{ended ? t('stage.endedTitle') : t('host.notLive')}</Text>}
            </Stack>
          </Paper>
          <QuizDesk sessionId={sessionId} state={state} quizzes={quizzes} offsetMs={offsetMs}
            onSaved={(quiz) => quizDispatch({ type: 'saved', quiz })} />
        </Stack>
        <div className={classes.chat}>
          <ChatPanel log={chat} me={myId} closedReason={closedReason} canSend={isJoined(hub.phase)} onSend={sendChat}
            onDelete={isJoined(hub.phase) ? deleteChat : undefined} />
        </div>
      </div>
      <Leaderboard boards={boards} showOwnRank={false} />
      {ended && <AttendanceTable sessionId={sessionId} />}
      {ended && <RecordingPanel session={session} />}
    </Stack>
  );
}
