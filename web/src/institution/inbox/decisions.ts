import type { Transition } from '../../company/provisions/history';

export type Decision = 'accept' | 'decline' | 'approve-roster' | 'return-roster' | 'approve-amendment' | 'return-amendment';

/** Decisions that need the reason the company will read. */
export const WITH_REASON: ReadonlySet<Decision> = new Set(['decline', 'return-roster', 'return-amendment']);

/** What the manager may decide on a provision as it stands. */
export function decisionsFor(state: string, pendingAdditions: number): Decision[] {
  if (state === 'REQUESTED') return ['accept', 'decline'];
  if (state === 'ROSTER_SUBMITTED') return ['approve-roster', 'return-roster'];
  if ((state === 'REGISTERED' || state === 'IN_PROGRESS') && pendingAdditions > 0) return ['approve-amendment', 'return-amendment'];
  return [];
}

/**
 * Whether the history, beyond the entries seen when deciding, holds this decision. A retry that meets "not in this
 * state" may be meeting its own earlier attempt, applied while its answer was lost: then it is done, not refused.
 */
export function decisionReflected(decision: Decision, seenEntries: number, history: Transition[]): boolean {
  return history.slice(seenEntries).some((entry) => {
    switch (decision) {
      case 'accept': return entry.from === 'REQUESTED' && entry.to === 'ACCEPTED';
      case 'decline': return entry.from === 'REQUESTED' && entry.to === 'DECLINED';
      case 'approve-roster': return entry.from === 'ROSTER_SUBMITTED' && entry.to === 'REGISTERED';
      case 'return-roster': return entry.from === 'ROSTER_SUBMITTED' && entry.to === 'ACCEPTED';
      case 'approve-amendment': return entry.from === entry.to && (entry.reason ?? '').startsWith('amendment approved');
      case 'return-amendment': return entry.from === entry.to && (entry.reason ?? '').startsWith('amendment returned');
    }
  });
}
