import { Alert, Button, Group, Loader, Modal, Stack, Text, Textarea, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useBlocker } from 'react-router';
import { ProblemError } from '../../api/problem';
import { ImeSafeForm } from '../../common/ImeSafeForm';
import { problemText } from '../../common/problemText';
import { decisionsFor, WITH_REASON, type Decision } from './decisions';
import type { InboxProvision } from './queries';
import { DECISION_RETRY } from './retrySchedule';
import { useDecision, type DecisionOutcome } from './useDecision';

const REASON_MAX = 500;

/** The decisions open on this provision, each sent once and retried visibly while the company side is busy. */
export function DecisionPanel({ provision }: { provision: InboxProvision }) {
  const { t } = useTranslation('instInbox');
  const { decide, progress, outcome, busy } = useDecision(provision);
  const [asking, setAsking] = useState<Decision | null>(null);
  const decisions = decisionsFor(provision.state, provision.pendingAdditions.length);
  const blocker = useBlocker(busy);
  useEffect(() => {
    if (!busy) return undefined;
    const warn = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [busy]);

  if (decisions.length === 0 && !outcome && !progress) return null;
  return (
    <Stack gap="sm">
      <Title order={2} size="h3">{t('decide.title')}</Title>
      {decisions.length > 0 && (
        <Group gap="sm">
          {decisions.map((decision) => (
            <Button key={decision} disabled={busy} variant={decision.startsWith('approve') || decision === 'accept' ? 'filled' : 'outline'}
              color={decision.startsWith('approve') || decision === 'accept' ? undefined : 'red.9'}
              onClick={() => (WITH_REASON.has(decision) ? setAsking(decision) : void decide(decision))}>
              {t(`decide.${decision}`)}
            </Button>
          ))}
        </Group>
      )}
      <Progress progress={progress} />
      {outcome && <Outcome outcome={outcome} busy={busy} onRetry={() => void decide(outcome.decision, outcome.kind === 'failed' ? outcome.reason : undefined)} />}
      <ReasonDialog decision={asking} onClose={() => setAsking(null)}
        onSend={(decision, reason) => { setAsking(null); void decide(decision, reason); }} />
      <Modal opened={blocker.state === 'blocked'} onClose={() => blocker.reset?.()} title={t('decide.leaveTitle')} centered
        closeButtonProps={{ 'aria-label': t('decide.stay') }}>
        <Stack gap="md">
          <Text size="sm">{t('decide.leaveBody')}</Text>
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={() => blocker.reset?.()}>{t('decide.stay')}</Button>
            <Button color="red.9" onClick={() => blocker.proceed?.()}>{t('decide.leave')}</Button>
          </Group>
        </Stack>
      </Modal>
    </Stack>
  );
}

function Progress({ progress }: { progress: ReturnType<typeof useDecision>['progress'] }) {
  const { t } = useTranslation('instInbox');
  if (!progress) return null;
  const max = DECISION_RETRY.maxAttempts;
  if (progress.phase === 'sending') {
    return (
      <Group gap="xs" role="status">
        <Loader size="xs" />
        <Text size="sm">{t('decide.sending', { attempt: progress.attempt, max })}</Text>
      </Group>
    );
  }
  // The attempt is announced once; the seconds tick visibly without being read out every second.
  return (
    <Alert color="yellow" variant="light">
      <Stack gap={2}>
        <Text size="sm" role="status">{t('decide.retrying', { attempt: progress.attempt, max })}</Text>
        <Text size="sm" fw={600}>{t('decide.countdown', { seconds: progress.secondsLeft })}</Text>
      </Stack>
    </Alert>
  );
}

function Outcome({ outcome, busy, onRetry }: { outcome: DecisionOutcome; busy: boolean; onRetry: () => void }) {
  const { t } = useTranslation('instInbox');
  if (outcome.kind === 'done') {
    return (
      <Alert color="green" role="status">
        {t(`decide.done.${outcome.decision}`)}{outcome.alreadyDone ? ` ${t('decide.alreadyDone')}` : ''}
      </Alert>
    );
  }
  const { failure } = outcome;
  if (failure.exhausted) {
    return (
      <Alert color="red" role="alert">
        <Stack gap="xs">
          <Text size="sm">{t('decide.gaveUp', { attempts: failure.attempts })}</Text>
          <Button size="xs" w="fit-content" onClick={onRetry} disabled={busy}>{t('decide.retryNow')}</Button>
        </Stack>
      </Alert>
    );
  }
  const state = failure.error instanceof ProblemError && typeof failure.error.body.state === 'string' ? failure.error.body.state : null;
  return (
    <Alert color="red" role="alert">
      <Stack gap={2}>
        <Text size="sm">{t('decide.refused', { reason: problemText(t, failure.error) })}</Text>
        {state && <Text size="sm">{t('decide.nowState', { state: t(`corpProvisions:states.${state}`, { defaultValue: state }) })}</Text>}
      </Stack>
    </Alert>
  );
}

function ReasonDialog({ decision, onClose, onSend }: {
  decision: Decision | null; onClose: () => void; onSend: (decision: Decision, reason: string) => void;
}) {
  const { t } = useTranslation('instInbox');
  const [reason, setReason] = useState('');
  const [tried, setTried] = useState(false);
  useEffect(() => { setReason(''); setTried(false); }, [decision]);
  const missing = reason.trim() === '';
  return (
    <Modal opened={decision !== null} onClose={onClose} centered closeButtonProps={{ 'aria-label': t('common:close') }}
      title={decision ? t(`decide.reasonTitle.${decision as 'decline'}`) : ''}>
      {decision && (
        <ImeSafeForm onSubmit={() => { setTried(true); if (!missing) onSend(decision, reason.trim()); }}>
          <Stack gap="md">
            <Textarea label={t('decide.reason')} description={t('decide.reasonHint')} required autosize minRows={3}
              maxLength={REASON_MAX} value={reason} onChange={(e) => setReason(e.currentTarget.value)} data-autofocus
              error={tried && missing ? t('decide.reasonRequired') : undefined} />
            <Group justify="flex-end" gap="sm">
              <Button variant="default" onClick={onClose}>{t('common:cancel')}</Button>
              <Button type="submit" color="red.9">{t(`decide.${decision}`)}</Button>
            </Group>
          </Stack>
        </ImeSafeForm>
      )}
    </Modal>
  );
}
