import { Alert, Button, Group, Modal, Paper, Stack, Text, Title, Autocomplete } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { problemText } from '../common/problemText';
import { QueryState } from '../common/QueryState';
import { usePageTitle } from '../common/usePageTitle';
import { notifyDone } from '../institution/notify';
import { emptyTopic, type TopicDraft } from '../institution/topics/topicDraft';
import { TopicForm } from '../institution/topics/TopicForm';
import { adminKeys, createCatalogTopic, deleteCatalogTopic, updateCatalogTopic, useCatalog, useCatalogTopic, type CatalogMajor } from './adminApi';
import { fromCatalogTopic, knownPlaces, placementProblems, toCatalogRequest, type Placement, PLACE_MAX } from './catalogDraft';

type Listed = { id: string; title: string };

/** `/admin/teachback`: the free-practice catalog by major and subject; topics added, edited (rubric included) and deleted. */
export function CatalogPage() {
  const { t } = useTranslation('admin');
  usePageTitle(t('catalog.title'));
  const queryClient = useQueryClient();
  const catalog = useCatalog();
  const [adding, setAdding] = useState(false);
  const [editing, setEditing] = useState<string | null>(null);
  const [removing, setRemoving] = useState<Listed | null>(null);
  const [removeBusy, setRemoveBusy] = useState(false);
  const [removeError, setRemoveError] = useState<unknown>(null);
  const refresh = () => queryClient.invalidateQueries({ queryKey: adminKeys.catalog });

  const remove = async () => {
    if (!removing) return;
    setRemoveBusy(true);
    setRemoveError(null);
    try {
      await deleteCatalogTopic(removing.id);
      await refresh();
      notifyDone(t('catalog.deleted'));
      setRemoving(null);
    } catch (error) {
      setRemoveError(error);
    } finally {
      setRemoveBusy(false);
    }
  };

  return (
    <Stack gap="md" maw={1000}>
      <Title order={1}>{t('catalog.title')}</Title>
      <Text c="dimmed" size="sm">{t('catalog.intro')}</Text>
      <Alert color="blue" variant="light">{t('catalog.rubricNever')}</Alert>
      <QueryState query={catalog}>
        {(majors) => (
          <Stack gap="md">
            {adding ? (
              <Paper withBorder p="md">
                <CatalogForm catalog={majors} headingId="catalog-new" heading={t('catalog.newTitle')} submitLabel={t('catalog.create')}
                  initial={{ placement: { major: '', subject: '' }, draft: emptyTopic() }} onCancel={() => setAdding(false)}
                  onSubmit={async (placement, request) => {
                    await createCatalogTopic(toCatalogRequest(placement, request));
                    await refresh();
                    notifyDone(t('catalog.created'));
                    setAdding(false);
                  }} />
              </Paper>
            ) : (
              <Button w="fit-content" onClick={() => { setEditing(null); setAdding(true); }}>{t('catalog.add')}</Button>
            )}
            {majors.length === 0 ? <Text>{t('catalog.empty')}</Text> : majors.map((major) => (
              <Stack key={major.major} gap="sm" component="section" aria-labelledby={`major-${major.major}`}>
                <Title order={2} size="h3" id={`major-${major.major}`}>{major.major}</Title>
                {major.subjects.map((subject) => (
                  <Paper key={subject.subject} withBorder p="md">
                    <Stack gap="xs">
                      <Group gap="xs">
                        <Title order={3} size="h4">{subject.subject}</Title>
                        <Text size="sm" c="dimmed">{t('catalog.topicCount', { count: subject.topics.length })}</Text>
                      </Group>
                      <Stack gap="xs" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
                        {subject.topics.map((topic) => (
                          <li key={topic.id}>
                            {editing === topic.id ? (
                              <EditTopic id={topic.id} catalog={majors} onDone={() => setEditing(null)} onSaved={refresh} />
                            ) : (
                              <Group justify="space-between" wrap="nowrap" gap="sm">
                                <Stack gap={0}>
                                  <Text fw={500}>{topic.title}</Text>
                                  <Text size="sm" c="dimmed">{t(`catalog.language.${topic.language}`, { defaultValue: topic.language })}</Text>
                                </Stack>
                                <Group gap="xs" wrap="nowrap">
                                  <Button size="xs" variant="light" aria-label={t('catalog.editLabel', { title: topic.title })}
                                    onClick={() => { setAdding(false); setEditing(topic.id); }}>{t('common:edit')}</Button>
                                  <Button size="xs" variant="light" color="red.9" aria-label={t('catalog.deleteLabel', { title: topic.title })}
                                    onClick={() => { setRemoveError(null); setRemoving({ id: topic.id, title: topic.title }); }}>{t('common:delete')}</Button>
                                </Group>
                              </Group>
                            )}
                          </li>
                        ))}
                      </Stack>
                    </Stack>
                  </Paper>
                ))}
              </Stack>
            ))}
          </Stack>
        )}
      </QueryState>
      <Modal opened={removing !== null} onClose={() => setRemoving(null)} centered closeButtonProps={{ 'aria-label': t('common:close') }}
        title={removing ? t('catalog.deleteTitle', { title: removing.title }) : ''}>
        <Stack gap="md">
          <Text size="sm">{t('catalog.deleteBody')}</Text>
          {removeError !== null && <Alert color="red" role="alert">{problemText(t, removeError)}</Alert>}
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={() => setRemoving(null)}>{t('common:cancel')}</Button>
            <Button color="red.9" loading={removeBusy} onClick={() => void remove()}>{t('catalog.deleteConfirm')}</Button>
          </Group>
        </Stack>
      </Modal>
    </Stack>
  );
}

