import { Alert, Button, Group, Paper, Rating, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api/clients';
import { call } from '../api/call';
import { problemText } from '../common/problemText';

/** How helpful the feedback was, 1–5 stars, once. */
export function RatingForm({ submissionId, stars, onRated }: { submissionId: string; stars: number | null; onRated: (stars: number) => void }) {
  const { t } = useTranslation('teachback');
  const [value, setValue] = useState(0);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [unchosen, setUnchosen] = useState(false);

  const send = async () => {
    if (value < 1) { setUnchosen(true); return; }
    setBusy(true);
    setError(null);
    try {
      await call(api.student.POST('/student/v1/teachbacks/{id}/rating', { params: { path: { id: submissionId } }, body: { stars: value } }));
      onRated(value);
    } catch (problem) {
      setError(problem);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Paper withBorder p="md" component="section" aria-labelledby="teachback-rating">
      <Stack gap="sm">
        <Title order={2} size="h4" id="teachback-rating">{t('rating.title')}</Title>
        {stars !== null ? <Text role="status">{t('rating.done', { stars })}</Text> : (
          <form noValidate onSubmit={(event) => { event.preventDefault(); void send(); }}>
            <Stack gap="sm">
              <Group gap="sm" role="radiogroup" aria-label={t('rating.label')}>
                <Rating value={value} onChange={(next) => { setValue(next); setUnchosen(false); }} size="lg" color="yellow.7"
                  getSymbolLabel={(index) => t('rating.star', { count: index })} />
              </Group>
              {unchosen && <Text size="sm" c="red.9" role="alert">{t('rating.choose')}</Text>}
              {error ? <Alert color="red" role="alert">{problemText(t, error)}</Alert> : null}
              <Button type="submit" variant="light" w="fit-content" loading={busy}>{t('rating.submit')}</Button>
            </Stack>
          </form>
        )}
      </Stack>
    </Paper>
  );
}
