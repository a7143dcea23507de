import { describe, expect, it } from 'vitest';
import type { ChatEvent } from '../hub/hubTypes';
import { chatLog, emptyChatLog, keptMessages, type ChatAction, type ChatLog } from './chatLog';

const me = 'me';
const at = (second: number) => new Date(Date.UTC(2026, 11, 8, 1, 0, 0) + second * 1000).toISOString();
const message = (n: number, userId = 'someone', text = `말 ${n}`): ChatEvent =>
  ({ id: `0190${String(n).padStart(4, '0')}`, userId, name: userId, text, sentAt: at(n) });
const received = (m: ChatEvent): ChatAction => ({ type: 'received', message: m, me });
const run = (actions: ChatAction[], from: ChatLog = emptyChatLog) => actions.reduce(chatLog, from);
const ids = (log: ChatLog) => log.messages.map((m) => m.id);

describe('the chat list', () => {
  it('takes the join\'s history and live messages once each, in the order they were sent', () => {
    const log = run([received(message(2)), received(message(1)), received(message(3)), received(message(2))]);
    expect(ids(log)).toEqual([message(1).id, message(2).id, message(3).id]);
  });

  it('shows one\'s own message at once and swaps it for the server\'s copy', () => {
    const sending = run([{ type: 'sending', pending: { localId: 'a', text: '안녕하세요', sentAt: at(5) } }]);
    expect(sending.pending).toHaveLength(1);
    const echoed = run([received(message(5, me, '안녕하세요'))], sending);
    expect(echoed.pending).toEqual([]);
    expect(echoed.messages.map((m) => m.text)).toEqual(['안녕하세요']);
  });

  it('drops a message that failed to send, leaving the others on their way', () => {
    const log = run([
      { type: 'sending', pending: { localId: 'a', text: '하나', sentAt: at(1) } },
      { type: 'sending', pending: { localId: 'b', text: '둘', sentAt: at(2) } },
      { type: 'sendFailed', localId: 'a' },
    ]);
    expect(log.pending.map((p) => p.localId)).toEqual(['b']);
  });

  it('removes a deleted message and does not let a late copy bring it back', () => {
    const log = run([received(message(1)), received(message(2)), { type: 'deleted', id: message(1).id }, received(message(1))]);
    expect(ids(log)).toEqual([message(2).id]);
  });

  it('after a rejoin, forgets the messages deleted while away (a short history is the whole history)', () => {
    const before = run([received(message(1)), received(message(2)), received(message(3))]);
    const after = run([{ type: 'replayStarted' }, received(message(1)), received(message(3)), received(message(4)), { type: 'replayFinished' }], before);
    expect(ids(after)).toEqual([message(1).id, message(3).id, message(4).id]);
    expect(after.replay).toBeNull();
  });

  it('after a rejoin with a full history, keeps older messages the replay no longer covers', () => {
    let log = emptyChatLog;
    for (let n = 1; n <= 110; n++) log = chatLog(log, received(message(n)));
    log = chatLog(log, { type: 'replayStarted' });
    // The last 100 without number 50, which was deleted meanwhile.
    for (let n = 11; n <= 110; n++) {
      if (n !== 50) log = chatLog(log, received(message(n)));
    }
    log = chatLog(log, received(message(111)));
    log = chatLog(log, { type: 'replayFinished' });
    expect(log.messages).toHaveLength(110);
    expect(ids(log)).not.toContain(message(50).id);
    expect(ids(log)).toContain(message(1).id);
  });

  it('leaves the list as it was when the join fails half-way', () => {
    const before = run([received(message(1)), received(message(2))]);
    const after = run([{ type: 'replayStarted' }, received(message(2)), { type: 'replayAbandoned' }], before);
    expect(ids(after)).toEqual(ids(before));
  });

  it('keeps the newest messages when the class talks a lot', () => {
    let log = emptyChatLog;
    for (let n = 0; n < keptMessages + 20; n++) {
      log = chatLog(log, received(message(n)));
    }
    expect(log.messages).toHaveLength(keptMessages);
    expect(log.messages[0].id).toBe(message(20).id);
  });
});
