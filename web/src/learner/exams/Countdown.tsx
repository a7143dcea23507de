import { Box, Group, Text, VisuallyHidden } from '@mantine/core';
import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { clockText, nextTickDelay, remainingSeconds, shouldAnnounce, spokenMinutes, urgency } from './countdown';

/** Seconds left until the server's deadline, recomputed on every tick and whenever the tab becomes visible again. */
export function useRemainingSeconds(deadline: string, offsetMs: number): number {
  const deadlineMs = Date.parse(deadline);
  const [seconds, setSeconds] = useState(() => remainingSeconds(deadlineMs, Date.now() + offsetMs));
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const tick = () => {
      clearTimeout(timer);
      const now = Date.now() + offsetMs;
      const left = remainingSeconds(deadlineMs, now);
      setSeconds(left);
      if (left > 0) timer = setTimeout(tick, nextTickDelay(deadlineMs, now));
    };
    tick();
    // Background tabs run timers rarely: catch up the moment the learner comes back.
    const visible = () => { if (document.visibilityState === 'visible') tick(); };
    document.addEventListener('visibilitychange', visible);
    return () => {
      clearTimeout(timer);
      document.removeEventListener('visibilitychange', visible);
    };
  }, [deadlineMs, offsetMs]);
  return seconds;
}

/**
 * The visible clock (a `timer`, which screen readers do not read out on each change) and a polite live region that
 * says the minutes left once a minute.
 */
export function Countdown({ seconds }: { seconds: number }) {
  const { t } = useTranslation('exams');
  const labelId = useId();
  const lastSpoken = useRef<number | null>(null);
  const [spoken, setSpoken] = useState('');
  useEffect(() => {
    if (!shouldAnnounce(lastSpoken.current, seconds)) return;
    lastSpoken.current = spokenMinutes(seconds);
    setSpoken(seconds > 0 ? t('clock.spoken', { count: spokenMinutes(seconds) }) : t('clock.over'));
  }, [seconds, t]);

  const level = urgency(seconds);
  const strong = level === 'last-minute' || level === 'over';
  return (
    <Group gap={8} wrap="nowrap">
      <Text size="sm" id={labelId}>{t('clock.label')}</Text>
      <Box
        role="timer"
        aria-labelledby={labelId}
        px={strong ? 8 : 0}
        bg={strong ? 'red.9' : undefined}
        c={strong ? 'white' : level === 'soon' ? 'red.9' : undefined}
        fw={700}
        fz="lg"
        ff="monospace"
        style={{ borderRadius: 4 }}
      >
        {clockText(seconds)}
      </Box>
      <VisuallyHidden aria-live="polite" aria-atomic="true">{spoken}</VisuallyHidden>
    </Group>
  );
}
