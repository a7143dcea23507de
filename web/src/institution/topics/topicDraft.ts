import type { components } from '../../api/generated/institution';
import { newKey } from '../exams/examDraft';

export type Topic = components['schemas']['TeachbackTopicResponse'];
export type TopicRequest = components['schemas']['TeachbackTopicRequest'];

/** The institution service's limits (TeachbackTopicRules, TeachbackTopicRequest). */
export const TOPIC_LIMITS = {
  title: 200,
  prompt: 2000,
  keyPoints: 20,
  keyPoint: 300,
  terms: 50,
  synonymsPerTerm: 10,
  synonym: 100,
} as const;

export const LANGUAGES = ['ko', 'en'] as const;

export type KeyPointDraft = { key: string; text: string };
/** A term of the rubric and its other words, typed as one line separated by commas. */
export type SynonymDraft = { key: string; term: string; words: string };
export type TopicDraft = { title: string; prompt: string; language: string; keyPoints: KeyPointDraft[]; synonyms: SynonymDraft[] };

export function emptyTopic(): TopicDraft {
  return { title: '', prompt: '', language: 'ko', keyPoints: [{ key: newKey(), text: '' }], synonyms: [] };
}

export function fromTopic(topic: Topic): TopicDraft {
  return {
    title: topic.title,
    prompt: topic.prompt ?? '',
    language: topic.language,
    keyPoints: (topic.keyPoints.length ? topic.keyPoints : ['']).map((text) => ({ key: newKey(), text })),
    synonyms: Object.entries(topic.synonyms).map(([term, words]) => ({ key: newKey(), term, words: words.join(', ') })),
  };
}

/** "개인정보, 개인 정보 ,, PII" → the words, trimmed, blanks and repeats dropped (commas, the Korean 、 and new lines separate). */
export function splitWords(line: string): string[] {
  return [...new Set(line.split(/[,，、\n]/).map((word) => word.trim()).filter(Boolean))];
}

/**
 * The body of POST and PUT. Blank key points and terms are left out (the server would drop them too), a term's words
 * come from its line, and a prompt of only spaces is no prompt.
 */
export function toTopicRequest(draft: TopicDraft): TopicRequest {
  const synonyms: Record<string, string[]> = {};
  for (const row of draft.synonyms) {
    const term = row.term.trim();
    if (!term) continue;
    synonyms[term] = [...new Set([...(synonyms[term] ?? []), ...splitWords(row.words)])];
  }
  return {
    title: draft.title.trim(),
    prompt: draft.prompt.trim() || null,
    language: draft.language,
    keyPoints: draft.keyPoints.map((point) => point.text.trim()).filter(Boolean),
    synonyms,
  };
}

export type TopicBroken = { key: string; values?: Record<string, number> };

/** The rules, keyed by the server's field paths: `title`, `prompt`, `keyPoints`, `keyPoints[i]`, `synonyms`, `synonyms[i]` (a row). */
export function checkTopic(draft: TopicDraft): Record<string, TopicBroken> {
  const errors: Record<string, TopicBroken> = {};
  if (!draft.title.trim()) errors.title = { key: 'titleRequired' };
  else if (draft.title.length > TOPIC_LIMITS.title) errors.title = { key: 'tooLong', values: { max: TOPIC_LIMITS.title } };
  if (draft.prompt.length > TOPIC_LIMITS.prompt) errors.prompt = { key: 'tooLong', values: { max: TOPIC_LIMITS.prompt } };

  const points = draft.keyPoints.filter((point) => point.text.trim());
  if (points.length === 0) errors.keyPoints = { key: 'keyPointRequired' };
  else if (points.length > TOPIC_LIMITS.keyPoints) errors.keyPoints = { key: 'tooManyKeyPoints', values: { max: TOPIC_LIMITS.keyPoints } };
  draft.keyPoints.forEach((point, index) => {
    if (point.text.length > TOPIC_LIMITS.keyPoint) errors[`keyPoints[${index}]`] = { key: 'tooLong', values: { max: TOPIC_LIMITS.keyPoint } };
  });

  const terms = draft.synonyms.filter((row) => row.term.trim());
  if (terms.length > TOPIC_LIMITS.terms) errors.synonyms = { key: 'tooManyTerms', values: { max: TOPIC_LIMITS.terms } };
  draft.synonyms.forEach((row, index) => {
    const words = splitWords(row.words);
    if (!row.term.trim() && words.length > 0) errors[`synonyms[${index}]`] = { key: 'termRequired' };
    else if (row.term.trim().length > TOPIC_LIMITS.synonym || words.some((word) => word.length > TOPIC_LIMITS.synonym)) {
      errors[`synonyms[${index}]`] = { key: 'synonymTooLong', values: { max: TOPIC_LIMITS.synonym } };
    } else if (words.length > TOPIC_LIMITS.synonymsPerTerm) {
      errors[`synonyms[${index}]`] = { key: 'tooManySynonyms', values: { max: TOPIC_LIMITS.synonymsPerTerm } };
    }
  });
  return errors;
}

/**
 * Where a server refusal belongs in the form: it names a term's synonyms as `synonyms.{term}`, which is the row that
 * holds that term; other paths are the form's own, their first letters lowered.
 */
export function topicFieldPath(serverKey: string, draft: TopicDraft): string {
  const path = serverKey.charAt(0).toLowerCase() + serverKey.slice(1);
  if (!path.startsWith('synonyms.')) return path;
  const term = path.slice('synonyms.'.length);
  const row = draft.synonyms.findIndex((item) => item.term.trim() === term);
  return row >= 0 ? `synonyms[${row}]` : 'synonyms';
}
