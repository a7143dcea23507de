import { ActionIcon, Alert, Checkbox, Group, Paper, Select, Stack, Text, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { FileUploader } from '../../uploads/FileUploader';
import { ITEM_KINDS, type ItemKind } from '../../uploads/fileRules';
import type { FileView } from '../../uploads/MultipartUpload';
import { clockText } from '../../uploads/transferRate';
import { useFile } from '../queries';
import { DragHandle } from './DragHandle';
import type { DraftChapter, DraftItem } from './draft';
import { useSortableRow } from './SortableList';

type Props = {
  courseId: string;
  item: DraftItem;
  position: number;
  chapters: DraftChapter[];
  chapterKey: string;
  errors?: Record<string, string>;
  readOnly: boolean;
  onChange: (change: Partial<Omit<DraftItem, 'key' | 'id'>>) => void;
  onUploaded: (file: FileView) => void;
  onMoveTo: (chapterKey: string) => void;
  onRemove: () => void;
};

/** One content item: its title, kind, whether it counts for completion, and its file (uploaded in place). */
export function ItemRow({ courseId, item, position, chapters, chapterKey, errors = {}, readOnly, onChange, onUploaded, onMoveTo, onRemove }: Props) {
  const { t } = useTranslation('instCourses');
  const row = useSortableRow(item.key);
  const name = item.title.trim() || t('builder.untitled');
  return (
    <Paper component="li" ref={row.setNodeRef} withBorder p="sm" data-testid="builder-item" data-key={item.key}
      style={{ ...row.style, borderColor: Object.keys(errors).length > 0 ? 'var(--mantine-color-red-8)' : undefined }}>
      <Stack gap="xs">
        <Group gap="xs" align="flex-start" wrap="nowrap">
          {!readOnly && <DragHandle label={t('builder.moveItem', { title: name })} handle={row.handle} />}
          <Text size="sm" fw={600} pt={6} miw={24} aria-hidden="true">{position}</Text>
          <Group gap="xs" align="flex-start" style={{ flex: 1 }}>
            <TextInput label={t('builder.itemTitle')} size="xs" required maxLength={200} value={item.title} readOnly={readOnly}
              onChange={(e) => onChange({ title: e.currentTarget.value })} error={errors.title} style={{ flex: '1 1 220px' }} />
            <Select label={t('builder.itemKind')} size="xs" w={130} allowDeselect={false} value={item.kind} disabled={readOnly}
              data={ITEM_KINDS.map((kind) => ({ value: kind, label: t(`kinds.${kind}`) }))}
              onChange={(value) => value && onChange({ kind: value as ItemKind })} error={errors.kind} />
            {chapters.length > 1 && !readOnly && (
              <Select label={t('builder.itemChapter')} size="xs" w={170} allowDeselect={false} value={chapterKey}
                data={chapters.map((c, i) => ({ value: c.key, label: t('builder.chapterOption', { position: i + 1, title: c.title.trim() || t('builder.untitled') }) }))}
                onChange={(value) => value && value !== chapterKey && onMoveTo(value)} />
            )}
            <Checkbox label={t('builder.required')} size="xs" mt={28} checked={item.required} disabled={readOnly}
              onChange={(e) => onChange({ required: e.currentTarget.checked })} />
          </Group>
          {!readOnly && (
            <ActionIcon variant="subtle" color="red.8" aria-label={t('builder.removeItem', { title: name })} onClick={onRemove} mt={22}>
              <svg width="16" height="16" viewBox="0 0 16 16" aria-hidden="true" focusable="false"><path d="M3 3l10 10M13 3L3 13" stroke="currentColor" strokeWidth="2" /></svg>
            </ActionIcon>
          )}
        </Group>
        <AttachedFile item={item} readOnly={readOnly} onDetach={() => onChange({ fileId: null, durationSeconds: null })} />
        {errors.fileId && <Alert color="red" role="alert" p="xs" data-testid="item-file-error">{t('builder.fileRefused', { message: errors.fileId })}</Alert>}
        {errors.id && <Alert color="red" role="alert" p="xs">{errors.id}</Alert>}
        {errors.self && <Alert color="red" role="alert" p="xs">{errors.self}</Alert>}
        {!readOnly && (
          <FileUploader courseId={courseId} purpose="course-content" slot={item.key} kind={item.kind}
            label={t('builder.fileFor', { title: name, kind: t(`kinds.${item.kind}`) })} onReady={onUploaded} />
        )}
      </Stack>
    </Paper>
  );
}

function AttachedFile({ item, readOnly, onDetach }: { item: DraftItem; readOnly: boolean; onDetach: () => void }) {
  const { t } = useTranslation('instCourses');
  const file = useFile(item.fileId);
  if (!item.fileId) {
    return <Text size="xs" c="dimmed">{item.kind === 'VIDEO' || item.kind === 'DOCUMENT' ? t('builder.fileNeeded') : t('builder.noFile')}</Text>;
  }
  const duration = file.data?.durationSeconds ?? item.durationSeconds;
  return (
    <Group gap="xs">
      <Text size="xs" data-testid="attached-file">
        {t('builder.attached', { name: file.data?.fileName ?? t('common:loading') })}
        {duration ? ` · ${t('upload.duration', { duration: clockText(duration) })}` : ''}
      </Text>
      {!readOnly && <Text component="button" type="button" size="xs" c="red.9" td="underline" bg="transparent" bd={0} onClick={onDetach}
        aria-label={t('builder.detachFor', { title: item.title.trim() || t('builder.untitled') })}>{t('builder.detach')}</Text>}
    </Group>
  );
}
