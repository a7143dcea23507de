import { AppShell, Burger, Center, Loader, Group, Menu, NavLink, Select, Text, UnstyledButton, VisuallyHidden } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, NavLink as RouterNavLink, Outlet, useNavigate } from 'react-router';
import { api } from '../api/clients';
import { hasRole, useSession, useSessionReset, type Me } from '../auth/useSession';
import { setLanguage, type Language } from '../i18n';
import { navigationFor } from './navigation';

export function Shell() {
  const { t, i18n } = useTranslation();
  const [opened, { toggle, close }] = useDisclosure();
  const { me } = useSession();
  const links = navigationFor(me);

  return (
    <AppShell header={{ height: 56 }} navbar={{ width: 220, breakpoint: 'sm', collapsed: { mobile: !opened, desktop: links.length === 0 } }} padding="md">
      <a href="#main" className="skip-link">{t('skipToContent')}</a>
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="sm" wrap="nowrap">
            {links.length > 0 && (
              <Burger opened={opened} onClick={toggle} hiddenFrom="sm" size="sm" aria-label={t('nav.openMenu')} aria-expanded={opened} />
            )}
            <Text component={Link} to="/" fw={700} c="blue.8" style={{ textDecoration: 'none' }}>{t('appName')}</Text>
          </Group>
          <Group gap="xs" wrap="nowrap">
            <Select
              aria-label={t('language')}
              size="xs"
              w={{ base: 88, sm: 110 }}
              data={[{ value: 'ko', label: t('languages.ko') }, { value: 'en', label: t('languages.en') }]}
              value={i18n.language}
              onChange={(value) => value && setLanguage(value as Language)}
              allowDeselect={false}
            />
            {me && <AccountMenu me={me} />}
          </Group>
        </Group>
      </AppShell.Header>
      {links.length > 0 && (
        <AppShell.Navbar p="xs" component="nav" aria-label={t('nav.main')}>
          {links.map((link) => (
            <NavLink key={link.to} component={RouterNavLink} to={link.to} end={link.end} label={t(link.label)} onClick={close} />
          ))}
        </AppShell.Navbar>
      )}
      <AppShell.Main id="main" tabIndex={-1}>
        <Suspense fallback={<Center py="xl"><Loader role="status" aria-label={t('loading')} /></Center>}>
          <Outlet />
        </Suspense>
      </AppShell.Main>
    </AppShell>
  );
}

function AccountMenu({ me }: { me: Me }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const reset = useSessionReset();
  const signOut = async () => {
    await api.identity.POST('/identity/v1/signout').catch(() => undefined);
    reset();
    navigate('/signin', { replace: true });
  };
  const role = ['Admin', 'InstitutionManager', 'CompanySupervisor', 'Employee', 'Visitor'].find((r) => hasRole(me, r as never));
  return (
    <Menu position="bottom-end" withinPortal>
      <Menu.Target>
        <UnstyledButton px="xs">
          <VisuallyHidden>{t('nav.account')}: </VisuallyHidden>
          <Text size="sm" fw={500} truncate maw={{ base: 96, sm: 160 }}>{me.username}</Text>
          {role && <Text size="xs" c="dimmed">{t(`roles.${role}`)}</Text>}
        </UnstyledButton>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Item component={Link} to="/profile">{t('nav.profile')}</Menu.Item>
        <Menu.Item onClick={() => void signOut()}>{t('nav.signOut')}<VisuallyHidden>{me.email}</VisuallyHidden></Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}
