import { Alert, Button, Group, Paper, Stack, Text, Textarea, Title } from '@mantine/core';
import { useEffect, useId, useLayoutEffect, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { isComposing } from '../../../common/ImeSafeForm';
import type { HubRefusal } from '../hub/hubRefusal';
import { chatMaxLength, type ChatEvent } from '../hub/hubTypes';
import type { ChatLog } from './chatLog';
import { koreaClock } from './chatTime';
import classes from './ChatPanel.module.css';

type Props = {
  log: ChatLog;
  me: string;
  /** Why nothing can be sent now, in words; null when messages can be sent. */
  closedReason: string | null;
  /** Connected and joined: sending is possible (the box stays, so nothing typed is lost while reconnecting). */
  canSend: boolean;
  onSend: (text: string) => Promise<HubRefusal | null>;
  /** Given to managers: each message gets a delete button. */
  onDelete?: (message: ChatEvent) => Promise<HubRefusal | null>;
};

export function ChatPanel({ log, me, closedReason, canSend, onSend, onDelete }: Props) {
  const { t, i18n } = useTranslation('live');
  const headingId = useId();
  const [text, setText] = useState('');
  const [refusal, setRefusal] = useState<HubRefusal | null>(null);
  const list = useRef<HTMLDivElement>(null);
  const nearBottom = useRef(true);
  const count = log.messages.length + log.pending.length;

  // Follow the conversation unless the reader scrolled up to read something older.
  useLayoutEffect(() => {
    const element = list.current;
    if (element && nearBottom.current) element.scrollTop = element.scrollHeight;
  }, [count]);
  useEffect(() => setRefusal(null), [closedReason]);

  const send = () => {
    const trimmed = text.trim();
    if (!trimmed || closedReason || !canSend) return;
    setText('');
    setRefusal(null);
    nearBottom.current = true;
    void onSend(trimmed).then((refused) => {
      if (!refused) return;
      setRefusal(refused);
      // The words are not lost: they come back to the box unless something new was typed meanwhile.
      setText((current) => current || trimmed);
    });
  };
  const keyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (event.key !== 'Enter' || event.shiftKey) return;
    // Enter that commits a Hangul syllable belongs to the IME: it neither sends nor breaks the line.
    event.preventDefault();
    if (!isComposing(event)) send();
  };
  const remove = (message: ChatEvent) => {
    if (!onDelete) return;
    setRefusal(null);
    void onDelete(message).then((refused) => refused && setRefusal(refused));
  };

  return (
    <Paper component="section" withBorder p="sm" className={classes.panel} aria-labelledby={headingId}>
      <Stack gap="xs" h="100%">
        <Title order={2} size="h4" id={headingId}>{t('chat.title')}</Title>
        <div
          ref={list}
          className={classes.list}
          role="log"
          aria-label={t('chat.log')}
          // Scrollable by keyboard too.
          tabIndex={0}
          onScroll={(event) => {
            const element = event.currentTarget;
            nearBottom.current = element.scrollHeight - element.scrollTop - element.clientHeight < 80;
          }}
        >
          {count === 0 && <Text size="sm" c="dimmed">{t('chat.empty')}</Text>}
          <ul className={classes.messages}>
            {log.messages.map((message) => (
              <li key={message.id} className={classes.message}>
                <Group justify="space-between" gap={4} wrap="nowrap" align="flex-start">
                  <Text size="xs" fw={700} className={classes.name}>
                    {message.name || t('chat.noName')}{message.userId === me && ` (${t('chat.me')})`}
                    {' '}<Text span size="xs" fw={400} c="dimmed">{koreaClock(message.sentAt, i18n.language)}</Text>
                  </Text>
                  {onDelete && (
                    <Button size="compact-xs" variant="default" onClick={() => remove(message)}
                      aria-label={t('chat.deleteLabel', { name: message.name || t('chat.noName'), text: message.text.slice(0, 40) })}>
                      {t('chat.delete')}
                    </Button>
                  )}
                </Group>
                <Text size="sm" className={classes.text}>{message.text}</Text>
              </li>
            ))}
            {log.pending.map((pending) => (
              <li key={pending.localId} className={classes.message} aria-busy="true">
                <Text size="xs" fw={700}>{t('chat.me')} <Text span size="xs" fw={400} c="dimmed">{t('chat.sending')}</Text></Text>
                <Text size="sm" className={classes.text}>{pending.text}</Text>
              </li>
            ))}
          </ul>
        </div>
        {refusal && <Alert color="red" variant="light" role="alert" p="xs"><Text size="sm">{t(`refusal.${refusal}`)}</Text></Alert>}
        {closedReason
          ? <Text size="sm" c="dimmed">{closedReason}</Text>
          : (
            <form onSubmit={(event) => { event.preventDefault(); send(); }} className={classes.form}>
              <Textarea
                aria-label={t('chat.input')}
                placeholder={t('chat.placeholder')}
                value={text}
                onChange={(event) => setText(event.currentTarget.value)}
                onKeyDown={keyDown}
                maxLength={chatMaxLength}
                autosize
                minRows={1}
                maxRows={4}
                className={classes.input}
              />
              <Button type="submit" disabled={!text.trim() || !canSend}>{t('chat.send')}</Button>
            </form>
          )}
        {!closedReason && !canSend && <Text size="xs" c="dimmed">{t('chat.notJoined')}</Text>}
        {!closedReason && text.length > chatMaxLength - 100 && <Text size="xs" c="dimmed" aria-live="polite">{t('chat.count', { count: text.length })}</Text>}
      </Stack>
    </Paper>
  );
}
