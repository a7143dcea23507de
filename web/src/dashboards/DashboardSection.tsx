import { Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useId, type ReactNode } from 'react';

type Props = {
  title: string;
  /** Pickers and the CSV button, at the section's top right; they stay while the numbers load. */
  actions?: ReactNode;
  children: ReactNode;
};

/** One dashboard on a page: its heading (h2), its pickers and CSV button, then what it shows. */
export function DashboardSection({ title, actions, children }: Props) {
  const id = useId();
  return (
    <Stack component="section" aria-labelledby={id} gap="sm">
      <Group justify="space-between" align="flex-end" wrap="wrap" gap="sm">
        <Title order={2} id={id} size="h3">{title}</Title>
        {actions && <Group align="flex-start" gap="sm" wrap="wrap">{actions}</Group>}
      </Group>
      {children}
    </Stack>
  );
}

type ChartAndTableProps = {
  empty?: string | null;
  chart: ReactNode;
  table: ReactNode;
  /** A table of many columns (a report) goes under the chart at every width, where it has room. */
  wide?: boolean;
};

/** The chart with its table beside it (below it on narrow screens), or words when there is nothing to show. */
export function ChartAndTable({ empty, chart, table, wide }: ChartAndTableProps) {
  if (empty) return <Text>{empty}</Text>;
  return (
    <SimpleGrid cols={{ base: 1, lg: wide ? 1 : 2 }} spacing="lg">
      {chart}
      {table}
    </SimpleGrid>
  );
}
