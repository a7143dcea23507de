import { Button, Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { EnrollmentDetail } from '../useEnrollment';

/**
 * The board belongs to the course provision: the link carries its id beside the enrollment's, so the board page can
 * list posts at once (it may also read it from the enrollment, which the server checks either way).
 */
export function BoardLink({ enrollment }: { enrollment: EnrollmentDetail }) {
  const { t } = useTranslation('learner');
  const to = `/courses/${enrollment.id}/board?courseProvideId=${encodeURIComponent(enrollment.courseProvideId)}`;
  return (
    <Paper withBorder p="md" radius="md">
      <Stack gap="xs">
        <Title order={2} size="h4">{t('room.board')}</Title>
        <Text size="sm">{t('room.boardHint')}</Text>
        <Button component={Link} to={to} variant="light" w="fit-content">{t('room.board')}</Button>
      </Stack>
    </Paper>
  );
}
