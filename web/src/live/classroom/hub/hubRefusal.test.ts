import { describe, expect, it } from 'vitest';
import { hubMessage, hubRefusal, isFinalRefusal } from './hubRefusal';

const invoked = (method: string, message: string) =>
  new Error(`An unexpected error occurred invoking '${method}' on the server. HubException: ${message}`);

describe('hub refusals', () => {
  it('reads the server\'s sentence out of the client\'s error', () => {
    expect(hubMessage(invoked('SendChat', 'The session has ended.'))).toBe('The session has ended.');
    expect(hubMessage(new Error('WebSocket closed with status code: 1006'))).toBeNull();
  });

  it('names each known refusal, the throttles included', () => {
    expect(hubRefusal(invoked('SendChat', 'Too many messages: at most 5 in 10 seconds.'))).toBe('too-many-messages');
    expect(hubRefusal(invoked('JoinSession', 'Too many joins: wait a minute before joining again.'))).toBe('too-many-joins');
    expect(hubRefusal(invoked('AnswerQuiz', 'You have already answered this quiz.'))).toBe('quiz-already-answered');
    expect(hubRefusal(invoked('AnswerQuiz', 'The quiz is not open for answers.'))).toBe('quiz-not-open');
    expect(hubRefusal(invoked('JoinSession', 'The live session does not exist.'))).toBe('not-found');
    expect(hubRefusal(invoked('DeleteChat', "Only the institution's managers do this."))).toBe('managers-only');
    expect(hubRefusal(invoked('SendChat', 'A message is at most 500 characters.'))).toBe('message-too-long');
  });

  it('keeps an unknown sentence and a lost connection apart, and shows neither raw', () => {
    expect(hubRefusal(invoked('SendChat', 'Something new.'))).toBe('unknown');
    expect(hubRefusal(new Error('Invocation canceled due to the underlying connection being closed.'))).toBe('connection');
  });

  it('stops rejoining only when joining cannot succeed', () => {
    expect(isFinalRefusal('access-ended')).toBe(true);
    expect(isFinalRefusal('signed-out')).toBe(true);
    expect(isFinalRefusal('too-many-joins')).toBe(false);
    expect(isFinalRefusal('connection')).toBe(false);
  });
});
