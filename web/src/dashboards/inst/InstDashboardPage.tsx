import { Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { usePageTitle } from '../../common/usePageTitle';
import { InstDashboardNav } from './InstDashboardNav';

/** Every institution dashboard page: its title, a line on what it shows, the list of dashboards, then its sections. */
export function InstDashboardPage({ title, intro, children }: { title: string; intro: string; children: ReactNode }) {
  usePageTitle(title);
  return (
    <Stack gap="lg">
      <Stack gap={4}>
        <Title order={1}>{title}</Title>
        <Text c="dimmed" size="sm">{intro}</Text>
      </Stack>
      <InstDashboardNav />
      {children}
    </Stack>
  );
}
