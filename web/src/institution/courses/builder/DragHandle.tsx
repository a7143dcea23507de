import { ActionIcon } from '@mantine/core';
import type { Ref } from 'react';

type Props = { label: string; handle: { ref: Ref<HTMLButtonElement> } & Record<string, unknown> };

/** The grip a row is moved by; a button, so it is reached by Tab and named for a screen reader. */
export function DragHandle({ label, handle }: Props) {
  const { ref, ...rest } = handle;
  return (
    <ActionIcon ref={ref} variant="subtle" color="gray.8" aria-label={label} {...rest} style={{ cursor: 'grab', touchAction: 'none' }}>
      <svg width="16" height="16" viewBox="0 0 16 16" aria-hidden="true" focusable="false">
        {[3, 8, 13].flatMap((y) => [5, 11].map((x) => <circle key={`${x}-${y}`} cx={x} cy={y} r="1.5" fill="currentColor" />))}
      </svg>
    </ActionIcon>
  );
}
