import { Alert, Anchor, Grid, Stack, Tabs } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import { QueryState } from '../../common/QueryState';
import { usePageTitle } from '../../common/usePageTitle';
import { useEnrollment, type EnrollmentDetail } from '../useEnrollment';
import { BoardLink } from './BoardLink';
import { CompletionRule } from './CompletionRule';
import { CourseHeader } from './CourseHeader';
import { ExamsTab } from './ExamsTab';
import { LiveTab } from './LiveTab';
import { OutlineTab } from './OutlineTab';
import { RatingForm } from './RatingForm';
import styles from '../page.module.css';

const tabs = ['outline', 'exams', 'live'] as const;
type Tab = (typeof tabs)[number];

export function CourseRoomPage() {
  const { enrollmentId = '' } = useParams();
  const query = useEnrollment(enrollmentId);
  return <QueryState query={query}>{(enrollment) => <CourseRoom enrollment={enrollment} />}</QueryState>;
}

function CourseRoom({ enrollment }: { enrollment: EnrollmentDetail }) {
  const { t } = useTranslation('learner');
  usePageTitle(enrollment.courseTitle);
  const [params, setParams] = useSearchParams();
  const tab: Tab = tabs.find((name) => name === params.get('tab')) ?? 'outline';

  return (
    <Stack className={styles.page} gap="lg" maw={1200}>
      <Anchor component={Link} to="/courses" size="sm" w="fit-content">← {t('room.backToCourses')}</Anchor>
      <CourseHeader enrollment={enrollment} />
      {enrollment.state === 'COMPLETED' && <Alert color="teal" variant="outline" role="note">{t('room.reviewing')}</Alert>}
      {enrollment.state === 'CANCELLED' && <Alert color="gray" variant="outline" role="note">{t('room.cancelled')}</Alert>}
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, md: 8 }}>
          <Tabs value={tab} keepMounted={false} onChange={(value) => setParams(value === 'outline' ? {} : { tab: value ?? 'outline' }, { replace: true })}>
            <Tabs.List aria-label={t('room.tabs.label')} mb="md">
              {tabs.map((name) => <Tabs.Tab key={name} value={name}>{t(`room.tabs.${name}`)}</Tabs.Tab>)}
            </Tabs.List>
            <Tabs.Panel value="outline"><OutlineTab enrollment={enrollment} /></Tabs.Panel>
            <Tabs.Panel value="exams"><ExamsTab enrollment={enrollment} /></Tabs.Panel>
            <Tabs.Panel value="live"><LiveTab courseProvideId={enrollment.courseProvideId} /></Tabs.Panel>
          </Tabs>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 4 }}>
          <Stack gap="md" component="aside" aria-label={enrollment.courseTitle}>
            {enrollment.state === 'COMPLETED' && <RatingForm enrollmentId={enrollment.id} />}
            <BoardLink enrollment={enrollment} />
            <CompletionRule enrollment={enrollment} />
          </Stack>
        </Grid.Col>
      </Grid>
    </Stack>
  );
}
