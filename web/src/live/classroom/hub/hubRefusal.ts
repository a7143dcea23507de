/**
 * The hub refuses a call with a HubException whose message the client may show; the messages are English, so each
 * known one is given a kind the pages put into Korean (or English) words. Anything else is `unknown` (a failed
 * connection, a server fault), never shown raw.
 */
export type HubRefusal =
  | 'not-found'
  | 'signed-out'
  | 'access-ended'
  | 'session-ended'
  | 'session-cancelled'
  | 'not-joined'
  | 'too-many-joins'
  | 'too-many-messages'
  | 'too-many-heartbeats'
  | 'too-many-answers'
  | 'too-many-deletions'
  | 'message-empty'
  | 'message-too-long'
  | 'learners-only'
  | 'managers-only'
  | 'quiz-not-found'
  | 'quiz-not-open'
  | 'quiz-already-answered'
  | 'quiz-option'
  | 'message-not-found'
  | 'connection'
  | 'unknown';

const known: [RegExp, HubRefusal][] = [
  [/^The live session does not exist\./, 'not-found'],
  [/^You were signed out/, 'signed-out'],
  [/^Your access to this session has ended\./, 'access-ended'],
  [/^The session has ended\./, 'session-ended'],
  [/^The session was cancelled\./, 'session-cancelled'],
  [/^Join a session first\./, 'not-joined'],
  [/^Too many joins/, 'too-many-joins'],
  [/^Too many messages/, 'too-many-messages'],
  [/^Too many heartbeats/, 'too-many-heartbeats'],
  [/^Too many answers/, 'too-many-answers'],
  [/^Too many deletions/, 'too-many-deletions'],
  [/^A message needs some text\./, 'message-empty'],
  [/^A message is at most/, 'message-too-long'],
  [/^Quizzes are answered by the enrolled learners\./, 'learners-only'],
  [/^Only the institution's managers/, 'managers-only'],
  [/^The quiz does not exist\./, 'quiz-not-found'],
  [/^The quiz is not open for answers\./, 'quiz-not-open'],
  [/^You have already answered this quiz\./, 'quiz-already-answered'],
  [/^Choose an option from/, 'quiz-option'],
  [/^The message does not exist\./, 'message-not-found'],
];

/** The server's own sentence inside the client's error ("… HubException: The session has ended."). */
export function hubMessage(error: unknown): string | null {
  const text = error instanceof Error ? error.message : typeof error === 'string' ? error : '';
  const at = text.indexOf('HubException: ');
  return at < 0 ? null : text.slice(at + 'HubException: '.length).trim();
}

export function hubRefusal(error: unknown): HubRefusal {
  const message = hubMessage(error);
  if (message === null) return 'connection';
  return known.find(([pattern]) => pattern.test(message))?.[1] ?? 'unknown';
}

/** Refusals after which joining again cannot succeed: the page stops trying and says why. */
export function isFinalRefusal(refusal: HubRefusal): boolean {
  return refusal === 'not-found' || refusal === 'signed-out' || refusal === 'access-ended';
}
