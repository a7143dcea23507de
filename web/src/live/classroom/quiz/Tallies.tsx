import { Group, Progress, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { shares } from './learnerQuiz';

type Props = { options: string[]; counts: number[]; correctOption: number | null; mine?: number | null };

/** How many chose each option, the correct one marked (after the close) and the viewer's own choice. */
export function Tallies({ options, counts, correctOption, mine }: Props) {
  const { t } = useTranslation('live');
  const percents = shares(counts);
  return (
    <Stack gap={6} component="ol" style={{ listStyle: 'none', padding: 0, margin: 0 }} aria-label={t('quiz.tallies')}>
      {options.map((option, index) => {
        const correct = index === correctOption;
        return (
          <li key={index}>
            <Group justify="space-between" gap="xs" wrap="nowrap">
              <Text size="sm" fw={correct ? 700 : 400} style={{ minWidth: 0 }}>
                {t('quiz.optionNumber', { number: index + 1 })} {option}
                {correct && <Text span size="sm" fw={700} c="teal.9"> · {t('quiz.correctMark')}</Text>}
                {mine === index && <Text span size="sm" c="blue.9"> · {t('quiz.mine')}</Text>}
              </Text>
              <Text size="sm" style={{ whiteSpace: 'nowrap' }}>{t('quiz.tally', { count: counts[index] ?? 0, share: percents[index] ?? 0 })}</Text>
            </Group>
            <Progress value={percents[index] ?? 0} color={correct ? 'teal.9' : 'gray.6'} size="sm" aria-hidden="true" />
          </li>
        );
      })}
    </Stack>
  );
}
