import { Alert, Button, FileButton, Group, Progress, Stack, Text, VisuallyHidden } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/clients';
import { call } from '../../api/call';
import { isProblem } from '../../api/problem';
import { acceptFor, kindOfType, refuseFile, type ItemKind } from './fileRules';
import type { FileView, UploadTarget } from './MultipartUpload';
import { sameFile, type PendingUpload } from './resumePlan';
import { clockText, sizeText } from './transferRate';
import { refusalText, uploadProblemText } from './uploadProblem';
import { useUpload } from './useUpload';

type Props = UploadTarget & {
  kind: ItemKind;
  /** What the file is for, in words: "표지 이미지", "'1강' 영상". */
  label: string;
  onReady: (file: FileView) => void;
  disabled?: boolean;
};

/**
 * Picks a file and sends it straight to storage: progress with speed and time left, pause, continue, cancel, and an
 * upload left unfinished by an earlier visit offered again (the same file must be picked, as a page cannot reopen one).
 */
export function FileUploader({ courseId, purpose, slot, kind, label, onReady, disabled }: Props) {
  const { t } = useTranslation('instCourses');
  const upload = useUpload({ courseId, purpose, slot });
  const { view, pending } = upload;
  const [refusal, setRefusal] = useState<string | null>(null);
  // The picker forgets its file after each choice, so the same file can be picked again (after a refusal, or to resume).
  const resetPicker = useRef<() => void>(null);

  useEffect(() => {
    if (view.phase === 'ready' && view.file) onReady(view.file);
    // Only the moment it becomes ready.
  }, [view.phase, view.file]);

  const choose = (file: File | null) => {
    resetPicker.current?.();
    if (!file) return;
    const refused = refuseFile(file, kind);
    setRefusal(refused ? refusalText(t, refused, t(`kinds.${kind}`)) : null);
    if (!refused) upload.start(file);
  };

  const busy = view.phase === 'starting' || view.phase === 'sending' || view.phase === 'completing';
  const share = view.size > 0 ? Math.round((view.sentBytes / view.size) * 100) : 0;

  return (
    <Stack gap="xs" data-testid={`uploader-${slot}`}>
      <VisuallyHidden role="status">{phaseText(t, view.phase, view.fileName)}</VisuallyHidden>
      {pending && view.phase === 'idle' && (
        <PendingNotice pending={pending} label={label} disabled={disabled}
          onPick={(file) => {
            if (!sameFile(pending, file)) {
              setRefusal(t('upload.notSameFile', { name: pending.name, size: sizeText(pending.size) }));
              return;
            }
            setRefusal(null);
            upload.resume(file, pending);
          }}
          onDiscard={() => upload.discard(pending)} onGone={() => upload.forget(pending)} />
      )}
      {!pending && (view.phase === 'idle' || view.phase === 'cancelled' || (view.phase === 'failed' && !view.partCount)) && (
        <Group gap="xs">
          <FileButton onChange={choose} accept={acceptFor(kind)} disabled={disabled} resetRef={resetPicker}>
            {(props) => <Button {...props} variant="light" size="xs" aria-label={t('upload.chooseFor', { label })}>{t('upload.choose')}</Button>}
          </FileButton>
          {view.phase === 'cancelled' && <Text size="sm">{t('upload.cancelled')}</Text>}
        </Group>
      )}
      {(busy || view.phase === 'paused' || view.phase === 'offline' || (view.phase === 'failed' && view.partCount > 0)) && (
        <Stack gap={4}>
          <Text size="sm" fw={500}>{view.fileName}</Text>
          <Progress value={share} aria-label={t('upload.progressOf', { label })} animated={view.phase === 'sending'} />
          <Text size="xs" data-testid="upload-figures">
            {t('upload.figures', { sent: sizeText(view.sentBytes), size: sizeText(view.size), done: view.partsDone, count: view.partCount })}
            {view.phase === 'sending' && view.rate !== null && ` · ${t('upload.speed', { speed: sizeText(Math.round(view.rate)) })}`}
            {view.phase === 'sending' && view.secondsLeft !== null && ` · ${t('upload.left', { left: clockText(view.secondsLeft) })}`}
          </Text>
          {view.phase === 'completing' && <Text size="sm">{t('upload.checking')}</Text>}
          {view.phase === 'paused' && <Text size="sm">{t('upload.paused')}</Text>}
          {view.phase === 'offline' && <Text size="sm">{t('upload.offline')}</Text>}
          <Group gap="xs">
            {view.phase === 'sending' && <Button size="xs" variant="default" onClick={upload.pause}>{t('upload.pause')}</Button>}
            {(view.phase === 'paused' || view.phase === 'offline' || view.phase === 'failed') && (
              <Button size="xs" variant="light" onClick={upload.proceed}>{t('upload.continue')}</Button>
            )}
            {view.phase !== 'completing' && <Button size="xs" variant="default" onClick={upload.cancel}>{t('upload.cancel')}</Button>}
          </Group>
        </Stack>
      )}
      {view.phase === 'ready' && view.file && <ReadyFile file={view.file} />}
      {view.phase === 'failed' && <Alert color="red" role="alert" p="xs">{uploadProblemText(t, view.error)}</Alert>}
      {view.phase === 'cancelled' && view.error !== undefined && <Alert color="red" role="alert" p="xs">{uploadProblemText(t, view.error)}</Alert>}
      {refusal && <Alert color="red" role="alert" p="xs">{refusal}</Alert>}
    </Stack>
  );
}

