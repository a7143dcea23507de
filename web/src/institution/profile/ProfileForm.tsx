import { Alert, Button, SimpleGrid, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ImeSafeForm } from '../../common/ImeSafeForm';
import { fieldErrors, problemText } from '../../common/problemText';
import { checkInstitution, fieldsOf, MAX_LENGTH, REQUIRED, toInstitutionRequest, type Institution, type InstitutionFields } from './institutionForm';
import { profileKeys, saveInstitution } from './profileApi';
import { notifyDone } from '../notify';

/** The institution's profile as its managers edit it (PUT /institutions/mine). */
export function ProfileForm({ institution }: { institution: Institution }) {
  const { t } = useTranslation('instProfile');
  const queryClient = useQueryClient();
  const [fields, setFields] = useState<InstitutionFields>(() => fieldsOf(institution));
  const [tried, setTried] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const local = tried ? checkInstitution(fields) : {};
  const server = fieldErrors(t, error);

  const submit = async () => {
    setTried(true);
    setError(null);
    if (Object.keys(checkInstitution(fields)).length > 0) return;
    setBusy(true);
    try {
      const saved = await saveInstitution(toInstitutionRequest(fields));
      queryClient.setQueryData(profileKeys.institution, saved);
      setFields(fieldsOf(saved));
      setTried(false);
      notifyDone(t('profile.saved'));
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  };

  const input = (name: keyof InstitutionFields) => ({
    label: t(`profile.${name}`),
    required: REQUIRED.includes(name),
    maxLength: MAX_LENGTH[name],
    value: fields[name],
    error: (local[name] ? t(`check.${local[name]}`) : undefined) ?? server[name],
    onChange: (event: React.ChangeEvent<HTMLInputElement | HTMLTextAreaElement>) => {
      const value = event.currentTarget.value;
      setFields((current) => ({ ...current, [name]: value }));
    },
  });

  return (
    <ImeSafeForm aria-labelledby="inst-profile-title" onSubmit={() => void submit()}>
      <Stack gap="sm">
        <Title order={2} id="inst-profile-title">{t('profile.title')}</Title>
        <Text size="sm" c="dimmed">{t('profile.intro')}</Text>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput {...input('name')} autoComplete="organization" />
          <TextInput {...input('ownerName')} />
          <TextInput {...input('businessNumber')} description={t('profile.businessNumberHint')} inputMode="numeric" />
          <TextInput {...input('certifiedNumber')} />
          <TextInput {...input('email')} type="email" autoComplete="email" />
          <TextInput {...input('phone')} type="tel" autoComplete="tel" />
          <TextInput {...input('address')} autoComplete="street-address" />
          <TextInput {...input('website')} type="url" description={t('profile.websiteHint')} autoComplete="url" />
        </SimpleGrid>
        <Textarea {...input('description')} autosize minRows={3} maxRows={10} />
        {error !== null && Object.keys(server).length === 0 && <Alert color="red" role="alert">{problemText(t, error)}</Alert>}
        <Button type="submit" w="fit-content" loading={busy}>{t('profile.save')}</Button>
      </Stack>
    </ImeSafeForm>
  );
}
