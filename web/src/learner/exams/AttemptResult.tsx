import { Alert, Badge, Group, List, Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { koreaDateTime } from '../../common/time';
import type { AttemptView, EnrollmentExam, QuestionView } from './examApi';
import { revealHint } from './reveal';
import { useFocusOnMount } from './useFocusOnMount';

export function formatScore(value: number, language: string): string {
  return new Intl.NumberFormat(language, { maximumFractionDigits: 2 }).format(value);
}

/** A graded attempt: score and pass, and per question what the server chose to reveal under the exam's rule. */
export function AttemptResult({ exam, attempt, endedByTime = false }: { exam: EnrollmentExam; attempt: AttemptView; endedByTime?: boolean }) {
  const { t, i18n } = useTranslation('exams');
  const heading = useFocusOnMount<HTMLHeadingElement>();
  const hint = revealHint(exam.answerKeyReveal, exam.closesAt, attempt);
  const answers = new Map(attempt.answers.map((a) => [a.questionId, a]));
  return (
    <Stack gap="md">
      <Title order={2} ref={heading} tabIndex={-1}>{t('result.title', { number: attempt.number })}</Title>
      {endedByTime && <Alert color="orange">{t('timeUp.submitted')}</Alert>}
      <Paper withBorder p="md">
        {attempt.score === null ? (
          <Text>{t('result.waiting')}</Text>
        ) : (
          <Stack gap="xs">
            <Group gap="sm" align="baseline">
              <Text size="sm">{t('result.scoreLabel')}</Text>
              <Text fz={28} fw={700}>{t('result.score', { score: formatScore(attempt.score, i18n.language) })}</Text>
              {attempt.passed !== null && (
                <Badge color={attempt.passed ? 'teal.9' : 'red.9'} size="lg">{attempt.passed ? t('result.passed') : t('result.failed')}</Badge>
              )}
            </Group>
            <Text size="sm" c="gray.7">{t('result.passScore', { count: exam.passScore })}</Text>
            {attempt.gradedAt && (
              <Text size="sm" c="gray.7">
                {t('result.gradedAt', { time: koreaDateTime(attempt.gradedAt, i18n.language) })} ({t('common:time.kst')})
              </Text>
            )}
            {attempt.autoGraded && <Text size="sm">{t('result.autoGraded')}</Text>}
          </Stack>
        )}
      </Paper>

      {hint.kind !== 'shown' && (
        <Alert color="blue">
          {hint.kind === 'after-close'
            ? t('reveal.after-close', { time: `${koreaDateTime(hint.closesAt, i18n.language)} ${t('common:time.kst')}` })
            : t(`reveal.${hint.kind}`)}
        </Alert>
      )}

      <Title order={3}>{t('result.review')}</Title>
      {attempt.questions.map((question, index) => (
        <ReviewedQuestion key={question.id} question={question} number={index + 1} answer={answers.get(question.id)} />
      ))}
    </Stack>
  );
}

function ReviewedQuestion({ question, number, answer }: {
  question: QuestionView; number: number; answer: AttemptView['answers'][number] | undefined;
}) {
  const { t, i18n } = useTranslation('exams');
  const chosen = new Set(answer?.optionIds ?? []);
  const text = answer?.text?.trim();
  return (
    <Paper withBorder p="md">
      <Stack gap="xs">
        <Group justify="space-between" gap="xs">
          <Title order={4} size="h5">{t('sheet.question', { number })}</Title>
          {question.earned !== null && (
            <Text size="sm" fw={600}>
              {t('result.earned', { earned: formatScore(question.earned, i18n.language), points: question.points })}
            </Text>
          )}
        </Group>
        <Text style={{ whiteSpace: 'pre-wrap' }}>{question.text}</Text>
        {question.options.length > 0 && (
          <List spacing={4} listStyleType="none" ml={0} pl={0}>
            {question.options.map((option) => (
              <List.Item key={option.id}>
                <Group gap={6} wrap="wrap">
                  <Text size="sm" fw={chosen.has(option.id) ? 700 : 400}>{option.text}</Text>
                  {chosen.has(option.id) && <Badge variant="outline" color="dark">{t('result.chosen')}</Badge>}
                  {option.correct === true && <Badge color="teal.9">{t('result.correct')}</Badge>}
                </Group>
              </List.Item>
            ))}
          </List>
        )}
        {question.options.length === 0 && (
          <Text size="sm">{t('result.yourAnswer')}: {text ? text : t('result.noAnswer')}</Text>
        )}
        {question.options.length > 0 && chosen.size === 0 && <Text size="sm">{t('result.noAnswer')}</Text>}
        {question.acceptedAnswers && question.acceptedAnswers.length > 0 && (
          <Text size="sm">{t('result.accepted', { answers: question.acceptedAnswers.join(', ') })}</Text>
        )}
        {question.explanation && (
          <Text size="sm"><Text span fw={600}>{t('result.explanation')}: </Text>{question.explanation}</Text>
        )}
      </Stack>
    </Paper>
  );
}
