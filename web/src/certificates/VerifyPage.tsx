import { Alert, Button, Center, Loader, Paper, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { isProblem } from '../api/problem';
import { ImeSafeForm } from '../common/ImeSafeForm';
import { ErrorAlert } from '../common/QueryState';
import { koreaDate } from '../common/time';
import { usePageTitle } from '../common/usePageTitle';
import { certificateKeys, verifyCertificate, type Verification } from './certificateApi';
import { normalizeCode } from './verification';

/**
 * `/verify` and `/verify/:code`, public: anyone checks a certificate by its code. The gateway limits this route
 * strictly per address, so a result is asked for once and kept, and a 429 says how long to wait.
 */
export function VerifyPage() {
  const { t } = useTranslation('certificates');
  const { code: raw } = useParams();
  const code = raw ? normalizeCode(raw) : '';
  usePageTitle(t('verify.title'));
  return (
    <Stack gap="md" maw={640} mx="auto">
      <Title order={1}>{t('verify.title')}</Title>
      <Text>{t('verify.intro')}</Text>
      <CodeForm key={code} initial={code} />
      <div aria-live="polite">{code && <Verdict code={code} />}</div>
    </Stack>
  );
}

function CodeForm({ initial }: { initial: string }) {
  const { t } = useTranslation('certificates');
  const navigate = useNavigate();
  const [value, setValue] = useState(initial);
  const [missing, setMissing] = useState(false);
  const submit = () => {
    const code = normalizeCode(value);
    setMissing(code === '');
    if (code) navigate(`/verify/${encodeURIComponent(code)}`);
  };
  return (
    <Paper withBorder p="md">
      <ImeSafeForm onSubmit={submit} aria-label={t('verify.title')}>
        <Stack gap="sm">
          <TextInput
            label={t('verify.code')}
            value={value}
            onChange={(event) => setValue(event.currentTarget.value)}
            error={missing ? t('verify.required') : undefined}
            autoComplete="off"
            spellCheck={false}
            maxLength={2000}
            required
          />
          <Text size="sm" c="gray.7">{t('verify.codeHint')}</Text>
          <Button type="submit" w="fit-content">{t('verify.submit')}</Button>
        </Stack>
      </ImeSafeForm>
    </Paper>
  );
}

function Verdict({ code }: { code: string }) {
  const { t } = useTranslation('certificates');
  const result = useQuery({
    queryKey: certificateKeys.verify(code),
    queryFn: () => verifyCertificate(code),
    // A certificate's facts do not change; asking again would only spend the strict limit.
    staleTime: Infinity,
    gcTime: Infinity,
  });
  if (result.isPending) return <Center py="md"><Loader role="status" aria-label={t('verify.checking')} /></Center>;
  if (isProblem(result.error, 'not-found')) {
    return (
      <Alert color="red" title={<Title order={2} size="h4" c="dark.9">{t('verify.invalid')}</Title>}>
        <Text size="sm">{t('verify.invalidBody')}</Text>
      </Alert>
    );
  }
  if (result.error) return <ErrorAlert error={result.error} onRetry={isProblem(result.error, 'rate-limited') ? undefined : () => void result.refetch()} />;
  return <Valid verification={result.data} />;
}

function Valid({ verification }: { verification: Verification }) {
  const { t, i18n } = useTranslation('certificates');
  return (
    <Alert color="green" title={<Title order={2} size="h4" c="dark.9">{t('verify.valid')}</Title>}>
      <Stack gap="sm">
        <Text size="sm">{t('verify.validBody')}</Text>
        <Table variant="vertical" layout="fixed" bg="white">
          <Table.Tbody>
            <Row label={t('verify.holder')} value={verification.holderName} />
            <Row label={t('verify.course')} value={verification.courseTitle} />
            <Row label={t('verify.institution')} value={verification.institutionName} />
            <Row label={t('verify.completedOn')} value={`${koreaDate(verification.completedOn, i18n.language)} (${t('common:time.kst')})`} />
            <Row label={t('verify.serial')} value={verification.serial} />
          </Table.Tbody>
        </Table>
      </Stack>
    </Alert>
  );
}

function Row({ label, value }: { label: string; value: string }) {
  return (
    <Table.Tr>
      <Table.Th scope="row" w="35%">{label}</Table.Th>
      <Table.Td>{value}</Table.Td>
    </Table.Tr>
  );
}
