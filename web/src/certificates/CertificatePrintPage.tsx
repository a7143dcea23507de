import { Anchor, Button, Group, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { QueryState } from '../common/QueryState';
import { StatusPage } from '../common/StatusPage';
import { koreaDate } from '../common/time';
import { usePageTitle } from '../common/usePageTitle';
import { certificateKeys, fetchCertificates, publicVerifyUrl, type Certificate } from './certificateApi';
import './certificatePrint.css';

/** `/certificates/:id/print`: one of my certificates as an A4 page, with its code and public verification address. */
export function CertificatePrintPage() {
  const { t } = useTranslation('certificates');
  const { id = '' } = useParams();
  usePageTitle(t('print.pageTitle'));
  // The API has no single-certificate read; my list is short and already what the list page shows.
  const certificates = useQuery({ queryKey: certificateKeys.mine, queryFn: fetchCertificates });
  return (
    <QueryState query={certificates}>
      {(items) => {
        const certificate = items.find((c) => c.id === id);
        return certificate ? <PrintableCertificate certificate={certificate} /> : <StatusPage kind="not-found" />;
      }}
    </QueryState>
  );
}

function PrintableCertificate({ certificate }: { certificate: Certificate }) {
  const { t, i18n } = useTranslation('certificates');
  const url = publicVerifyUrl(certificate.verificationCode);
  return (
    <Stack gap="md">
      <Group className="no-print" justify="space-between">
        <Anchor component={Link} to="/certificates">{t('print.back')}</Anchor>
        <Button onClick={() => window.print()}>{t('print.printButton')}</Button>
      </Group>
      <article className="certificate-sheet" aria-labelledby="certificate-heading">
        <Stack gap="xl">
          <Stack gap={4}>
            <Title order={1} id="certificate-heading" fz={40} style={{ letterSpacing: '0.3em' }}>{t('print.heading')}</Title>
            <Text fz="lg" lang={i18n.language === 'ko' ? 'en' : 'ko'}>{t('print.subheading')}</Text>
          </Stack>
          <Text className="certificate-holder">{certificate.holderName}</Text>
          <Text fz="lg">{t('print.statement')}</Text>
          <dl>
            <dt>{t('print.course')}</dt>
            <dd>{certificate.courseTitle}</dd>
            <dt>{t('print.institution')}</dt>
            <dd>{certificate.institutionName}</dd>
            <dt>{t('print.completedOn')}</dt>
            <dd>{koreaDate(certificate.issuedAt, i18n.language)}</dd>
            <dt>{t('print.serial')}</dt>
            <dd>{certificate.serial}</dd>
          </dl>
          <Text fz={22} fw={700}>{certificate.institutionName}</Text>
        </Stack>
        <section className="certificate-verify" aria-labelledby="certificate-verify-heading">
          <Title order={2} size="h5" id="certificate-verify-heading">{t('print.verifyTitle')}</Title>
          <Text size="sm" mb="xs">{t('print.verifyHint')}</Text>
          <dl>
            <dt>{t('print.code')}</dt>
            <dd><code>{certificate.verificationCode}</code></dd>
            <dt>{t('print.url')}</dt>
            <dd>{url}</dd>
          </dl>
        </section>
      </article>
    </Stack>
  );
}
