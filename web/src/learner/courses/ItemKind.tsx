import { Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';

// Simple outline icons; the kind is always written beside them, so they are decoration for screen readers.
const paths: Record<string, string> = {
  VIDEO: 'M3 5h13v14H3z M16 10l5-3v10l-5-3',
  DOCUMENT: 'M6 3h8l4 4v14H6z M14 3v4h4 M9 12h6 M9 16h6',
  IMAGE: 'M3 5h18v14H3z M3 16l5-5 4 4 3-3 6 6 M15.5 9.5a1.5 1.5 0 1 0 0.01 0',
  OTHER: 'M8 12l6-6a3 3 0 0 1 4 4l-8 8a5 5 0 0 1-7-7l7-7',
};

export function ItemKindIcon({ kind, size = 20 }: { kind: string; size?: number }) {
  return (
    <svg width={size} height={size} viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth={1.8}
      strokeLinecap="round" strokeLinejoin="round" aria-hidden="true" focusable="false">
      <path d={paths[kind] ?? paths.OTHER} />
    </svg>
  );
}

export function ItemKindLabel({ kind }: { kind: string }) {
  const { t } = useTranslation('learner');
  const known = kind in paths;
  return (
    <Group gap={4} wrap="nowrap" c="gray.8">
      <ItemKindIcon kind={kind} size={18} />
      <Text size="sm" span>{t(`outline.kinds.${known ? kind : 'unknown'}`)}</Text>
    </Group>
  );
}
