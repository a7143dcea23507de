import { ScrollArea, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { koreaDateTime } from '../../common/time';
import { historyNote, newestFirst, sideOf, type Transition } from './history';

type Props = {
  history: Transition[];
  /** Names of the people the reader's side knows, by user id. */
  names: ReadonlyMap<string, string>;
  meId?: string;
};

/** Every transition with when, who (a name where this side knows it, else the side) and why; latest first. */
export function ProvisionHistory({ history, names, meId }: Props) {
  const { t, i18n } = useTranslation('corpProvisions');
  const state = (value: string) => t(`states.${value}`, { defaultValue: value });
  const who = (entry: Transition) => {
    const side = t(`history.sides.${sideOf(entry)}`);
    if (entry.by && entry.by === meId) return t('history.named', { name: t('history.me'), side });
    const name = entry.by ? names.get(entry.by) : undefined;
    return name ? t('history.named', { name, side }) : side;
  };
  const what = (entry: Transition) => entry.from === null ? t('history.created', { to: state(entry.to) })
    : entry.from === entry.to ? t('history.same', { state: state(entry.to) })
      : t('history.moved', { from: state(entry.from), to: state(entry.to) });
  const why = (entry: Transition) => {
    const note = historyNote(entry.reason);
    if (!note) return '';
    switch (note.key) {
      case 'given': return note.reason;
      case 'amended': return t('history.notes.amended', { removed: note.removed, added: note.added });
      case 'amendmentApproved': return t('history.notes.amendmentApproved', { count: note.count });
      case 'amendmentReturned': return note.reason ? t('history.notes.amendmentReturned', { reason: note.reason }) : t('history.notes.amendmentReturnedNoReason');
      default: return t(`history.notes.${note.key}`);
    }
  };
  return (
    <Stack gap="xs">
      <Title order={2} size="h3">{t('history.title')}</Title>
      <ScrollArea type="auto">
        <Table miw={640} striped>
          <Table.Caption>{t('history.caption')}</Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('history.when')}</Table.Th>
              <Table.Th scope="col">{t('history.what')}</Table.Th>
              <Table.Th scope="col">{t('history.who')}</Table.Th>
              <Table.Th scope="col">{t('history.why')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {newestFirst(history).map((entry, index) => (
              <Table.Tr key={`${entry.at}-${index}`}>
                <Table.Td><Text size="sm" style={{ whiteSpace: 'nowrap' }}>{koreaDateTime(entry.at, i18n.language)}</Text></Table.Td>
                <Table.Td>{what(entry)}</Table.Td>
                <Table.Td>{who(entry)}</Table.Td>
                <Table.Td><Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>{why(entry)}</Text></Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </ScrollArea>
    </Stack>
  );
}
