import { Paper, Stack, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { usePageTitle } from '../common/usePageTitle';

export function AuthCard({ title, children }: { title: string; children: ReactNode }) {
  usePageTitle(title);
  return (
    <Paper maw={420} mx="auto" mt="xl" p="lg" withBorder>
      <Stack gap="md">
        <Title order={1} size="h2">{title}</Title>
        {children}
      </Stack>
    </Paper>
  );
}
