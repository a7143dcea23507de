import { Alert, Button, Checkbox, CloseButton, Fieldset, Group, List, ScrollArea, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/clients';
import { call } from '../../api/call';
import { problemText } from '../../common/problemText';
import { corpKeys, type MemberView, type Provision } from './queries';
import { initialSelection, isRegistered, memberMatches, rosterRefusal, seatCount, toggle, type RosterRefusal } from './roster';

type Props = { provision: Provision; members: MemberView[]; progressed: ReadonlySet<string> };

/**
 * Chooses the roster among the company's real members: search, check, the seats counted as the seat rule says. A
 * refusal is put next to the people it names. Everything is reachable by Tab, and Space checks.
 */
export function RosterEditor({ provision, members, progressed }: Props) {
  const { t } = useTranslation('corpProvisions');
  const queryClient = useQueryClient();
  const registered = isRegistered(provision.state);
  const [selected, setSelected] = useState(() => initialSelection(provision));
  const [search, setSearch] = useState('');
  const [refusal, setRefusal] = useState<RosterRefusal | null>(null);
  const byId = useMemo(() => new Map(members.map((m) => [m.userId, m])), [members]);
  const shown = members.filter((m) => memberMatches(m, search));
  const count = seatCount(provision, selected, progressed);

  const save = useMutation({
    mutationFn: (userIds: string[]) => call(api.company.PUT('/company/v1/course-provides/{id}/roster', {
      params: { path: { id: provision.id } }, body: { userIds },
    })),
    onMutate: () => setRefusal(null),
    onSuccess: (next) => {
      notifications.show({ color: 'green', message: registered ? t('roster.amended') : t('roster.submitted'), closeButtonProps: { 'aria-label': t('common:close') } });
      queryClient.setQueryData(corpKeys.provision(provision.id), next);
      void queryClient.invalidateQueries({ queryKey: corpKeys.lists });
      void queryClient.invalidateQueries({ queryKey: corpKeys.progress(provision.id) });
    },
    onError: (error, userIds) => setRefusal(rosterRefusal(error, userIds)),
  });

  const name = (id: string) => {
    const member = byId.get(id);
    return member ? member.name ?? member.email ?? t('roster.unnamed') : t('roster.unknownPerson', { id: id.slice(0, 8) });
  };
  // A missing seat stops being news once the list fits; the other problems stay with their person until they leave the list.
  const problemOf = (id: string) => {
    const found = selected.includes(id) ? refusal?.people[id] : undefined;
    if (!found || (found.problem === 'noSeat' && count.left >= 0)) return undefined;
    return found.problem === 'other' ? t('roster.problems.other', { message: found.message }) : t(`roster.problems.${found.problem}`);
  };
  const change = (next: string[]) => {
    setSelected(next);
    save.reset();
  };

  return (
    <Stack gap="sm">
      {registered && <Text size="sm">{t('roster.amendNote')}</Text>}
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
        <Fieldset legend={t('roster.members')} variant="unstyled">
          <Stack gap="xs">
            <Text size="sm" c="dimmed">{t('roster.membersHint')}</Text>
            <TextInput type="search" label={t('roster.search')} value={search} onChange={(e) => setSearch(e.currentTarget.value)} />
            {members.length === 0 ? <Text size="sm">{t('roster.noMembers')}</Text>
              : shown.length === 0 ? <Text size="sm">{t('roster.noMatch')}</Text> : (
                <ScrollArea.Autosize mah={420} type="auto">
                  <Stack gap="xs" py={4} px={2}>
                    {shown.map((member) => {
                      const checked = selected.includes(member.userId);
                      const note = registered && checked && !provision.roster.includes(member.userId) ? t('roster.adding')
                        : registered && !checked && provision.roster.includes(member.userId)
                          ? (progressed.has(member.userId) ? t('roster.progressed') : t('roster.removing')) : undefined;
                      return (
                        <Checkbox key={member.userId} checked={checked}
                          onChange={() => change(toggle(selected, member.userId))}
                          label={<Group gap={6} wrap="wrap">
                            <span>{t('roster.member', { name: member.name ?? t('roster.unnamed'), email: member.email ?? '' })}</span>
                            <Text span size="xs" c="dimmed">{t(`roster.roles.${member.role}`, { defaultValue: member.role })}</Text>
                          </Group>}
                          description={note} error={problemOf(member.userId)} />
                      );
                    })}
                  </Stack>
                </ScrollArea.Autosize>
              )}
          </Stack>
        </Fieldset>
        <Stack gap="xs">
          <Text role="status" fw={600} c={count.left < 0 ? 'red.9' : undefined}>
            {count.left < 0 ? t('roster.over', { seats: count.seats, held: count.held, over: -count.left })
              : t('roster.seats', { seats: count.seats, held: count.held, left: count.left })}
          </Text>
          {registered && count.consumed > 0 && <Text size="sm">{t('roster.consumedNote', { count: count.consumed })}</Text>}
          <Text fw={600} id="roster-chosen">{t('roster.chosen', { count: selected.length })}</Text>
          {selected.length === 0 ? <Text size="sm">{t('roster.chosenEmpty')}</Text> : (
            <List listStyleType="none" spacing={4} aria-labelledby="roster-chosen">
              {selected.map((id) => {
                const problem = problemOf(id);
                const member = byId.get(id);
                return (
                  <List.Item key={id}>
                    <Group gap="xs" wrap="nowrap" align="flex-start">
                      <CloseButton size="sm" aria-label={t('roster.remove', { name: name(id) })} onClick={() => change(toggle(selected, id))} />
                      <Stack gap={0}>
                        <Text size="sm">{name(id)}{member?.email ? ` · ${member.email}` : ''}
                          {!member && <Text span size="sm" c="dimmed"> ({t('roster.leftCompany')})</Text>}
                          {registered && count.additions.includes(id) && <Text span size="sm" c="dimmed"> · {t('roster.adding')}</Text>}
                        </Text>
                        {problem && <Text size="sm" c="red.9" fw={600}>{problem}</Text>}
                      </Stack>
                    </Group>
                  </List.Item>
                );
              })}
            </List>
          )}
          {registered && count.removals.length > 0 && (
            <Text size="sm">{t('roster.removing')}: {count.removals.map(name).join(', ')}</Text>
          )}
          {save.isError && (
            <Alert color="red" role="alert">
              {refusal ? t('roster.refused') : problemText(t, save.error)}
            </Alert>
          )}
          {save.isSuccess && (
            <Alert color="green" role="status">{registered ? t('roster.amended') : t('roster.submitted')}</Alert>
          )}
          <Group gap="sm">
            <Button onClick={() => save.mutate(selected)} loading={save.isPending}>
              {registered ? t('roster.amend') : t('roster.submit')}
            </Button>
            <Button variant="default" onClick={() => { change(initialSelection(provision)); setRefusal(null); }}>{t('roster.reset')}</Button>
          </Group>
        </Stack>
      </SimpleGrid>
    </Stack>
  );
}
