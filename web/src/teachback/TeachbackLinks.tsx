import { Button, Group } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { NavLink } from 'react-router';

/** The feature's own pages, side by side under each page's heading. */
export function TeachbackLinks() {
  const { t } = useTranslation('teachback');
  const links = [
    { to: '/teachback', label: t('links.topics'), end: true },
    { to: '/teachback/history', label: t('links.history'), end: false },
    { to: '/teachback/ranking', label: t('links.ranking'), end: false },
  ];
  return (
    <Group gap="xs" component="nav" aria-label={t('title')}>
      {links.map((link) => (
        <NavLink key={link.to} to={link.to} end={link.end} style={{ textDecoration: 'none' }}>
          {({ isActive }) => (
            <Button component="span" size="xs" variant={isActive ? 'light' : 'default'}>{link.label}</Button>
          )}
        </NavLink>
      ))}
    </Group>
  );
}
