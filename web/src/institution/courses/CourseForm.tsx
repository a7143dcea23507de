import { Alert, Button, NumberInput, Select, Stack, Textarea, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ImeSafeForm } from '../../common/ImeSafeForm';
import { fieldErrors } from '../../common/problemText';
import { courseProblemText } from './courseProblem';
import { courseFieldProblems, type CourseFields } from './courseFields';
import { useCategories } from './queries';

type Props = {
  initial: CourseFields;
  label: string;
  submitLabel: string;
  busy: boolean;
  error: unknown;
  disabled?: boolean;
  onSubmit: (fields: CourseFields) => void;
};

/** A course's details: title, introduction, one of the 25 categories, the instructor, the learning period in days. */
export function CourseForm({ initial, label, submitLabel, busy, error, disabled, onSubmit }: Props) {
  const { t } = useTranslation('instCourses');
  const categories = useCategories();
  const [fields, setFields] = useState<CourseFields>(initial);
  const [tried, setTried] = useState(false);
  const local = courseFieldProblems(fields);
  const server = fieldErrors(t, error);
  const shown = (field: keyof CourseFields) => (tried && local[field] ? t(`form.problem.${local[field]}`) : undefined) ?? server[field];
  const set = (change: Partial<CourseFields>) => setFields((current) => ({ ...current, ...change }));

  const submit = () => {
    setTried(true);
    if (Object.keys(local).length === 0) onSubmit(fields);
  };

  return (
    <ImeSafeForm aria-label={label} onSubmit={submit}>
      <Stack gap="sm">
        <TextInput label={t('form.title')} required maxLength={200} value={fields.title} disabled={disabled}
          onChange={(e) => set({ title: e.currentTarget.value })} error={shown('title')} />
        <Textarea label={t('form.introduction')} description={t('form.introductionHint')} autosize minRows={3} maxRows={10} maxLength={4000}
          value={fields.introduction} disabled={disabled} onChange={(e) => set({ introduction: e.currentTarget.value })} error={shown('introduction')} />
        <Select label={t('form.category')} required searchable disabled={disabled || !categories.data} value={fields.category}
          placeholder={categories.isPending ? t('common:loading') : t('form.categoryPlaceholder')}
          data={(categories.data ?? []).map((c) => ({ value: c.code, label: c.title }))}
          onChange={(value) => set({ category: value })}
          error={shown('category') ?? (categories.error ? courseProblemText(t, categories.error) : undefined)} />
        <TextInput label={t('form.instructor')} required maxLength={100} value={fields.instructorName} disabled={disabled}
          onChange={(e) => set({ instructorName: e.currentTarget.value })} error={shown('instructorName')} />
        <NumberInput label={t('form.periodDays')} description={t('form.periodHint')} required min={1} max={365} allowDecimal={false}
          value={fields.periodDays} disabled={disabled} onChange={(value) => set({ periodDays: value })} error={shown('periodDays')} />
        {error && Object.keys(server).length === 0 ? <Alert color="red" role="alert">{courseProblemText(t, error)}</Alert> : null}
        {server.coverFileId && <Alert color="red" role="alert">{server.coverFileId}</Alert>}
        {!disabled && <Button type="submit" w="fit-content" loading={busy}>{submitLabel}</Button>}
      </Stack>
    </ImeSafeForm>
  );
}
