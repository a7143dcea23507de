import { Alert, Anchor, Badge, Button, Group, List, Paper, Stack, Text, Title } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { problemText } from '../../common/problemText';
import { QueryState } from '../../common/QueryState';
import { koreaDateTime } from '../../common/time';
import { usePageTitle } from '../../common/usePageTitle';
import { ConfirmAction } from '../ConfirmAction';
import { useOwnCourse } from '../ownCourse';
import { createTopic, deleteTopic, topicKeys, updateTopic, useCourseTopics } from './topicApi';
import { emptyTopic, fromTopic, type Topic } from './topicDraft';
import { TopicForm } from './TopicForm';
import { notifyDone } from '../notify';

/** `/inst/courses/:courseId/teachback-topics`: the course's topics, added, edited and deleted in place. */
export function TopicsPage() {
  const { t } = useTranslation('instTopics');
  const { courseId = '' } = useParams();
  const queryClient = useQueryClient();
  const course = useOwnCourse(courseId);
  const topics = useCourseTopics(courseId);
  const [adding, setAdding] = useState(false);
  const [editing, setEditing] = useState<string | null>(null);
  const [removing, setRemoving] = useState<Topic | null>(null);
  const [busy, setBusy] = useState(false);
  const [removeError, setRemoveError] = useState<unknown>(null);
  const title = course.data ? t('title', { course: course.data.title }) : t('titleFallback');
  usePageTitle(title);
  const refresh = () => queryClient.invalidateQueries({ queryKey: topicKeys.course(courseId) });

  const remove = async () => {
    if (!removing) return;
    setBusy(true);
    setRemoveError(null);
    try {
      await deleteTopic(removing.id);
      await refresh();
      notifyDone(t('remove.done'));
      setRemoving(null);
    } catch (error) {
      setRemoveError(error);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Stack gap="md" maw={1000}>
      <Anchor component={Link} to={`/inst/courses/${courseId}`} size="sm" w="fit-content">{t('backToCourse')}</Anchor>
      <QueryState query={course}>
        {() => (
          <>
            <Title order={1}>{title}</Title>
            <Alert color="blue" variant="light">{t('intro')}</Alert>
            {adding ? (
              <Paper withBorder p="md">
                <TopicForm initial={emptyTopic()} heading={t('form.newTitle')} headingId="topic-new" submitLabel={t('form.create')}
                  onCancel={() => setAdding(false)}
                  onSubmit={async (request) => {
                    await createTopic(courseId, request);
                    await refresh();
                    notifyDone(t('form.created'));
                    setAdding(false);
                  }} />
              </Paper>
            ) : (
              <Button w="fit-content" onClick={() => { setAdding(true); setEditing(null); }}>{t('add')}</Button>
            )}
            <Stack component="section" gap="sm" aria-labelledby="topics-list-title">
              <Title order={2} id="topics-list-title">{t('listTitle')}</Title>
              <QueryState query={topics}>
                {(list) => list.length === 0 ? <Text>{t('empty')}</Text> : (
                  <Stack component="ul" gap="sm" p={0} m={0} style={{ listStyle: 'none' }}>
                    {list.map((topic) => (
                      <Paper component="li" key={topic.id} withBorder p="md">
                        {editing === topic.id ? (
                          <TopicForm initial={fromTopic(topic)} heading={t('form.editTitle')} headingId={`topic-edit-${topic.id}`}
                            submitLabel={t('form.save')} onCancel={() => setEditing(null)}
                            onSubmit={async (request) => {
                              await updateTopic(topic.id, request);
                              await refresh();
                              notifyDone(t('form.saved'));
                              setEditing(null);
                            }} />
                        ) : (
                          <TopicCard topic={topic} onEdit={() => { setEditing(topic.id); setAdding(false); }} onDelete={() => setRemoving(topic)} />
                        )}
                      </Paper>
                    ))}
                  </Stack>
                )}
              </QueryState>
            </Stack>
          </>
        )}
      </QueryState>
      <ConfirmAction
        opened={removing !== null}
        title={t('remove.title')}
        body={t('remove.body')}
        confirmLabel={t('remove.confirm')}
        keepLabel={t('remove.keep')}
        busy={busy}
        errorText={removeError ? problemText(t, removeError) : null}
        onConfirm={() => void remove()}
        onClose={() => { setRemoving(null); setRemoveError(null); }}
      />
    </Stack>
  );
}

function TopicCard({ topic, onEdit, onDelete }: { topic: Topic; onEdit: () => void; onDelete: () => void }) {
  const { t, i18n } = useTranslation('instTopics');
  const synonyms = Object.entries(topic.synonyms);
  return (
    <Stack gap="sm">
      <Group justify="space-between" align="flex-start">
        <Stack gap={2}>
          <Title order={3} style={{ overflowWrap: 'anywhere' }}>{topic.title}</Title>
          <Text size="sm" c="dimmed">
            {t('card.languageLine', { language: t(`language.${topic.language}`, { defaultValue: topic.language }) })}
            {' · '}{t('card.updated', { time: koreaDateTime(topic.updatedAt, i18n.language) })}
          </Text>
        </Stack>
        <Group gap="xs">
          <Button size="xs" variant="default" aria-label={t('card.editOf', { title: topic.title })} onClick={onEdit}>{t('card.edit')}</Button>
          <Button size="xs" variant="default" c="red.9" aria-label={t('card.deleteOf', { title: topic.title })} onClick={onDelete}>{t('card.delete')}</Button>
        </Group>
      </Group>
      <Stack gap={2}>
        <Text size="sm" fw={600}>{t('card.learnerSees')}</Text>
        <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>{topic.prompt ?? t('card.noPrompt')}</Text>
      </Stack>
      <Paper bg="gray.0" p="sm" radius="sm">
        <Stack gap={6}>
          <Badge color="gray.8" variant="outline" w="fit-content">{t('card.rubric')}</Badge>
          <Text size="sm" fw={600}>{t('card.keyPoints')}</Text>
          <List size="sm">{topic.keyPoints.map((point) => <List.Item key={point}>{point}</List.Item>)}</List>
          {synonyms.length > 0 && (
            <>
              <Text size="sm" fw={600}>{t('card.synonyms')}</Text>
              <List size="sm">
                {synonyms.map(([term, words]) => <List.Item key={term}>{t('card.synonymLine', { term, words: words.join(', ') })}</List.Item>)}
              </List>
            </>
          )}
        </Stack>
      </Paper>
    </Stack>
  );
}
