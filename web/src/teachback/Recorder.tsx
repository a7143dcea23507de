import { Alert, Badge, Button, Group, Progress, Stack, Text, Title, VisuallyHidden } from '@mantine/core';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LevelMeter } from './LevelMeter';
import { clockText, MAX_RECORDING_SECONDS, RECORDING_LIMIT_MS } from './recordingLimit';
import type { RecorderPhase } from './recorderSession';
import { submitRefusalText } from './submissionText';
import { useRecorder } from './useRecorder';
import { useSubmitExplanation } from './useSubmitExplanation';

/** Explaining aloud: record with a level meter and a timer, pause, listen back, record again, send. */
export function Recorder({ topicId }: { topicId: string }) {
  const { t, i18n } = useTranslation('teachback');
  const recorder = useRecorder();
  const submit = useSubmitExplanation(topicId);
  const { phase, recording } = recorder;
  const announcement = useAnnouncement(phase, recording ? { cause: recording.cause, length: clockText(recording.durationMs) } : null);
  const startButton = useRef<HTMLButtonElement>(null);
  const stopButton = useRef<HTMLButtonElement>(null);
  const review = useRef<HTMLHeadingElement>(null);
  const previous = useRef<RecorderPhase>(phase);

  // Keyboard users keep their place: the button they pressed goes away, so focus moves to what comes next.
  useEffect(() => {
    const before = previous.current;
    previous.current = phase;
    if (phase === 'recording' && before === 'starting') stopButton.current?.focus();
    if (phase === 'stopped' && before !== 'stopped') review.current?.focus();
    if (phase === 'idle' && before === 'stopped') startButton.current?.focus();
  }, [phase]);

  const live = phase === 'recording' || phase === 'paused' || phase === 'finishing';
  return (
    <Stack gap="md">
      <Text size="sm">{t('recorder.limit', { minutes: MAX_RECORDING_SECONDS / 60 })}</Text>
      <VisuallyHidden role="status" aria-live="polite">{announcement}</VisuallyHidden>
      {!recorder.supported && <Alert color="red">{t('recorder.errors.unsupported')}</Alert>}
      {recorder.error && <Alert color="red" role="alert">{t(`recorder.errors.${recorder.error}`)}</Alert>}

      {recorder.supported && (phase === 'idle' || phase === 'starting') && (
        <Button ref={startButton} w="fit-content" size="md" loading={phase === 'starting'} onClick={recorder.start}>
          {t('recorder.start')}
        </Button>
      )}

      {live && (
        <Stack gap="sm">
          <Group gap="sm">
            <Badge color={phase === 'recording' ? 'red.9' : 'gray.7'} variant="filled" size="lg">{t(`recorder.state.${phase}`)}</Badge>
            <Text role="timer" fw={700} ff="monospace" size="lg">
              <VisuallyHidden component="span">{t('recorder.timer')} </VisuallyHidden>
              {t('recorder.timerValue', { elapsed: clockText(recorder.elapsedMs), limit: clockText(RECORDING_LIMIT_MS) })}
            </Text>
          </Group>
          <LevelMeter level={recorder.level} label={t('recorder.level')} active={phase === 'recording'} />
          <Group gap="sm">
            <Button variant="default" disabled={phase === 'finishing'} onClick={phase === 'paused' ? recorder.resume : recorder.pause}>
              {phase === 'paused' ? t('recorder.resume') : t('recorder.pause')}
            </Button>
            <Button ref={stopButton} color="red.9" disabled={phase === 'finishing'} onClick={recorder.stop}>{t('recorder.stop')}</Button>
          </Group>
        </Stack>
      )}

      {phase === 'stopped' && recording && (
        <Stack gap="sm">
          <Title order={2} size="h4" ref={review} tabIndex={-1}>{t('recorder.review')}</Title>
          <Text size="sm">{t('recorder.reviewHint', { length: clockText(recording.durationMs) })}</Text>
          <audio controls src={recording.url} aria-label={t('recorder.player')} style={{ width: '100%' }} />
          {submit.stage === 'uploading' && (
            <Stack gap={4}>
              <Progress value={Math.round(submit.progress * 100)} aria-label={t('recorder.uploadProgress')} />
              <Text size="sm">{t('recorder.uploading', { percent: Math.round(submit.progress * 100) })}</Text>
            </Stack>
          )}
          {submit.stage === 'submitting' && <Text size="sm" role="status">{t('recorder.submitting')}</Text>}
          {submit.error ? <Alert color="red" role="alert">{submitRefusalText(t, submit.error, i18n.language, true)}</Alert> : null}
          <Group gap="sm">
            <Button loading={submit.busy} onClick={() => void submit.send({ recording })}>{t('recorder.send')}</Button>
            <Button variant="default" disabled={submit.busy} onClick={recorder.reset}>{t('recorder.rerecord')}</Button>
          </Group>
        </Stack>
      )}
    </Stack>
  );
}

/** What the live region says when the recording's state changes; the timer itself is not read out every second. */
function useAnnouncement(phase: RecorderPhase, finished: { cause: string; length: string } | null): string {
  const { t } = useTranslation('teachback');
  const [text, setText] = useState('');
  const previous = useRef(phase);
  useEffect(() => {
    const before = previous.current;
    previous.current = phase;
    if (phase === before) return;
    if (phase === 'recording') setText(before === 'paused' ? t('recorder.announce.resumed') : t('recorder.announce.recording'));
    else if (phase === 'paused') setText(t('recorder.announce.paused'));
    else if (phase === 'stopped' && finished) {
      setText(t(finished.cause === 'user' ? 'recorder.announce.stopped' : `recorder.announce.${finished.cause}`, { length: finished.length }));
    } else if (phase === 'idle') setText('');
  }, [phase, finished, t]);
  return text;
}
