import { Group, List, Paper, Progress, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Submission } from './submissionApi';

/** The score with what went well and what to improve. */
export function FeedbackCard({ submission }: { submission: Submission }) {
  const { t } = useTranslation('teachback');
  const score = submission.score ?? 0;
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="teachback-feedback">
      <Stack gap="md">
        <Title order={2} id="teachback-feedback">{t('feedback.title')}</Title>
        <Stack gap={4}>
          <Group gap="xs" align="baseline">
            <Text fw={500}>{t('feedback.score')}</Text>
            <Text fz={36} fw={700} lh={1}>{t('feedback.scoreValue', { score })}</Text>
            <Text c="dimmed">{t('feedback.outOf')}</Text>
          </Group>
          <Progress value={score} color={score >= 60 ? 'teal.8' : 'orange.8'} aria-hidden />
        </Stack>
        <Points title={t('feedback.strengths')} items={submission.strengths} />
        <Points title={t('feedback.weaknesses')} items={submission.weaknesses} />
      </Stack>
    </Paper>
  );
}

function Points({ title, items }: { title: string; items: string[] }) {
  const { t } = useTranslation('teachback');
  return (
    <Stack gap={4}>
      <Title order={3} size="h5">{title}</Title>
      {items.length === 0 ? <Text size="sm" c="dimmed">{t('feedback.none')}</Text> : (
        <List spacing={4} size="sm">
          {items.map((item, index) => <List.Item key={index} style={{ wordBreak: 'keep-all' }}>{item}</List.Item>)}
        </List>
      )}
    </Stack>
  );
}

/** What was scored: the typed text, or what speech recognition heard. */
export function Transcript({ text }: { text: string }) {
  const { t } = useTranslation('teachback');
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="teachback-transcript">
      <Title order={2} size="h4" id="teachback-transcript" mb="xs">{t('feedback.transcript')}</Title>
      <Text size="sm" style={{ whiteSpace: 'pre-wrap', wordBreak: 'keep-all' }}>{text}</Text>
    </Paper>
  );
}