function EditTopic({ id, catalog, onDone, onSaved }: { id: string; catalog: CatalogMajor[]; onDone: () => void; onSaved: () => Promise<unknown> }) {
  const { t } = useTranslation('admin');
  const query = useCatalogTopic(id);
  const queryClient = useQueryClient();
  return (
    <Paper withBorder p="md">
      <QueryState query={query}>
        {(topic) => (
          <CatalogForm catalog={catalog} headingId={`catalog-edit-${id}`} heading={t('catalog.editTitle', { title: topic.title })}
            submitLabel={t('catalog.update')} initial={fromCatalogTopic(topic)} onCancel={onDone}
            onSubmit={async (placement, request) => {
              const saved = await updateCatalogTopic(id, toCatalogRequest(placement, request));
              queryClient.setQueryData(adminKeys.topic(id), saved);
              await onSaved();
              notifyDone(t('catalog.updated'));
              onDone();
            }} />
        )}
      </QueryState>
    </Paper>
  );
}

type FormProps = {
  catalog: CatalogMajor[];
  initial: { placement: Placement; draft: TopicDraft };
  heading: string;
  headingId: string;
  submitLabel: string;
  onCancel: () => void;
  onSubmit: (placement: Placement, request: Parameters<typeof toCatalogRequest>[1]) => Promise<void>;
};

/** The course topics' form, with the topic's place (major, subject) first; the existing ones are offered while typing. */
function CatalogForm({ catalog, initial, heading, headingId, submitLabel, onCancel, onSubmit }: FormProps) {
  const { t } = useTranslation('admin');
  const [placement, setPlacement] = useState(initial.placement);
  const places = knownPlaces(catalog, placement.major);
  const problems = placementProblems(placement);
  const say = (field: keyof Placement, tried: boolean, server: Record<string, string>) => {
    const problem = problems[field];
    if (tried && problem) return t(`catalog.${problem.key}`, { max: problem.max });
    return server[field];
  };
  return (
    <TopicForm initial={initial.draft} heading={heading} headingId={headingId} submitLabel={submitLabel} onCancel={onCancel}
      onSubmit={(request) => onSubmit(placement, request)}
      leadingProblems={() => Object.keys(placementProblems(placement)).length}
      leading={(tried, server) => (
        <Group gap="sm" align="flex-start" wrap="wrap">
          <Autocomplete label={t('catalog.major')} placeholder={t('catalog.majorHint')} required maxLength={PLACE_MAX} w={260}
            data={places.majors} value={placement.major} error={say('major', tried, server)}
            onChange={(major) => setPlacement((current) => ({ ...current, major }))} />
          <Autocomplete label={t('catalog.subject')} placeholder={t('catalog.subjectHint')} required maxLength={PLACE_MAX} w={260}
            data={places.subjects} value={placement.subject} error={say('subject', tried, server)}
            onChange={(subject) => setPlacement((current) => ({ ...current, subject }))} />
        </Group>
      )} />
  );
}
