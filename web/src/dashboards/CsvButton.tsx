import { Button, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { problemText } from '../common/problemText';
import { downloadCsv } from './csvDownload';

type Props = {
  /** The table's API path (with its query); `format=csv` is added. */
  path: string;
  /** The name to save under when the answer names none. */
  fallbackName: string;
  /** What the file holds, for the button's label ("월별 통계"). */
  what: string;
  disabled?: boolean;
};

/** Downloads a table as the service's CSV; says when it is done, or why it failed, in words. */
export function CsvButton({ path, fallbackName, what, disabled }: Props) {
  const { t } = useTranslation('dashboards');
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<{ saved?: string; error?: unknown }>({});
  const download = async () => {
    setBusy(true);
    setOutcome({});
    try {
      setOutcome({ saved: await downloadCsv(path, fallbackName) });
    } catch (error) {
      setOutcome({ error });
    } finally {
      setBusy(false);
    }
  };
  return (
    <Stack gap={4} align="flex-end">
      <Button variant="default" onClick={() => void download()} loading={busy} disabled={disabled}>{t('common.csv', { what })}</Button>
      <div role="status">{outcome.saved && <Text size="xs" c="dimmed">{t('common.csvDone', { name: outcome.saved })}</Text>}</div>
      {outcome.error !== undefined && <Text size="sm" c="red.8" role="alert">{problemText(t, outcome.error)}</Text>}
    </Stack>
  );
}
