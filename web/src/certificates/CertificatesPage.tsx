import { Button, Card, Code, CopyButton, Group, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { QueryState } from '../common/QueryState';
import { koreaDate } from '../common/time';
import { usePageTitle } from '../common/usePageTitle';
import { certificateKeys, fetchCertificates, publicVerifyUrl, type Certificate } from './certificateApi';

/** `/certificates`: the signed-in learner's certificates, each printable and verifiable. */
export function CertificatesPage() {
  const { t } = useTranslation('certificates');
  usePageTitle(t('list.title'));
  const certificates = useQuery({ queryKey: certificateKeys.mine, queryFn: fetchCertificates });
  return (
    <Stack gap="md" maw={960} mx="auto">
      <Title order={1}>{t('list.title')}</Title>
      <QueryState query={certificates}>
        {(items) => items.length === 0 ? (
          <Text>{t('list.empty')}</Text>
        ) : (
          <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
            {items.map((certificate) => <CertificateCard key={certificate.id} certificate={certificate} />)}
          </SimpleGrid>
        )}
      </QueryState>
    </Stack>
  );
}

function CertificateCard({ certificate }: { certificate: Certificate }) {
  const { t, i18n } = useTranslation('certificates');
  const course = certificate.courseTitle;
  const url = publicVerifyUrl(certificate.verificationCode);
  return (
    <Card withBorder component="article" aria-labelledby={`certificate-${certificate.id}`}>
      <Stack gap="sm">
        <Title order={2} size="h4" id={`certificate-${certificate.id}`}>{course}</Title>
        <Table variant="vertical" layout="fixed">
          <Table.Tbody>
            <Row label={t('list.institution')}>{certificate.institutionName}</Row>
            <Row label={t('list.completedOn')}>{koreaDate(certificate.issuedAt, i18n.language)}</Row>
            <Row label={t('list.serial')}>{certificate.serial}</Row>
            <Row label={t('list.code')}><Code style={{ wordBreak: 'break-all' }}>{certificate.verificationCode}</Code></Row>
          </Table.Tbody>
        </Table>
        <Group gap="xs">
          <Button component={Link} to={`/certificates/${certificate.id}/print`} size="sm" aria-label={t('list.printOf', { course })}>
            {t('list.print')}
          </Button>
          <Button component={Link} to={`/verify/${encodeURIComponent(certificate.verificationCode)}`} variant="default" size="sm"
            aria-label={t('list.verifyOf', { course })}>
            {t('list.verify')}
          </Button>
          <CopyButton value={url}>
            {({ copied, copy }) => (
              <Button variant="subtle" size="sm" onClick={copy} aria-label={copied ? t('list.copied') : t('list.copyOf', { course })}>
                {copied ? t('list.copied') : t('list.copy')}
              </Button>
            )}
          </CopyButton>
        </Group>
      </Stack>
    </Card>
  );
}

function Row({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Table.Tr>
      <Table.Th scope="row" w="35%">{label}</Table.Th>
      <Table.Td>{children}</Table.Td>
    </Table.Tr>
  );
}
