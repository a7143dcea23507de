import { Anchor, Group, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { koreaDateTime } from '../../common/time';
import { SessionStateBadge } from './SessionStateBadge';

type Props = {
  back: { to: string; label: string };
  title: string;
  state: string;
  scheduledStart: string;
  scheduledEnd: string;
  startedAt: string | null;
  endedAt: string | null;
  actions?: ReactNode;
};

/** The session's name, its times in Korea time and its state as the hub last said it. */
export function SessionHeader({ back, title, state, scheduledStart, scheduledEnd, startedAt, endedAt, actions }: Props) {
  const { t, i18n } = useTranslation('live');
  const at = (instant: string) => koreaDateTime(instant, i18n.language);
  return (
    <Group justify="space-between" align="flex-start" gap="sm">
      <Stack gap={4}>
        <Anchor component={Link} to={back.to} size="sm">{back.label}</Anchor>
        <Title order={1} size="h2">{title}</Title>
        <Text size="sm" c="dimmed">{t('schedule', { from: at(scheduledStart), to: at(scheduledEnd) })}</Text>
        {(startedAt || endedAt) && (
          <Text size="sm" c="dimmed">
            {[startedAt && t('startedAt', { at: at(startedAt) }), endedAt && t('endedAt', { at: at(endedAt) })].filter(Boolean).join(' · ')}
          </Text>
        )}
      </Stack>
      <Group gap="sm">
        <SessionStateBadge state={state} />
        {actions}
      </Group>
    </Group>
  );
}
