import { Alert, Button, Select, Stack, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ImeSafeForm } from '../../common/ImeSafeForm';
import { fieldErrors, problemText } from '../../common/problemText';
import { koreaDate } from '../../common/time';
import { fromKoreaInput, timesProblem, toKoreaInput } from './koreaInput';
import type { Provision } from './queries';

export type SessionFields = { courseProvideId: string; title: string; scheduledStart: string; scheduledEnd: string };

type Props = {
  /** The provisions to choose from when scheduling; absent when editing (a session's provision never changes). */
  provisions?: Provision[];
  initial?: { title: string; scheduledStart: string; scheduledEnd: string };
  submitLabel: string;
  busy: boolean;
  error: unknown;
  onSubmit: (fields: SessionFields) => void;
  label: string;
};

/** Title and times of a session (and its provision when scheduling), the times entered in Korea time. */
export function SessionForm({ provisions, initial, submitLabel, busy, error, onSubmit, label }: Props) {
  const { t, i18n } = useTranslation('studio');
  const [provision, setProvision] = useState<string | null>(provisions?.length === 1 ? provisions[0].id : null);
  const [title, setTitle] = useState(initial?.title ?? '');
  const [start, setStart] = useState(initial ? toKoreaInput(initial.scheduledStart) : '');
  const [end, setEnd] = useState(initial ? toKoreaInput(initial.scheduledEnd) : '');
  const [tried, setTried] = useState(false);

  const startAt = fromKoreaInput(start);
  const endAt = fromKoreaInput(end);
  const times = timesProblem(startAt, endAt);
  const server = fieldErrors(t, error);
  const local = {
    provision: provisions && !provision ? t('form.provisionRequired') : undefined,
    title: title.trim() ? undefined : t('form.required'),
    start: times === 'startRequired' ? t('form.startRequired') : undefined,
    end: times && times !== 'startRequired' ? t(`form.${times}`) : undefined,
  };
  const valid = !local.provision && !local.title && !local.start && !local.end;

  const submit = () => {
    setTried(true);
    if (!valid || !startAt || !endAt) return;
    onSubmit({ courseProvideId: provision ?? '', title: title.trim(), scheduledStart: startAt, scheduledEnd: endAt });
  };

  return (
    <ImeSafeForm aria-label={label} onSubmit={submit}>
      <Stack gap="sm">
        {provisions && (
          <Select
            label={t('form.provision')}
            description={t('form.provisionHint')}
            required
            searchable
            data={provisions.map((p) => ({
              value: p.id,
              label: t('form.provisionLabel', {
                course: p.courseTitle, company: p.companyName,
                period: t('common:time.period', { begin: koreaDate(p.beginDate, i18n.language), end: koreaDate(p.endDate, i18n.language) }),
              }),
            }))}
            value={provision}
            onChange={setProvision}
            error={(tried && local.provision) || server.courseProvideId}
          />
        )}
        <TextInput label={t('form.title')} required maxLength={200} value={title}
          onChange={(e) => setTitle(e.currentTarget.value)} error={(tried && local.title) || server.title} />
        <Text size="sm" c="dimmed" id="session-times-hint">{t('form.timesHint')}</Text>
        <TextInput type="datetime-local" label={t('form.start')} required value={start} aria-describedby="session-times-hint"
          onChange={(e) => setStart(e.currentTarget.value)} error={(tried && local.start) || server.scheduledStart} />
        <TextInput type="datetime-local" label={t('form.end')} required value={end} aria-describedby="session-times-hint"
          onChange={(e) => setEnd(e.currentTarget.value)} error={(tried && local.end) || server.scheduledEnd} />
        {error && Object.keys(server).length === 0 ? <Alert color="red" role="alert">{problemText(t, error)}</Alert> : null}
        <Button type="submit" w="fit-content" loading={busy}>{submitLabel}</Button>
      </Stack>
    </ImeSafeForm>
  );
}
