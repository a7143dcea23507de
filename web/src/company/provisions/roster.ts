import { ProblemError } from '../../api/problem';

/** Provision states whose roster is registered: a new list there is an amendment, not a submission. */
export function isRegistered(state: string): boolean {
  return state === 'REGISTERED' || state === 'IN_PROGRESS';
}

/** States in which the company may send a roster: before registration (ACCEPTED) or as an amendment after it. */
export function rosterEditable(state: string): boolean {
  return state === 'ACCEPTED' || isRegistered(state);
}

export type RosterProvision = {
  state: string;
  seats: number;
  roster: string[];
  pendingAdditions: string[];
  consumedSeats: string[];
};

/** What the editor starts from: the registered roster, then the additions still waiting for the institution. */
export function initialSelection(provision: RosterProvision): string[] {
  return [...provision.roster, ...provision.pendingAdditions.filter((id) => !provision.roster.includes(id))];
}

export type SeatCount = {
  seats: number;
  /** Seats the list would hold if sent now. */
  held: number;
  /** Negative when the list is over the seats. */
  left: number;
  /** People the list adds to a registered roster (they wait for the institution). */
  additions: string[];
  /** People the list takes off a registered roster (at once). */
  removals: string[];
  /** Seats still held by learners who left the roster after making progress, including those this list removes. */
  consumed: number;
};

/**
 * The seat rule of DOMAIN.md: before registration every listed person holds a seat. After registration the learners
 * kept on the roster hold one each, and so does every learner taken off after making progress (a seat cannot be passed
 * on); the additions must fit in what is left.
 */
export function seatCount(provision: RosterProvision, selected: string[], progressed: ReadonlySet<string>): SeatCount {
  const unique = [...new Set(selected)];
  if (!isRegistered(provision.state)) {
    return { seats: provision.seats, held: unique.length, left: provision.seats - unique.length, additions: [], removals: [], consumed: 0 };
  }
  const wanted = new Set(unique);
  const kept = provision.roster.filter((id) => wanted.has(id));
  const removals = provision.roster.filter((id) => !wanted.has(id));
  const consumed = new Set([...provision.consumedSeats, ...removals.filter((id) => progressed.has(id))]);
  const additions = unique.filter((id) => !provision.roster.includes(id));
  const held = kept.length + consumed.size + additions.length;
  return { seats: provision.seats, held, left: provision.seats - held, additions, removals, consumed: consumed.size };
}

export type EntryProblem = 'noSeat' | 'duplicate' | 'notMember' | 'other';

export type RosterRefusal = {
  /** Per person: what is wrong with them, and the server's own sentence. */
  people: Record<string, { problem: EntryProblem; message: string }>;
  /** The refusal's sentence about the list as a whole, when it gave one. */
  general?: string;
};

/**
 * Puts a roster's 400 next to the people it is about. The answer names entries by their place in the list that was
 * sent (`userIds[3]`), so the list sent is needed to know who: strangers, duplicates and, over the seats, the people
 * beyond them in the order sent (before registration and after it alike).
 */
export function rosterRefusal(error: unknown, sent: string[]): RosterRefusal | null {
  if (!(error instanceof ProblemError) || error.status !== 400) return null;
  const people: RosterRefusal['people'] = {};
  let general: string | undefined;
  for (const [field, messages] of Object.entries(error.errors)) {
    const entry = /^userIds\[(\d+)\]$/i.exec(field);
    const message = messages.join(' ');
    if (entry) {
      const id = sent[Number(entry[1])];
      if (id !== undefined) people[id] = { problem: entryProblem(message), message };
    } else if (/^userIds$/i.test(field)) {
      general = message;
    }
  }
  return { people, general };
}

/** The server's sentence for one entry, by what it says (the words are the roster rule's, in RosterRules and SeatRule). */
export function entryProblem(message: string): EntryProblem {
  if (/no seat/i.test(message)) return 'noSeat';
  if (/listed twice|duplicate/i.test(message)) return 'duplicate';
  if (/not a member/i.test(message)) return 'notMember';
  return 'other';
}

export type Member = { userId: string; name: string | null; email: string | null; role: string };

/** Whether a member matches what was typed: a part of the name or the email, Latin letters in either case. */
export function memberMatches(member: Member, query: string): boolean {
  const words = query.trim().toLocaleLowerCase('ko').split(/\s+/).filter(Boolean);
  if (words.length === 0) return true;
  const text = `${member.name ?? ''} ${member.email ?? ''}`.toLocaleLowerCase('ko');
  return words.every((word) => text.includes(word));
}

/** Adds or takes off one person, keeping the order people were chosen in (the order sent, and so the order of any overflow). */
export function toggle(selected: string[], userId: string): string[] {
  return selected.includes(userId) ? selected.filter((id) => id !== userId) : [...selected, userId];
}
