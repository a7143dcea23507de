import { Alert, Button, NumberInput, Stack, Text, TextInput, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { api } from '../../api/clients';
import { call } from '../../api/call';
import { ImeSafeForm } from '../../common/ImeSafeForm';
import { fieldErrors, problemText } from '../../common/problemText';
import { koreaDate, koreaToday } from '../../common/time';
import { corpKeys } from '../provisions/queries';
import { defaultDates, earliestEnd, MAX_SEATS, requestProblems } from './requestRules';

type Props = { courseId: string; periodDays: number };

/** Asks the course's institution to provide it: the period in Korea's calendar and the seats; refusals next to their fields. */
export function RequestForm({ courseId, periodDays }: Props) {
  const { t, i18n } = useTranslation('corpProvisions');
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const today = koreaToday();
  const [dates, setDates] = useState(() => defaultDates(today, periodDays));
  const [seats, setSeats] = useState<number | string>(10);
  const [deposit, setDeposit] = useState('');
  const [tried, setTried] = useState(false);

  const request = useMutation({
    mutationFn: () => call(api.company.POST('/company/v1/course-provides', {
      body: { courseId, beginDate: dates.beginDate, endDate: dates.endDate, seats: Number(seats), deposit: deposit.trim() || null },
    })),
    onSuccess: (provision) => {
      void queryClient.invalidateQueries({ queryKey: corpKeys.lists });
      queryClient.setQueryData(corpKeys.provision(provision.id), provision);
      navigate(`/corp/provisions/${provision.id}`, { state: { notice: 'sent' } });
    },
  });

  const problems = requestProblems({ ...dates, seats }, today, periodDays);
  const local = tried ? problems : {};
  const server = fieldErrors(t, request.error);
  const minEnd = dates.beginDate ? earliestEnd(dates.beginDate, periodDays) : today;
  const localText = (key: string | undefined) => key === undefined ? undefined
    : key === 'tooShort' ? t('request.tooShort', { count: periodDays, date: koreaDate(minEnd, i18n.language) })
      : t(`request.${key}`);
  const general = request.error && (Object.keys(server).length === 0 || server.courseId) ? (server.courseId ?? problemText(t, request.error)) : null;

  const submit = () => {
    setTried(true);
    if (Object.keys(problems).length > 0) return;
    request.mutate();
  };

  return (
    <Stack gap="sm">
      <Title order={2} size="h3">{t('request.title')}</Title>
      <Text size="sm">{t('request.intro')}</Text>
      <ImeSafeForm aria-label={t('request.formLabel')} onSubmit={submit}>
        <Stack gap="sm" maw={420}>
          <Text size="sm" c="dimmed" id="request-dates-hint">{t('request.datesHint', { count: periodDays })}</Text>
          <TextInput type="date" label={t('request.beginDate')} required min={today} value={dates.beginDate}
            aria-describedby="request-dates-hint"
            onChange={(e) => {
              const beginDate = e.currentTarget.value;
              // Moving the begin keeps the period: the end follows unless it is already later than needed.
              setDates((d) => ({ beginDate, endDate: beginDate && (!d.endDate || d.endDate < earliestEnd(beginDate, periodDays)) ? earliestEnd(beginDate, periodDays) : d.endDate }));
            }}
            error={localText(local.beginDate) ?? server.beginDate} />
          <TextInput type="date" label={t('request.endDate')} required min={minEnd} value={dates.endDate}
            aria-describedby="request-dates-hint"
            onChange={(e) => { const endDate = e.currentTarget.value; setDates((d) => ({ ...d, endDate })); }}
            error={localText(local.endDate) ?? server.endDate} />
          <NumberInput label={t('request.seats')} description={t('request.seatsHint')} required min={1} max={MAX_SEATS}
            allowDecimal={false} allowNegative={false} value={seats} onChange={setSeats}
            error={localText(local.seats) ?? server.seats} />
          <TextInput label={t('request.deposit')} description={t('request.depositHint')} maxLength={200} value={deposit}
            onChange={(e) => setDeposit(e.currentTarget.value)} error={server.deposit} />
          {general && <Alert color="red" role="alert">{general}</Alert>}
          <Button type="submit" w="fit-content" loading={request.isPending}>{t('request.submit')}</Button>
        </Stack>
      </ImeSafeForm>
    </Stack>
  );
}
