import { Alert, Anchor, Button, Group, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { api } from '../../../api/clients';
import { call } from '../../../api/call';
import { ProblemError } from '../../../api/problem';
import { ImeSafeForm } from '../../../common/ImeSafeForm';
import { QueryState } from '../../../common/QueryState';
import { usePageTitle } from '../../../common/usePageTitle';
import { courseProblemText } from '../courseProblem';
import { CourseStateBadge } from '../CourseStateBadge';
import { courseKeys, readStructure, useCourse, type Course, type Structure } from '../queries';
import { sortAnnouncements } from './announcements';
import { ChapterCard } from './ChapterCard';
import { CompletionRuleForm } from './CompletionRuleForm';
import { ConflictPanel } from './ConflictPanel';
import {
  addChapter, addItem, adoptIds, dropDraft, fromStructure, moveChapter, moveItem, moveItemToChapter, rebaseOnto, removeChapter,
  removeItem, sameStructure, storeDraft, storedDraft, toPlan, updateChapter, updateItem, withIdsOf, type Draft,
} from './draft';
import { LeaveGuard } from './LeaveGuard';
import { SortableList } from './SortableList';
import { onlyFreshFileErrors, placeErrors, type PlacedErrors } from './structureErrors';

type Loaded = { structure: Structure; etag: string | null };

/** The whole course structure edited in the page and saved at once, against the version it was read at. */
export function BuilderPage() {
  const { courseId = '' } = useParams();
  const course = useCourse(courseId);
  const structure = useQuery({ queryKey: courseKeys.structure(courseId), queryFn: () => readStructure(courseId), staleTime: Infinity, gcTime: 0 });
  const both = {
    data: course.data && structure.data ? { course: course.data, loaded: structure.data } : undefined,
    error: course.error ?? structure.error,
    isPending: course.isPending || structure.isPending,
    refetch: () => Promise.all([course.refetch(), structure.refetch()]),
  };
  return <QueryState query={both}>{({ course: c, loaded }) => <Builder course={c} initial={loaded} />}</QueryState>;
}

class Conflict extends Error {
  constructor(readonly theirs: Loaded) {
    super('stale-structure');
  }
}

const NO_ERRORS: PlacedErrors = { chapters: {}, items: {}, general: [] };

function Builder({ course, initial }: { course: Course; initial: Loaded }) {
  const { t } = useTranslation('instCourses');
  usePageTitle(t('builder.title', { title: course.title }));
  const queryClient = useQueryClient();
  const readOnly = course.state === 'ARCHIVED';
  const [start] = useState(() => {
    const server = fromStructure(initial.structure);
    const stored = storedDraft(course.id);
    // Unsaved work of this tab survives a reload; a save made meanwhile by someone else surfaces as a conflict on saving.
    if (stored && !readOnly && !sameStructure(stored.draft, stored.base)) return { base: stored.base, draft: stored.draft, etag: stored.etag, restored: true };
    return { base: server, draft: server, etag: initial.etag, restored: false };
  });
  const [base, setBase] = useState<Draft>(start.base);
  const [draft, setDraft] = useState<Draft>(start.draft);
  const [etag, setEtag] = useState<string | null>(start.etag);
  const [conflict, setConflict] = useState<Loaded | null>(null);
  const [errors, setErrors] = useState<PlacedErrors>(NO_ERRORS);
  const [chapterTitle, setChapterTitle] = useState('');
  const fresh = useRef(new Set<string>());
  const dirty = !sameStructure(draft, base);

  useEffect(() => {
    if (dirty) storeDraft({ courseId: course.id, etag, base, draft });
    else dropDraft(course.id);
  }, [dirty, draft, base, etag, course.id]);

  const save = useMutation({
    mutationFn: async ({ sent, against }: { sent: Draft; against: string | null }) => {
      try {
        return { sent, ...(await putStructure(course.id, sent, against, fresh.current)) };
      } catch (error) {
        if (!(error instanceof ProblemError) || error.status !== 412) throw error;
        const theirs = await readStructure(course.id);
        // The version also moves when the details, the rule or the state change: with the structure as read, nothing conflicts.
        if (sameStructure(fromStructure(theirs.structure), base)) return { sent, ...(await putStructure(course.id, sent, theirs.etag, fresh.current)) };
        throw new Conflict(theirs);
      }
    },
    onMutate: () => {
      setErrors(NO_ERRORS);
      setConflict(null);
    },
    onSuccess: ({ sent, structure, etag: next }) => {
      const saved = adoptIds(sent, structure);
      setBase(saved);
      setDraft((current) => sameStructure(current, sent) ? saved : withIdsOf(current, saved));
      setEtag(next);
      void queryClient.invalidateQueries({ queryKey: courseKeys.course(course.id) });
    },
    onError: (error, { sent }) => {
      if (error instanceof Conflict) setConflict(error.theirs);
      else setErrors(placeErrors(error, sent));
    },
  });

  const loadTheirs = (theirs: Loaded) => {
    const server = fromStructure(theirs.structure);
    setBase(server);
    setDraft(server);
    setEtag(theirs.etag);
    setConflict(null);
    save.reset();
  };
  const overwrite = (theirs: Loaded) => {
    const mine = rebaseOnto(draft, theirs.structure);
    setBase(fromStructure(theirs.structure));
    setDraft(mine);
    setEtag(theirs.etag);
    save.mutate({ sent: mine, against: theirs.etag });
  };
  const ruleSaved = async () => {
    void queryClient.invalidateQueries({ queryKey: courseKeys.course(course.id) });
    const current = await readStructure(course.id).catch(() => null);
    if (current && sameStructure(fromStructure(current.structure), base)) setEtag(current.etag);
  };

  const generalError = save.error && !(save.error instanceof Conflict)
    && (errors.general.length > 0 || (Object.keys(errors.items).length === 0 && Object.keys(errors.chapters).length === 0));

  return (
    <Stack gap="md">
      <Anchor component={Link} to={`/inst/courses/${course.id}`} size="sm">{t('builder.back', { title: course.title })}</Anchor>
      <Group justify="space-between" align="flex-end">
        <Stack gap={4}>
          <Title order={1}>{t('builder.title', { title: course.title })}</Title>
          <Group gap="xs"><CourseStateBadge state={course.state} /><Text size="sm" c="dimmed">{t('builder.intro')}</Text></Group>
        </Stack>
      </Group>
      {readOnly && <Alert color="gray" variant="light">{t('builder.archived')}</Alert>}
      {start.restored && dirty && <Alert color="blue" variant="light" role="status">{t('builder.restored')}</Alert>}
      {!readOnly && (
        <Paper withBorder p="sm" pos="sticky" top={60} style={{ zIndex: 5 }}>
          <Group justify="space-between">
            <Text size="sm" role="status" data-testid="save-state">
              {save.isPending ? t('builder.saving') : dirty ? t('builder.unsaved') : save.isSuccess ? t('builder.saved') : t('builder.clean')}
            </Text>
            <Group gap="xs">
              <Button variant="default" size="sm" disabled={!dirty || save.isPending} onClick={() => { setDraft(base); setErrors(NO_ERRORS); }}>
                {t('builder.discard')}
              </Button>
              <Button size="sm" disabled={!dirty} loading={save.isPending} onClick={() => save.mutate({ sent: draft, against: etag })}>
                {t('builder.save')}
              </Button>
            </Group>
          </Group>
        </Paper>
      )}
      {conflict && <ConflictPanel theirs={conflict.structure} busy={save.isPending} onLoadTheirs={() => loadTheirs(conflict)} onOverwrite={() => overwrite(conflict)} />}
      {generalError && (
        <Alert color="red" role="alert">
          <Stack gap={4}>
            <Text size="sm">{courseProblemText(t, save.error)}</Text>
            {errors.general.map((message) => <Text size="sm" key={message}>{message}</Text>)}
          </Stack>
        </Alert>
      )}
      {!generalError && (Object.keys(errors.items).length > 0 || Object.keys(errors.chapters).length > 0) && (
        <Alert color="red" role="alert">{t('builder.errorsBelow')}</Alert>
      )}
      {draft.length === 0 ? <Text>{t('builder.noChapters')}</Text> : (
        <SortableList ids={draft.map((c) => c.key)} onMove={(from, to) => setDraft((d) => moveChapter(d, from, to))}
          announcements={sortAnnouncements(t, 'chapter', draft)}>
          <Stack component="ol" gap="md" aria-label={t('builder.chapters')} style={{ listStyle: 'none', padding: 0, margin: 0 }}>
            {draft.map((chapter, c) => (
              <ChapterCard key={chapter.key} courseId={course.id} chapter={chapter} position={c + 1} chapters={draft} errors={errors} readOnly={readOnly}
                onRename={(title) => setDraft((d) => updateChapter(d, chapter.key, { title }))}
                onRemove={() => setDraft((d) => removeChapter(d, chapter.key))}
                onAddItem={(title, kind) => setDraft((d) => addItem(d, chapter.key, title, kind))}
                onMoveItem={(from, to) => setDraft((d) => moveItem(d, chapter.key, from, to))}
                onItemChange={(key, change) => setDraft((d) => updateItem(d, key, change))}
                onItemUploaded={(key, file) => {
                  fresh.current.add(file.id);
                  setDraft((d) => updateItem(d, key, { fileId: file.id, durationSeconds: file.durationSeconds }));
                }}
                onItemMoveTo={(key, target) => setDraft((d) => moveItemToChapter(d, key, target))}
                onItemRemove={(key) => setDraft((d) => removeItem(d, key))} />
            ))}
          </Stack>
        </SortableList>
      )}
      {!readOnly && (
        <ImeSafeForm aria-label={t('builder.addChapter')} onSubmit={() => {
          if (!chapterTitle.trim()) return;
          setDraft((d) => addChapter(d, chapterTitle.trim()));
          setChapterTitle('');
        }}>
          <Group gap="xs" align="flex-end">
            <TextInput label={t('builder.newChapterTitle')} maxLength={200} value={chapterTitle} onChange={(e) => setChapterTitle(e.currentTarget.value)}
              style={{ flex: '1 1 240px' }} />
            <Button type="submit" variant="light" disabled={!chapterTitle.trim()}>{t('builder.addChapter')}</Button>
          </Group>
        </ImeSafeForm>
      )}
      <CompletionRuleForm courseId={course.id} initial={course.completionRule} readOnly={readOnly} onSaved={() => void ruleSaved()} />
      <LeaveGuard when={dirty && !readOnly} />
    </Stack>
  );
}

/** One atomic save with `If-Match`; a file uploaded moments ago that the institution service has not heard of yet is waited for. */
async function putStructure(courseId: string, sent: Draft, etag: string | null, fresh: ReadonlySet<string>): Promise<{ structure: Structure; etag: string | null }> {
  for (let attempt = 0; ; attempt++) {
    try {
      let next: string | null = null;
      const structure = await call(api.institution.PUT('/institution/v1/courses/{id}/structure', {
        params: { path: { id: courseId } }, body: toPlan(sent), headers: etag ? { 'If-Match': etag } : {},
      }).then((result) => {
        next = result.response.headers.get('ETag');
        return result;
      }));
      return { structure, etag: next };
    } catch (error) {
      if (attempt >= 8 || !onlyFreshFileErrors(placeErrors(error, sent), sent, fresh)) throw error;
      await new Promise((resolve) => setTimeout(resolve, 1000));
    }
  }
}
