import { ProblemError } from '../../../api/problem';
import type { Draft } from './draft';

/** A save's 400, placed: each message next to the chapter or item (and its field) the service named by path. */
export type PlacedErrors = {
  chapters: Record<string, Record<string, string>>;
  items: Record<string, Record<string, string>>;
  general: string[];
};

const PATH = /^chapters\[(\d+)\](?:\.items\[(\d+)\])?(?:\.(\w+))?$/i;

/**
 * Reads paths such as `chapters[1].items[0].fileId` against the draft that was sent (the order is what the indexes
 * count), keyed by chapter and item keys, so an error stays with its item even if the person moves it afterwards.
 */
export function placeErrors(error: unknown, sent: Draft): PlacedErrors {
  const placed: PlacedErrors = { chapters: {}, items: {}, general: [] };
  if (!(error instanceof ProblemError)) return placed;
  for (const [path, messages] of Object.entries(error.errors)) {
    const message = messages.join(' ');
    const match = PATH.exec(path);
    const chapter = match ? sent[Number(match[1])] : undefined;
    if (!match || !chapter) {
      placed.general.push(message);
      continue;
    }
    const field = match[3] ? match[3].charAt(0).toLowerCase() + match[3].slice(1) : 'self';
    if (match[2] !== undefined) {
      const item = chapter.items[Number(match[2])];
      if (!item) {
        placed.general.push(message);
        continue;
      }
      placed.items[item.key] = { ...placed.items[item.key], [field]: message };
    } else {
      placed.chapters[chapter.key] = { ...placed.chapters[chapter.key], [field]: message };
    }
  }
  return placed;
}

/** The keys of items whose only trouble is a file the service may not have heard of yet (uploaded moments ago). */
export function onlyFreshFileErrors(placed: PlacedErrors, sent: Draft, fresh: ReadonlySet<string>): boolean {
  if (placed.general.length > 0 || Object.keys(placed.chapters).length > 0) return false;
  const entries = Object.entries(placed.items);
  if (entries.length === 0) return false;
  const items = new Map(sent.flatMap((c) => c.items).map((i) => [i.key, i]));
  return entries.every(([key, fields]) => {
    const fileId = items.get(key)?.fileId;
    return Object.keys(fields).every((f) => f === 'fileId') && !!fileId && fresh.has(fileId);
  });
}
