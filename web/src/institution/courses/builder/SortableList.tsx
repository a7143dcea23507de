import { closestCenter, DndContext, KeyboardSensor, PointerSensor, useSensor, useSensors, type Announcements, type ClientRect, type DragEndEvent, type KeyboardCoordinateGetter, type UniqueIdentifier } from '@dnd-kit/core';
import { SortableContext, useSortable, verticalListSortingStrategy } from '@dnd-kit/sortable';
import { CSS } from '@dnd-kit/utilities';
import { useTranslation } from 'react-i18next';
import type { ReactNode } from 'react';
import { sortInstructions } from './announcements';

type Props = { ids: string[]; onMove: (fromKey: string, toKey: string) => void; announcements: Announcements; children: ReactNode };

/**
 * A vertical list reordered by dragging a row's handle or, with the handle focused, by Space, the arrow keys and
 * Space again (Escape puts it back); each step is announced.
 */
export function SortableList({ ids, onMove, announcements, children }: Props) {
  const { t } = useTranslation('instCourses');
  const sensors = useSensors(
    // A few pixels of movement before a drag starts, so a click on the handle stays a click.
    useSensor(PointerSensor, { activationConstraint: { distance: 4 } }),
    useSensor(KeyboardSensor, { coordinateGetter: nextRowCoordinates }),
  );
  const end = ({ active, over }: DragEndEvent) => {
    if (over && active.id !== over.id) onMove(String(active.id), String(over.id));
  };
  return (
    <DndContext sensors={sensors} collisionDetection={closestCenter} onDragEnd={end}
      accessibility={{ announcements, screenReaderInstructions: sortInstructions(t) }}>
      <SortableContext items={ids} strategy={verticalListSortingStrategy}>{children}</SortableContext>
    </DndContext>
  );
}

/** A row of a {@link SortableList}: its node, its moving style, and what its handle needs. */
export function useSortableRow(id: string) {
  const { attributes, listeners, setNodeRef, setActivatorNodeRef, transform, transition, isDragging } = useSortable({ id });
  return {
    setNodeRef,
    style: { transform: CSS.Translate.toString(transform), transition, zIndex: isDragging ? 2 : undefined, position: 'relative' as const },
    isDragging,
    handle: { ref: setActivatorNodeRef, ...attributes, ...listeners },
  };
}

/**
 * An arrow key moves the row by one place: from the row it is over now to the next one up or down, by the distance
 * between those two rows' centres as measured when it was picked up. dnd-kit's own getter aligns edges, which lands a
 * short chapter back on itself when its neighbour is much taller; and comparing the measured rows with where the row
 * is drawn now breaks once the page has scrolled to keep it in view — a distance between two measured rows does not.
 */
export const nextRowCoordinates: KeyboardCoordinateGetter = (event, { context: { active, collisionRect, droppableRects, droppableContainers, over } }) => {
  if ((event.code !== 'ArrowUp' && event.code !== 'ArrowDown') || !active || !collisionRect) return undefined;
  event.preventDefault();
  const rows = droppableContainers.getEnabled()
    .map((container) => ({ id: container.id, rect: droppableRects.get(container.id) }))
    .filter((row): row is { id: UniqueIdentifier; rect: ClientRect } => row.rect !== undefined);
  const step = rowStep(rows, over?.id ?? active.id, event.code === 'ArrowUp' ? -1 : 1);
  return step === null ? undefined : { x: collisionRect.left, y: collisionRect.top + step };
};

/** How far to move to go from the row `from` to its neighbour (`direction` −1 up, +1 down), or null at either end. */
export function rowStep(rows: { id: UniqueIdentifier; rect: { top: number; height: number } }[], from: UniqueIdentifier, direction: -1 | 1): number | null {
  const ordered = [...rows].sort((a, b) => a.rect.top - b.rect.top);
  const index = ordered.findIndex((row) => row.id === from);
  const next = ordered[index + direction];
  if (index < 0 || !next) return null;
  const centre = (rect: { top: number; height: number }) => rect.top + rect.height / 2;
  return centre(next.rect) - centre(ordered[index].rect);
}
