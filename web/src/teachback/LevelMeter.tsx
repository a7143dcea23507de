import { Box } from '@mantine/core';

/** The microphone's loudness as a bar, so a person sees they are heard before they have said much. */
export function LevelMeter({ level, label, active }: { level: number; label: string; active: boolean }) {
  const percent = Math.round(level * 100);
  return (
    <Box role="meter" aria-label={label} aria-valuemin={0} aria-valuemax={100} aria-valuenow={percent}
      h={12} bg="gray.2" style={{ borderRadius: 6, overflow: 'hidden', border: '1px solid var(--mantine-color-gray-6)' }}>
      <Box h="100%" bg={active ? 'teal.8' : 'gray.6'} style={{ width: `${percent}%`, transition: 'width 90ms linear' }} />
    </Box>
  );
}
