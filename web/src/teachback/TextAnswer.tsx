import { Alert, Button, Stack, Text, Textarea } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { MAX_TEXT_LENGTH, textProblem } from './explanationText';
import { submitRefusalText } from './submissionText';
import { useSubmitExplanation } from './useSubmitExplanation';

/** Explaining in writing. */
export function TextAnswer({ topicId }: { topicId: string }) {
  const { t, i18n } = useTranslation('teachback');
  const submit = useSubmitExplanation(topicId);
  const [text, setText] = useState('');
  const [checked, setChecked] = useState(false);
  const max = MAX_TEXT_LENGTH.toLocaleString(i18n.language);
  const problem = textProblem(text);
  const invalid = problem && t(`write.${problem}`, { max });

  return (
    <form noValidate aria-label={t('practice.write')} onSubmit={(event) => {
      event.preventDefault();
      setChecked(true);
      if (!invalid) void submit.send({ text });
    }}>
      <Stack gap="sm">
        <Textarea label={t('write.label')} description={t('write.hint', { max })} autosize minRows={8} maxRows={20} required
          value={text} onChange={(event) => setText(event.currentTarget.value)} error={checked ? invalid : null} />
        <Text size="sm" c={text.length > MAX_TEXT_LENGTH ? 'red.9' : 'dimmed'}>
          {t('write.count', { typed: text.length.toLocaleString(i18n.language), max })}
        </Text>
        {submit.error ? <Alert color="red" role="alert">{submitRefusalText(t, submit.error, i18n.language, false)}</Alert> : null}
        <Button type="submit" w="fit-content" loading={submit.busy}>{t('write.submit')}</Button>
      </Stack>
    </form>
  );
}
