import { Anchor, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { koreaDate } from '../common/time';

type Person = { userId: string; name: string | null; email: string | null; since: string };

/** An organisation's managers or supervisors, each a link to their account. */
export function OrgPeople({ title, people }: { title: string; people: Person[] }) {
  const { t, i18n } = useTranslation('admin');
  return (
    <Stack gap="sm">
      <Title order={2} size="h3">{title}</Title>
      {people.length === 0 ? <Text size="sm">{t('orgs.noPeople')}</Text> : (
        <Table striped>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('users.name')}</Table.Th>
              <Table.Th scope="col">{t('users.email')}</Table.Th>
              <Table.Th scope="col">{t('orgs.addedAt')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {people.map((person) => (
              <Table.Tr key={person.userId}>
                <Table.Td><Anchor component={Link} to={`/admin/users/${person.userId}`}>{person.name ?? person.email ?? person.userId}</Anchor></Table.Td>
                <Table.Td>{person.email}</Table.Td>
                <Table.Td>{koreaDate(person.since, i18n.language)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Stack>
  );
}
