import { Alert, Button, Checkbox, Group, SegmentedControl, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ImeSafeForm } from '../common/ImeSafeForm';
import { fieldErrors, problemText } from '../common/problemText';
import { MAX_BODY, MAX_TITLE } from './boardApi';
import { MarkdownView } from './MarkdownView';
import { hasText } from './paging';

type Props = {
  heading: string;
  initialTitle?: string;
  initialBody?: string;
  submitLabel: string;
  /** A manager's notice can be pinned above the others. */
  pinnable?: boolean;
  initialPinned?: boolean;
  onSubmit: (title: string, body: string, pinned: boolean) => Promise<void>;
  onCancel: () => void;
};

/**
 * A post's title and text (and, for a manager's notice, its pin). The form is IME-safe: Enter that commits a Hangul syllable in the title does not send
 * the post; the text is multi-line, where Enter is a new line.
 */
export function PostForm({ heading, initialTitle = '', initialBody = '', submitLabel, pinnable = false, initialPinned = false, onSubmit, onCancel }: Props) {
  const { t } = useTranslation('board');
  const [title, setTitle] = useState(initialTitle);
  const [pinned, setPinned] = useState(initialPinned);
  const [body, setBody] = useState(initialBody);
  const [mode, setMode] = useState<'write' | 'preview'>('write');
  const [checked, setChecked] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const fields = fieldErrors(t, error);
  const titleError = checked && !hasText(title) ? t('form.requiredTitle') : fields.title;
  const bodyError = checked && !hasText(body) ? t('form.requiredBody') : fields.body;

  const submit = async () => {
    setChecked(true);
    if (!hasText(title) || !hasText(body)) {
      setMode('write');
      return;
    }
    setBusy(true);
    setError(null);
    try {
      await onSubmit(title.trim(), body, pinned);
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  };

  return (
    <ImeSafeForm onSubmit={() => void submit()} aria-label={heading}>
      <Stack gap="sm">
        <TextInput label={t('form.title')} value={title} required maxLength={MAX_TITLE} error={titleError}
          onChange={(event) => setTitle(event.currentTarget.value)} />
        <SegmentedControl
          aria-label={t('form.mode')}
          w="fit-content"
          value={mode}
          onChange={(value) => setMode(value as 'write' | 'preview')}
          data={[{ value: 'write', label: t('form.write') }, { value: 'preview', label: t('form.preview') }]}
        />
        {mode === 'write' ? (
          <Textarea label={t('form.body')} value={body} required maxLength={MAX_BODY} autosize minRows={8} maxRows={24}
            error={bodyError} onChange={(event) => setBody(event.currentTarget.value)} />
        ) : (
          <Stack gap={4}>
            <Text fw={500} size="sm">{t('form.preview')}</Text>
            {hasText(body) ? <MarkdownView source={body} /> : <Text size="sm">{t('form.previewEmpty')}</Text>}
          </Stack>
        )}
        <Text size="sm" c="gray.7">{t('form.bodyHint')}</Text>
        <Text size="sm" c="gray.7">{t('form.count', { count: body.length, max: MAX_BODY })}</Text>
        {pinnable && (
          <Checkbox label={t('form.pinned')} description={t('form.pinnedHint')} checked={pinned}
            onChange={(event) => setPinned(event.currentTarget.checked)} />
        )}
        {error !== null && Object.keys(fields).length === 0 && <Alert color="red" role="alert">{problemText(t, error)}</Alert>}
        <Group gap="sm">
          <Button type="submit" loading={busy}>{submitLabel}</Button>
          <Button variant="default" onClick={onCancel}>{t('form.cancel')}</Button>
        </Group>
      </Stack>
    </ImeSafeForm>
  );
}