function PendingNotice({ pending, label, disabled, onPick, onDiscard, onGone }: {
  pending: PendingUpload; label: string; disabled?: boolean; onPick: (file: File) => void; onDiscard: () => void; onGone: () => void;
}) {
  const { t } = useTranslation('instCourses');
  // How far it got, as the service counts it; an upload the service no longer has is simply forgotten.
  const status = useQuery({
    queryKey: ['content', 'upload', pending.uploadId],
    queryFn: () => call(api.content.GET('/content/v1/uploads/{id}', { params: { path: { id: pending.uploadId } } })),
    retry: false,
  });
  const gone = isProblem(status.error, 'not-found', 'upload-expired', 'upload-gone') || (status.data !== undefined && status.data.state !== 'OPEN');
  useEffect(() => {
    if (gone) onGone();
  }, [gone]);
  if (gone) return null;
  return (
    <Alert color="blue" variant="light" p="sm" title={t('upload.pendingTitle')}>
      <Stack gap="xs">
        <Text size="sm">
          {t('upload.pendingBody', { name: pending.name, size: sizeText(pending.size) })}
          {status.data && ` ${t('upload.pendingParts', { done: status.data.reportedParts.length, count: status.data.partCount })}`}
        </Text>
        <Group gap="xs">
          <FileButton onChange={(file) => file && onPick(file)} disabled={disabled}>
            {(props) => <Button {...props} size="xs" aria-label={t('upload.pickSameFor', { label })}>{t('upload.pickSame')}</Button>}
          </FileButton>
          <Button size="xs" variant="default" onClick={onDiscard}>{t('upload.discard')}</Button>
        </Group>
      </Stack>
    </Alert>
  );
}

function ReadyFile({ file }: { file: FileView }) {
  const { t } = useTranslation('instCourses');
  const unmeasured = kindOfType(file.contentType) === 'VIDEO' && !file.durationSeconds;
  return (
    <Alert color={unmeasured ? 'orange' : 'teal'} variant="light" p="xs" data-testid="upload-ready">
      <Text size="sm">
        {t('upload.ready', { name: file.fileName, size: sizeText(file.size) })}
        {file.durationSeconds ? ` · ${t('upload.duration', { duration: clockText(file.durationSeconds) })}` : ''}
      </Text>
      {unmeasured && <Text size="sm">{t('upload.unmeasured')}</Text>}
    </Alert>
  );
}

function phaseText(t: (key: string, options?: Record<string, unknown>) => string, phase: string, name: string): string {
  switch (phase) {
    case 'starting': return t('upload.announce.starting', { name });
    case 'paused': return t('upload.paused');
    case 'offline': return t('upload.offline');
    case 'completing': return t('upload.checking');
    case 'ready': return t('upload.announce.ready', { name });
    case 'cancelled': return t('upload.cancelled');
    default: return '';
  }
}
