import { Alert, Anchor, Stack, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { api } from '../../api/clients';
import { call } from '../../api/call';
import { QueryState } from '../../common/QueryState';
import { usePageTitle } from '../../common/usePageTitle';
import { studioKeys, useOpenProvisions } from './queries';
import { SessionForm, type SessionFields } from './SessionForm';

export function NewSessionPage() {
  const { t } = useTranslation('studio');
  usePageTitle(t('form.newTitle'));
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const provisions = useOpenProvisions();
  const schedule = useMutation({
    mutationFn: (fields: SessionFields) => call(api.live.POST('/live/v1/sessions', { body: fields })),
    onSuccess: (session) => {
      void queryClient.invalidateQueries({ queryKey: studioKeys.all });
      navigate(`/inst/live/${session.id}`);
    },
  });
  return (
    <Stack maw={640} gap="md">
      <Anchor component={Link} to="/inst/live" size="sm">{t('detail.back')}</Anchor>
      <Title order={1}>{t('form.newTitle')}</Title>
      <QueryState query={provisions}>
        {(list) => list.length === 0 ? <Alert color="yellow" role="status">{t('form.noProvisions')}</Alert> : (
          <SessionForm provisions={list} submitLabel={t('form.submit')} label={t('form.newTitle')} busy={schedule.isPending}
            error={schedule.error} onSubmit={(fields) => schedule.mutate(fields)} />
        )}
      </QueryState>
    </Stack>
  );
}
