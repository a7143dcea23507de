import { Alert, Button, Group, Stack } from '@mantine/core';
import type { TFunction } from 'i18next';
import { useEffect, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ProblemError } from '../../api/problem';
import { ImeSafeForm } from '../../common/ImeSafeForm';
import { checkExam, fieldPath } from './examCheck';
import { toExamRequest, type ExamDraft, type ExamRequest } from './examDraft';
import { ExamEditor } from './ExamEditor';
import { examProblemText } from './examProblemText';

type Props = {
  draft: ExamDraft;
  onChange: (draft: ExamDraft) => void;
  submitLabel: string;
  onSubmit: (request: ExamRequest) => Promise<void>;
  /** Actions beside the submit button (publish, delete), and notes above them. */
  actions?: ReactNode;
  /** Shown instead of the generic refusal, e.g. a way out of `stale-exam`. */
  refusal?: (error: unknown) => ReactNode;
};

/** The rules' refusals and the server's 400 as words per field path; the rules' own win where both speak. */
export function examErrors(t: TFunction, draft: ExamDraft, tried: boolean, serverError: unknown): Record<string, string> {
  const server = serverError instanceof ProblemError
    ? Object.fromEntries(Object.entries(serverError.errors).map(([key, messages]) =>
        [fieldPath(key), t('common:problem.field', { message: messages.join(' ') })]))
    : {};
  const local = tried
    ? Object.fromEntries(Object.entries(checkExam(draft)).map(([key, broken]) => [key, t(`instExams:check.${broken.key}`, broken.values ?? {})]))
    : {};
  return { ...server, ...local };
}

/** The exam editor as a form: checks the rules first, sends, and puts every refusal next to its field. */
export function ExamForm({ draft, onChange, submitLabel, onSubmit, actions, refusal }: Props) {
  const { t } = useTranslation('instExams');
  const [tried, setTried] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [attempt, setAttempt] = useState(0);
  const form = useRef<HTMLDivElement>(null);
  const errors = examErrors(t, draft, tried, error);
  const count = Object.keys(errors).length;

  // After a refused save the keyboard goes to the first field to fix (Mantine marks each with aria-invalid).
  useEffect(() => {
    if (attempt === 0) return;
    form.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [attempt]);

  const submit = async () => {
    setTried(true);
    setError(null);
    if (Object.keys(checkExam(draft)).length > 0) {
      setAttempt((n) => n + 1);
      return;
    }
    setBusy(true);
    try {
      await onSubmit(toExamRequest(draft));
      setTried(false);
    } catch (caught) {
      setError(caught);
      setAttempt((n) => n + 1);
    } finally {
      setBusy(false);
    }
  };

  const change = (next: ExamDraft) => {
    // The server's field refusals were about what was sent; once the fields change, the rules here speak again.
    if (error instanceof ProblemError && Object.keys(error.errors).length > 0) setError(null);
    onChange(next);
  };

  return (
    <ImeSafeForm aria-label={t('form.label')} onSubmit={() => void submit()}>
      <Stack gap="lg" ref={form}>
        <ExamEditor draft={draft} errors={errors} onChange={change} />
        {count > 0 && <Alert color="red" role="alert">{t('form.checkSummary', { count })}</Alert>}
        {error !== null && count === 0 && (refusal?.(error) ?? <Alert color="red" role="alert">{examProblemText(t, error)}</Alert>)}
        <Group gap="sm">
          <Button type="submit" loading={busy}>{submitLabel}</Button>
          {actions}
        </Group>
      </Stack>
    </ImeSafeForm>
  );
}
