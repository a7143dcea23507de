import { Alert, Button, Group, Progress, Radio, Stack, Text, Title } from '@mantine/core';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { canAnswer, type QuizCard } from './learnerQuiz';
import { Tallies } from './Tallies';
import { useSecondsLeft } from './useSecondsLeft';
import classes from './QuizOverlay.module.css';

type Props = {
  card: QuizCard;
  offsetMs: number;
  onAnswer: (option: number) => void;
  onDismiss: () => void;
};

/** A pushed quiz over the video: choose once before the countdown ends, then the reveal with everyone's answers. */
export function QuizOverlay({ card, offsetMs, onAnswer, onDismiss }: Props) {
  const { t } = useTranslation('live');
  const headingId = useId();
  const { quiz, answer, reveal } = card;
  const left = useSecondsLeft(reveal ? null : quiz.endsAt, offsetMs);
  const [total] = useState(() => Math.max(1, left));
  const [choice, setChoice] = useState<string | null>(null);
  const open = canAnswer(card, left);

  return (
    <section className={classes.overlay} aria-labelledby={headingId} data-testid="quiz">
      <Stack gap="sm">
        <Group justify="space-between" align="center">
          <Title order={2} size="h4" id={headingId}>{t('quiz.title')}</Title>
          {!reveal && !card.missedClose && (
            <Text fw={700} role="timer" aria-label={t('quiz.timeLeftLabel')} c={left <= 5 ? 'red.9' : undefined}>
              {t('quiz.timeLeft', { seconds: left })}
            </Text>
          )}
        </Group>
        {!reveal && !card.missedClose && <Progress value={(left / total) * 100} size="sm" color={left <= 5 ? 'red.9' : 'blue.8'} aria-hidden="true" />}
        <Text fw={600} size="lg" className={classes.question}>{quiz.question}</Text>

        {!reveal && !card.missedClose && !answer && (
          <form onSubmit={(event) => { event.preventDefault(); if (choice !== null && open) onAnswer(Number(choice)); }}>
            <Stack gap="sm">
              <Radio.Group label={t('quiz.options')} value={choice} onChange={setChoice}>
                <Stack gap="xs" mt={4}>
                  {quiz.options.map((option, index) => (
                    <Radio key={index} value={String(index)} disabled={!open}
                      label={`${t('quiz.optionNumber', { number: index + 1 })} ${option}`} />
                  ))}
                </Stack>
              </Radio.Group>
              {card.refusal && <Alert color="red" variant="light" role="alert" p="xs"><Text size="sm">{t(`refusal.${card.refusal}`)}</Text></Alert>}
              {open
                ? <Button type="submit" disabled={choice === null} w="fit-content">{t('quiz.submit')}</Button>
                : <Text size="sm" role="status">{t('quiz.timeUp')}</Text>}
            </Stack>
          </form>
        )}
        {!reveal && answer && (
          <Text role="status" fw={600}>
            {answer.status === 'earlier' ? t('quiz.answeredEarlier')
              : answer.status === 'sending' ? t('quiz.submitting')
              : t('quiz.answered', { number: answer.option + 1 })}
          </Text>
        )}
        {!reveal && answer && left === 0 && <Text size="sm">{t('quiz.timeUp')}</Text>}
        {card.missedClose && !reveal && (
          <>
            <Text role="status">{t('quiz.missedClose')}</Text>
            <Button variant="default" w="fit-content" onClick={onDismiss}>{t('quiz.dismiss')}</Button>
          </>
        )}

        {reveal && (
          <Stack gap="sm" role="status">
            <Text fw={700} c="teal.9">
              {t('quiz.correct', { number: reveal.correctOption + 1, option: quiz.options[reveal.correctOption] ?? '' })}
            </Text>
            <Text fw={600}>
              {!answer ? t('quiz.noAnswer')
                : answer.option === null ? t('quiz.earlierCounted')
                : answer.option === reveal.correctOption ? t('quiz.right')
                : t('quiz.wrong', { number: answer.option + 1 })}
            </Text>
            {reveal.solution && (
              <div>
                <Title order={3} size="h5">{t('quiz.solution')}</Title>
                <Text size="sm" className={classes.question}>{reveal.solution}</Text>
              </div>
            )}
            <Tallies options={quiz.options} counts={reveal.counts} correctOption={reveal.correctOption} mine={answer?.option ?? null} />
            <Button variant="default" w="fit-content" onClick={onDismiss}>{t('quiz.dismiss')}</Button>
          </Stack>
        )}
      </Stack>
    </section>
  );
}
