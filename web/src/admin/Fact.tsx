import { Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';

/** A labelled value on a detail card. */
export function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Stack gap={2}>
      <Text size="sm" c="dimmed">{label}</Text>
      <div>{children}</div>
    </Stack>
  );
}
