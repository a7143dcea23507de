import { ActionIcon, Alert, Button, Group, Paper, Select, Stack, Text, TextInput, Title } from '@mantine/core';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ImeSafeForm } from '../../../common/ImeSafeForm';
import { ITEM_KINDS, type ItemKind } from '../../uploads/fileRules';
import type { FileView } from '../../uploads/MultipartUpload';
import { sortAnnouncements } from './announcements';
import { DragHandle } from './DragHandle';
import type { DraftChapter, DraftItem } from './draft';
import { ItemRow } from './ItemRow';
import { SortableList, useSortableRow } from './SortableList';
import type { PlacedErrors } from './structureErrors';

type Props = {
  courseId: string;
  chapter: DraftChapter;
  position: number;
  chapters: DraftChapter[];
  errors: PlacedErrors;
  readOnly: boolean;
  onRename: (title: string) => void;
  onRemove: () => void;
  onAddItem: (title: string, kind: ItemKind) => void;
  onMoveItem: (fromKey: string, toKey: string) => void;
  onItemChange: (key: string, change: Partial<Omit<DraftItem, 'key' | 'id'>>) => void;
  onItemUploaded: (key: string, file: FileView) => void;
  onItemMoveTo: (key: string, chapterKey: string) => void;
  onItemRemove: (key: string) => void;
};

/** A chapter: its title, its items in order (each movable), and a short form to add an item. */
export function ChapterCard(props: Props) {
  const { courseId, chapter, position, chapters, errors, readOnly } = props;
  const { t } = useTranslation('instCourses');
  const headingId = useId();
  const row = useSortableRow(chapter.key);
  const name = chapter.title.trim() || t('builder.untitled');
  const own = errors.chapters[chapter.key] ?? {};
  return (
    <Paper component="li" ref={row.setNodeRef} style={row.style} withBorder p="md" shadow={row.isDragging ? 'md' : undefined}
      aria-labelledby={headingId} data-testid="builder-chapter">
      <Stack gap="sm">
        <Group gap="xs" align="flex-start" wrap="nowrap">
          {!readOnly && <DragHandle label={t('builder.moveChapter', { title: name })} handle={row.handle} />}
          <Title order={2} size="h5" id={headingId} pt={4} style={{ flex: 1 }}>{t('builder.chapterHeading', { position, title: name })}</Title>
          {!readOnly && (
            <ActionIcon variant="subtle" color="red.8" aria-label={t('builder.removeChapter', { title: name })} onClick={props.onRemove}>
              <svg width="16" height="16" viewBox="0 0 16 16" aria-hidden="true" focusable="false"><path d="M3 3l10 10M13 3L3 13" stroke="currentColor" strokeWidth="2" /></svg>
            </ActionIcon>
          )}
        </Group>
        <TextInput label={t('builder.chapterTitle')} size="sm" required maxLength={200} value={chapter.title} readOnly={readOnly}
          onChange={(e) => props.onRename(e.currentTarget.value)} error={own.title} />
        {(own.items || own.id || own.self) && <Alert color="red" role="alert" p="xs">{own.items ?? own.id ?? own.self}</Alert>}
        {chapter.items.length === 0 ? <Text size="sm" c="dimmed">{t('builder.noItems')}</Text> : (
          <SortableList ids={chapter.items.map((i) => i.key)} onMove={props.onMoveItem}
            announcements={sortAnnouncements(t, 'item', chapter.items)}>
            <Stack component="ol" gap="xs" aria-label={t('builder.itemsOf', { title: name })} style={{ listStyle: 'none', padding: 0, margin: 0 }}>
              {chapter.items.map((item, i) => (
                <ItemRow key={item.key} courseId={courseId} item={item} position={i + 1} chapters={chapters} chapterKey={chapter.key}
                  errors={errors.items[item.key]} readOnly={readOnly}
                  onChange={(change) => props.onItemChange(item.key, change)}
                  onUploaded={(file) => props.onItemUploaded(item.key, file)}
                  onMoveTo={(target) => props.onItemMoveTo(item.key, target)}
                  onRemove={() => props.onItemRemove(item.key)} />
              ))}
            </Stack>
          </SortableList>
        )}
        {!readOnly && <AddItem chapterName={name} onAdd={props.onAddItem} />}
      </Stack>
    </Paper>
  );
}

function AddItem({ chapterName, onAdd }: { chapterName: string; onAdd: (title: string, kind: ItemKind) => void }) {
  const { t } = useTranslation('instCourses');
  const [title, setTitle] = useState('');
  const [kind, setKind] = useState<ItemKind>('VIDEO');
  const [tried, setTried] = useState(false);
  return (
    <ImeSafeForm aria-label={t('builder.addItemTo', { title: chapterName })} onSubmit={() => {
      setTried(true);
      if (!title.trim()) return;
      onAdd(title.trim(), kind);
      setTitle('');
      setTried(false);
    }}>
      <Group gap="xs" align="flex-end">
        <TextInput label={t('builder.newItemTitle')} size="xs" maxLength={200} value={title} onChange={(e) => setTitle(e.currentTarget.value)}
          error={tried && !title.trim() ? t('form.problem.required') : undefined} style={{ flex: '1 1 200px' }} />
        <Select label={t('builder.itemKind')} size="xs" w={130} allowDeselect={false} value={kind}
          data={ITEM_KINDS.map((k) => ({ value: k, label: t(`kinds.${k}`) }))} onChange={(value) => value && setKind(value as ItemKind)} />
        <Button type="submit" size="xs" variant="light">{t('builder.addItem')}</Button>
      </Group>
    </ImeSafeForm>
  );
}
