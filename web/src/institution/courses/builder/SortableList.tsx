import { closestCenter, DndContext, KeyboardSensor, PointerSensor, useSensor, useSensors, type Announcements, type DragEndEvent, type KeyboardCoordinateGetter } from '@dnd-kit/core';
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
 * An arrow key moves the row by one place: its centre goes to the centre of the next row up or down, as measured when
 * it was picked up. dnd-kit's own getter aligns edges, which lands a short chapter back on itself when its neighbour
 * is much taller.
 */
export const nextRowCoordinates: KeyboardCoordinateGetter = (event, { context: { active, collisionRect, droppableRects, droppableContainers } }) => {
  if ((event.code !== 'ArrowUp' && event.code !== 'ArrowDown') || !active || !collisionRect) return undefined;
  event.preventDefault();
  const rects = droppableContainers.getEnabled().map((container) => droppableRects.get(container.id))
    .filter((rect) => rect !== undefined).sort((a, b) => a.top - b.top);
  const centre = collisionRect.top + collisionRect.height / 2;
  const target = event.code === 'ArrowUp'
    ? [...rects].reverse().find((rect) => rect.top + rect.height / 2 < centre - 1)
    : rects.find((rect) => rect.top + rect.height / 2 > centre + 1);
  if (!target) return undefined;
  return { x: collisionRect.left, y: target.top + target.height / 2 - collisionRect.height / 2 };
};
