import { Button, Group } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { NavLink } from 'react-router';

const sections = [
  { to: '/inst', label: 'nav.summary', end: true },
  { to: '/inst/dashboards/monthly', label: 'nav.monthly' },
  { to: '/inst/dashboards/quarterly', label: 'nav.quarterly' },
  { to: '/inst/dashboards/popular-courses', label: 'nav.popular' },
  { to: '/inst/dashboards/attendance', label: 'nav.attendance' },
  { to: '/inst/dashboards/companies', label: 'nav.companies' },
  { to: '/inst/dashboards/provisions', label: 'nav.provisions' },
  { to: '/inst/dashboards/ratings', label: 'nav.ratings' },
  { to: '/inst/dashboards/training-records', label: 'nav.records' },
] as const;

/** The institution's dashboards, one link each; the open one is marked for screen readers (`aria-current`) and by its fill. */
export function InstDashboardNav() {
  const { t } = useTranslation('dashboards');
  return (
    <Group component="nav" aria-label={t('common.sections')} gap={6} wrap="wrap">
      {sections.map((section) => (
        <NavLink key={section.to} to={section.to} end={'end' in section} style={{ textDecoration: 'none' }}>
          {({ isActive }) => (
            <Button component="span" size="compact-sm" variant={isActive ? 'filled' : 'light'}>{t(section.label)}</Button>
          )}
        </NavLink>
      ))}
    </Group>
  );
}
