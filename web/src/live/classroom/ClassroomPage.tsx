import { Stack, VisuallyHidden } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useReducer, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { RequireAuth } from '../../auth/RequireAuth';
import { useSession } from '../../auth/useSession';
import { QueryState } from '../../common/QueryState';
import { usePageTitle } from '../../common/usePageTitle';
import { ChatPanel } from './chat/ChatPanel';
import { chatLog, emptyChatLog } from './chat/chatLog';
import { ConnectionBanner } from './ConnectionBanner';
import { EndedRecording } from './EndedRecording';
import { isJoined } from './hub/connectionPhase';
import type { SessionStateEvent } from './hub/hubTypes';
import { refusalOf, useClassroomHub, type HubListener } from './hub/useClassroomHub';
import { useHeartbeats } from './hub/useHeartbeats';
import { LivePlayer } from './player/LivePlayer';
import { usePlaybackLink } from './player/usePlaybackLink';
import { Leaderboard } from './quiz/Leaderboard';
import { learnerQuiz, noQuiz } from './quiz/learnerQuiz';
import { QuizOverlay } from './quiz/QuizOverlay';
import { SessionHeader } from './SessionHeader';
import { currentState } from './sessionState';
import { StageNotice } from './StageNotice';
import { fetchSession, liveSessionKey, useLiveSession, type SessionView } from './useLiveSession';
import classes from './classroom.module.css';

export function ClassroomPage() {
  return <RequireAuth roles={['Employee']}><Classroom /></RequireAuth>;
}

function Classroom() {
  const { sessionId = '' } = useParams();
  const query = useLiveSession(sessionId);
  return <QueryState query={query}>{(view) => <Room sessionId={sessionId} view={view} />}</QueryState>;
}

function Room({ sessionId, view }: { sessionId: string; view: SessionView }) {
  const { t } = useTranslation('live');
  const { me } = useSession();
  const myId = me?.userId ?? '';
  const queryClient = useQueryClient();
  const { session, offsetMs } = view;
  usePageTitle(session.title);

  // The hub's word on the state wins over the page's first read; it is pushed on join and on every change.
  const [pushed, setPushed] = useState<SessionStateEvent | null>(null);
  const state = currentState(session.state, pushed?.state);
  const [chat, chatDispatch] = useReducer(chatLog, emptyChatLog);
  const [quiz, quizDispatch] = useReducer(learnerQuiz, noQuiz);
  const [announcement, setAnnouncement] = useState('');

  const refetchSession = useCallback(
    () => queryClient.fetchQuery({ queryKey: liveSessionKey(sessionId), queryFn: () => fetchSession(sessionId), staleTime: 0 }).catch(() => null),
    [queryClient, sessionId],
  );

  const listener: HubListener = {
    onEvent: (event) => {
      switch (event.name) {
        case 'sessionState':
          setPushed(event.payload);
          // A new state brings a playback link (LIVE) or takes it away: read the session again.
          if (event.payload.state !== session.state) void refetchSession();
          break;
        case 'chat':
          chatDispatch({ type: 'received', message: event.payload, me: myId });
          break;
        case 'chatDeleted':
          chatDispatch({ type: 'deleted', id: event.payload.id });
          break;
        case 'quizStarted':
          if (quiz.card?.quiz.quizId !== event.payload.quizId) setAnnouncement(t('quiz.arrived', { question: event.payload.question }));
          quizDispatch({ type: 'started', quiz: event.payload });
          break;
        case 'quizClosed':
          quizDispatch({ type: 'closed', reveal: event.payload });
          break;
        case 'leaderboard':
          quizDispatch({ type: 'leaderboard', board: event.payload });
          break;
        case 'quizTally':
          break;
      }
    },
    onJoinStarted: () => {
      chatDispatch({ type: 'replayStarted' });
      quizDispatch({ type: 'replayStarted' });
    },
    onJoinFinished: (joined) => {
      chatDispatch({ type: joined ? 'replayFinished' : 'replayAbandoned' });
      quizDispatch({ type: joined ? 'replayFinished' : 'replayAbandoned' });
    },
  };
  const hub = useClassroomHub(sessionId, listener);
  const joined = isJoined(hub.phase);
  const open = state === 'SCHEDULED' || state === 'LIVE';
  useHeartbeats(useCallback(() => hub.invoke('Heartbeat'), [hub.invoke]), joined && open);

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
  const answer = async (option: number) => {
    const card = quiz.card;
    if (!card) return;
    quizDispatch({ type: 'answering', option });
    try {
      await hub.invoke('AnswerQuiz', card.quiz.quizId, option);
      quizDispatch({ type: 'answered' });
    } catch (error) {
      quizDispatch({ type: 'refused', refusal: refusalOf(error) });
    }
  };

  const endedAt = pushed?.endedAt ?? session.endedAt;
  const closedReason = state === 'ENDED' ? t('chat.closedEnded') : state === 'CANCELLED' ? t('chat.closedCancelled') : null;
  // The quiz lies over the stream; once the class is over the notice of its end comes first.
  const card = quiz.card && !quiz.card.dismissed && state === 'LIVE' ? quiz.card : null;

  return (
    <Stack gap="md" className={classes.page}>
      <ConnectionBanner hub={hub} />
      <SessionHeader back={{ to: '/courses', label: t('classroom.back') }} title={session.title} state={state}
        scheduledStart={session.scheduledStart} scheduledEnd={session.scheduledEnd} startedAt={pushed?.startedAt ?? session.startedAt} endedAt={endedAt} />
      <VisuallyHidden role="status">{announcement}</VisuallyHidden>
      <div className={classes.room}>
        <div className={classes.stage}>
          {playback.url
            ? <LivePlayer url={playback.url} title={session.title} freshLink={playback.freshLink} />
            : (
              <StageNotice state={state}>
                {state === 'ENDED' && (
                  <EndedRecording courseProvideId={session.courseProvideId} sessionTitle={session.title} recording={pushed?.recording ?? null} />
                )}
              </StageNotice>
            )}
          {card && (
            <QuizOverlay key={card.quiz.quizId} card={card} offsetMs={offsetMs}
              onAnswer={(option) => void answer(option)} onDismiss={() => quizDispatch({ type: 'dismissed' })} />
          )}
        </div>
        <div className={classes.chat}>
          <ChatPanel log={chat} me={myId} closedReason={closedReason} canSend={joined} onSend={sendChat} />
        </div>
      </div>
      <Leaderboard boards={quiz.boards} showOwnRank />
    </Stack>
  );
}
