// The classroom hub's payloads as docs/API.md ("The classroom hub") defines them. SignalR messages are not in the
// OpenAPI documents, so these are the one place their shapes are written down on this side.

export type SessionStateName = 'SCHEDULED' | 'LIVE' | 'ENDED' | 'CANCELLED';
export type RecordingStateName = 'PROCESSING' | 'READY' | 'FAILED';

export type SessionStateEvent = {
  sessionId: string;
  state: SessionStateName;
  startedAt: string | null;
  endedAt: string | null;
  recording: RecordingStateName | null;
};

export type ChatEvent = { id: string; userId: string; name: string; text: string; sentAt: string };
export type ChatDeletedEvent = { id: string };
export type QuizStartedEvent = { quizId: string; question: string; options: string[]; endsAt: string };
export type QuizTallyEvent = { quizId: string; counts: number[] };
export type QuizClosedEvent = { quizId: string; correctOption: number; solution: string | null; counts: number[] };
export type LeaderboardEntry = { rank: number; name: string | null; correct: number; answerMs: number };
export type LeaderboardEvent = {
  sessionId: string;
  scope: 'session' | 'provision';
  entries: LeaderboardEntry[];
  me?: LeaderboardEntry | null;
};

/** What the hub sends, by event name. */
export type HubEvents = {
  sessionState: SessionStateEvent;
  chat: ChatEvent;
  chatDeleted: ChatDeletedEvent;
  quizStarted: QuizStartedEvent;
  quizTally: QuizTallyEvent;
  quizClosed: QuizClosedEvent;
  leaderboard: LeaderboardEvent;
};

/** One event as the page receives it: its name and its payload. */
export type HubEvent = { [K in keyof HubEvents]: { name: K; payload: HubEvents[K] } }[keyof HubEvents];

export const hubEventNames = ['sessionState', 'chat', 'chatDeleted', 'quizStarted', 'quizTally', 'quizClosed', 'leaderboard'] as const;

/** A chat message is at most this long (the hub refuses longer ones). */
export const chatMaxLength = 500;

/** The hub sends at most this many messages of history on join. */
export const chatHistoryLimit = 100;
