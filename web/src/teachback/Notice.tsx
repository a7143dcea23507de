import { Paper, type PaperProps } from '@mantine/core';
import type { ReactNode } from 'react';

type Tone = 'success' | 'warning' | 'failure' | 'info';

const shades: Record<Tone, { border: string; background: string }> = {
  success: { border: 'teal.8', background: 'teal.0' },
  warning: { border: 'yellow.7', background: 'yellow.0' },
  failure: { border: 'red.8', background: 'red.0' },
  info: { border: 'blue.8', background: 'blue.0' },
};

/**
 * A message in a tinted box with a coloured edge and body-coloured text: Mantine's light alerts put tinted text on a
 * tinted ground, which falls below AA contrast with this theme's shades.
 */
export function Notice({ tone, children, role, ...props }: { tone: Tone; children: ReactNode; role?: 'alert' | 'status' } & PaperProps) {
  const { border, background } = shades[tone];
  return (
    <Paper p="sm" bg={background} role={role} withBorder
      style={{ borderLeft: `4px solid var(--mantine-color-${border.replace('.', '-')})` }} {...props}>
      {children}
    </Paper>
  );
}
