import { Alert, Button, Checkbox, NumberInput, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../../api/clients';
import { call } from '../../../api/call';
import { ImeSafeForm } from '../../../common/ImeSafeForm';
import { fieldErrors } from '../../../common/problemText';
import { courseProblemText } from '../courseProblem';
import { ruleProblems, type CompletionRule, type RuleField } from './completionRule';

const FIELDS: RuleField[] = ['videoProgressPercent', 'courseProgressPercent', 'evaluationPassScore', 'dailyItemCap', 'midExamUnlockPercent', 'finalExamUnlockPercent'];

/**
 * The course's completion thresholds (DOMAIN.md, Completion rule), saved on their own: they are not part of the
 * structure, though saving them moves the course's version (the builder takes the new one when its structure is unchanged).
 */
export function CompletionRuleForm({ courseId, initial, readOnly, onSaved }: { courseId: string; initial: CompletionRule; readOnly: boolean; onSaved: () => void }) {
  const { t } = useTranslation('instCourses');
  const headingId = useId();
  const [rule, setRule] = useState<CompletionRule>({ ...initial, liveAttendancePercent: initial.liveAttendancePercent ?? null });
  const [tried, setTried] = useState(false);
  const save = useMutation({
    mutationFn: (next: CompletionRule) => call(api.institution.PUT('/institution/v1/courses/{id}/completion-rule', { params: { path: { id: courseId } }, body: next })),
    onSuccess: onSaved,
  });
  const problems = ruleProblems(rule);
  const server = fieldErrors(t, save.error);
  const problemOf = (field: RuleField) => {
    const local = tried ? problems.find((p) => p.field === field) : undefined;
    if (local) return local.reason === 'midAfterFinal' ? t('rule.midAfterFinal') : t('rule.range', { min: local.min, max: local.max });
    return server[field];
  };
  const set = (field: RuleField, value: number | string) => setRule((current) => ({ ...current, [field]: value === '' ? Number.NaN : Number(value) }));
  const live = rule.liveAttendancePercent !== null && rule.liveAttendancePercent !== undefined;

  return (
    <Paper component="section" withBorder p="md" aria-labelledby={headingId}>
      <ImeSafeForm aria-labelledby={headingId} onSubmit={() => {
        setTried(true);
        if (problems.length === 0) save.mutate(rule);
      }}>
        <Stack gap="sm">
          <Title order={2} size="h4" id={headingId}>{t('rule.title')}</Title>
          <Text size="sm" c="dimmed">{t('rule.intro')}</Text>
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            {FIELDS.map((field) => (
              <NumberInput key={field} label={t(`rule.${field}`)} description={t(`rule.${field}Hint`)} allowDecimal={false}
                min={0} max={100} value={Number.isNaN(rule[field] as number) ? '' : (rule[field] as number)} readOnly={readOnly}
                onChange={(value) => set(field, value)} error={problemOf(field)} />
            ))}
          </SimpleGrid>
          <Checkbox label={t('rule.liveRequired')} checked={live} disabled={readOnly}
            onChange={(e) => setRule((current) => ({ ...current, liveAttendancePercent: e.currentTarget.checked ? 80 : null }))} />
          {live && (
            <NumberInput label={t('rule.liveAttendancePercent')} allowDecimal={false} min={1} max={100} w={260} readOnly={readOnly}
              value={Number.isNaN(rule.liveAttendancePercent as number) ? '' : (rule.liveAttendancePercent as number)}
              onChange={(value) => set('liveAttendancePercent', value)} error={problemOf('liveAttendancePercent')} />
          )}
          {save.error && Object.keys(server).length === 0 ? <Alert color="red" role="alert">{courseProblemText(t, save.error)}</Alert> : null}
          {save.isSuccess && <Text size="sm" role="status">{t('rule.saved')}</Text>}
          {!readOnly && <Button type="submit" variant="light" w="fit-content" loading={save.isPending}>{t('rule.save')}</Button>}
        </Stack>
      </ImeSafeForm>
    </Paper>
  );
}
