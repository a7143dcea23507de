export type Transition = { at: string; by: string | null; from: string | null; to: string; reason: string | null };

/**
 * A history note in the reader's words. The service writes its own notes in English (amendments, calendar moves);
 * a person's reason (a decline, a returned roster) is shown as they wrote it.
 */
export type HistoryNote =
  | { key: 'amended'; removed: number; added: number }
  | { key: 'amendmentApproved'; count: number }
  | { key: 'amendmentReturned'; reason: string }
  | { key: 'learnerLeft' | 'beginReached' | 'endPassed' | 'noReason' }
  | { key: 'given'; reason: string };

export function historyNote(reason: string | null): HistoryNote | null {
  if (reason === null || reason.trim() === '') return null;
  const text = reason.trim();
  let match = /^roster amended: (\d+) removed(?:, (\d+) awaiting the institution)?$/.exec(text);
  if (match) return { key: 'amended', removed: Number(match[1]), added: Number(match[2] ?? 0) };
  match = /^amendment approved: (\d+) added$/.exec(text);
  if (match) return { key: 'amendmentApproved', count: Number(match[1]) };
  match = /^amendment returned: ([\s\S]*)$/.exec(text);
  if (match) return { key: 'amendmentReturned', reason: match[1] === '(no reason given)' ? '' : match[1] };
  if (text === 'a learner left the company') return { key: 'learnerLeft' };
  if (text === 'begin date reached') return { key: 'beginReached' };
  if (text === 'end date passed') return { key: 'endPassed' };
  if (text === '(no reason given)') return { key: 'noReason' };
  return { key: 'given', reason: text };
}

export type Side = 'company' | 'institution' | 'system';

/** Which side moved the provision: the transition says, as only one side may take each step. */
export function sideOf(transition: Transition): Side {
  if (transition.by === null) return 'system';
  const note = historyNote(transition.reason);
  if (transition.from === transition.to) {
    return note?.key === 'amendmentApproved' || note?.key === 'amendmentReturned' ? 'institution' : 'company';
  }
  switch (transition.to) {
    case 'ACCEPTED':
    case 'DECLINED':
    case 'REGISTERED':
      return 'institution';
    default:
      return 'company';
  }
}

/** Newest first: the reader asks what happened last. */
export function newestFirst(history: Transition[]): Transition[] {
  return history.map((entry, index) => ({ entry, index }))
    .sort((a, b) => b.entry.at.localeCompare(a.entry.at) || b.index - a.index)
    .map(({ entry }) => entry);
}

/** The reason the institution gave when it last returned the roster, while the company is fixing it. */
export function lastReturnReason(state: string, history: Transition[]): string | null {
  if (state !== 'ACCEPTED') return null;
  const last = history[history.length - 1];
  return last && last.from === 'ROSTER_SUBMITTED' && last.to === 'ACCEPTED' ? last.reason ?? '' : null;
}
