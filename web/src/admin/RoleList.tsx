import { Badge, Group } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** An account's roles by their names (`Admin` first, as the service orders them). */
export function RoleList({ roles }: { roles: string[] }) {
  const { t } = useTranslation('admin');
  return (
    <Group gap={4}>
      {roles.map((role) => (
        <Badge key={role} variant="outline" color={role === 'Admin' ? 'grape.9' : 'dark'}>{t(`common:roles.${role}`, { defaultValue: role })}</Badge>
      ))}
    </Group>
  );
}
