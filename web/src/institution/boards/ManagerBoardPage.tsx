import { Anchor, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { BoardView } from '../../board/BoardPage';
import { managerPlace } from '../../board/boardPlace';
import { QueryState } from '../../common/QueryState';
import { useProvision } from './provisionApi';

/** `/inst/boards/:cpId`: a class's board as its institution's manager sees it, with notices to write. */
export function ManagerBoardPage() {
  const { t } = useTranslation('instBoards');
  const { cpId = '' } = useParams();
  const provision = useProvision(cpId);
  return (
    <Stack gap="md" maw={960}>
      <Anchor component={Link} to="/inst/boards" size="sm" w="fit-content">{t('board:backToBoards')}</Anchor>
      <QueryState query={provision}>
        {(found) => <BoardView title={t('boardTitle', { course: found.courseTitle, company: found.companyName })} place={managerPlace(cpId)} />}
      </QueryState>
    </Stack>
  );
}
