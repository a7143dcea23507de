import { Alert, Anchor, Center, Image, Loader, Paper, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../common/QueryState';
import { fileSize, presentationOf } from './fileSize';
import { useFileInfo } from './useFileInfo';
import { useFileUrl } from './useFileUrl';

/** A document, image or other file of an item. Opening the item is recorded by the page, whatever is shown here. */
export function DocumentViewer({ fileId, title }: { fileId: string | null; title: string }) {
  const { t } = useTranslation('learner');
  if (!fileId) return <Alert color="gray" variant="outline" role="note">{t('document.noFile')}</Alert>;
  return <FileView fileId={fileId} title={title} />;
}

function FileView({ fileId, title }: { fileId: string; title: string }) {
  const { t } = useTranslation('learner');
  const info = useFileInfo(fileId);
  const url = useFileUrl(fileId);
  // What is embedded keeps the URL it was loaded with (a renewed one would reload it); the link always has a fresh one.
  const [embedded, setEmbedded] = useState<string | null>(null);
  if (url.data && embedded === null) setEmbedded(url.data.url);

  if (info.error) return <ErrorAlert error={info.error} onRetry={() => void info.refetch()} />;
  if (url.error && !url.data) return <ErrorAlert error={url.error} onRetry={() => void url.refetch()} />;
  if (!info.data || !url.data || !embedded) return <Center py="xl"><Loader role="status" aria-label={t('common:loading')} /></Center>;

  const presentation = presentationOf(info.data.contentType);
  const size = fileSize(info.data.size);
  const link = (
    <Anchor href={url.data.url} target="_blank" rel="noopener noreferrer" aria-label={t('document.openInNewTabLabel', { title })}>
      {t('document.openInNewTab')}
    </Anchor>
  );
  return (
    <Stack gap="sm">
      <Text size="sm" c="gray.7" style={{ overflowWrap: 'anywhere' }}>
        {t('document.size', { name: info.data.fileName, size: t(`document.${size.unit}`, { value: size.value }) })}
      </Text>
      {presentation === 'pdf' && (
        <>
          <iframe src={embedded} title={t('document.frameTitle', { title })}
            style={{ width: '100%', height: 'min(80vh, 900px)', border: '1px solid var(--mantine-color-gray-4)', borderRadius: 8 }} />
          <Text size="sm">{t('document.pdfHint')} {link}</Text>
        </>
      )}
      {presentation === 'image' && (
        <>
          <Paper withBorder p="xs" radius="md"><Image src={embedded} alt={title} fit="contain" mah="80vh" /></Paper>
          <Text size="sm">{link}</Text>
        </>
      )}
      {presentation === 'audio' && (
        <>
          <audio src={embedded} controls preload="metadata" aria-label={t('document.audioLabel', { title })} style={{ width: '100%' }} />
          <Text size="sm">{link}</Text>
        </>
      )}
      {presentation === 'download' && (
        <Alert color="blue" variant="outline" role="note">
          <Stack gap="xs">
            <Text size="sm">{t('document.notInline', { type: info.data.contentType })}</Text>
            {link}
          </Stack>
        </Alert>
      )}
    </Stack>
  );
}
