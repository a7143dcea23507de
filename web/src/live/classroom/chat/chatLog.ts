import { chatHistoryLimit, type ChatEvent } from '../hub/hubTypes';

/** A message of one's own on its way: shown at once, replaced by the server's copy when it comes back. */
export type PendingMessage = { localId: string; text: string; sentAt: string };

export type ChatLog = {
  /** The server's messages in the order they were sent. */
  messages: ChatEvent[];
  pending: PendingMessage[];
  /** Deleted ids, so a message deleted before its copy arrives (a replay racing the deletion) stays gone. */
  deleted: ReadonlySet<string>;
  /** While a join's history is arriving: the ids it brought. */
  replay: ReadonlySet<string> | null;
};

export type ChatAction =
  | { type: 'received'; message: ChatEvent; me: string }
  | { type: 'deleted'; id: string }
  | { type: 'sending'; pending: PendingMessage }
  | { type: 'sendFailed'; localId: string }
  | { type: 'replayStarted' }
  | { type: 'replayFinished' }
  | { type: 'replayAbandoned' };

/** Enough for a class's conversation; the oldest fall off the page (the hub keeps the whole history). */
export const keptMessages = 500;

export const emptyChatLog: ChatLog = { messages: [], pending: [], deleted: new Set(), replay: null };

export function chatLog(log: ChatLog, action: ChatAction): ChatLog {
  switch (action.type) {
    case 'received': {
      const { message } = action;
      const replay = log.replay ? new Set(log.replay).add(message.id) : null;
      if (log.deleted.has(message.id) || log.messages.some((m) => m.id === message.id)) return { ...log, replay };
      const messages = insertInOrder(log.messages, message).slice(-keptMessages);
      const pending = message.userId === action.me ? withoutFirst(log.pending, (p) => p.text === message.text) : log.pending;
      return { ...log, messages, pending, replay };
    }
    case 'deleted':
      return { ...log, messages: log.messages.filter((m) => m.id !== action.id), deleted: new Set(log.deleted).add(action.id) };
    case 'sending':
      return { ...log, pending: [...log.pending, action.pending] };
    case 'sendFailed':
      return { ...log, pending: log.pending.filter((p) => p.localId !== action.localId) };
    case 'replayStarted':
      return { ...log, replay: new Set() };
    case 'replayAbandoned':
      return { ...log, replay: null };
    case 'replayFinished':
      return log.replay ? { ...log, messages: reconcile(log.messages, log.replay), replay: null } : log;
  }
}

/**
 * After a rejoin the hub has sent its last 100 messages again, without the deleted ones: a message we hold inside
 * that window that did not come again was deleted while we were away. A shorter replay is the whole history.
 */
function reconcile(messages: ChatEvent[], replayed: ReadonlySet<string>): ChatEvent[] {
  if (replayed.size < chatHistoryLimit) return messages.filter((m) => replayed.has(m.id));
  const first = messages.findIndex((m) => replayed.has(m.id));
  if (first < 0) return messages;
  return messages.filter((m, index) => index < first || replayed.has(m.id));
}

function insertInOrder(messages: ChatEvent[], message: ChatEvent): ChatEvent[] {
  let at = messages.length;
  while (at > 0 && compare(messages[at - 1], message) > 0) at--;
  return [...messages.slice(0, at), message, ...messages.slice(at)];
}

function compare(a: ChatEvent, b: ChatEvent): number {
  // Ids are UUID version 7: ordered by creation within the same instant.
  return Date.parse(a.sentAt) - Date.parse(b.sentAt) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

function withoutFirst<T>(items: T[], match: (item: T) => boolean): T[] {
  const index = items.findIndex(match);
  return index < 0 ? items : [...items.slice(0, index), ...items.slice(index + 1)];
}
