import { Alert, Button, Fieldset, Paper, Rating, Stack, Text, Textarea, Title } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/clients';
import { call } from '../../api/call';
import { isProblem } from '../../api/problem';
import { ImeSafeForm } from '../../common/ImeSafeForm';
import { problemText } from '../../common/problemText';

/**
 * Rating a completed course, once. The enrollment does not say whether it was rated already, so a second rating is
 * learnt from the server's 409 `already-rated` and said in words instead of the form.
 */
export function RatingForm({ enrollmentId }: { enrollmentId: string }) {
  const { t } = useTranslation('learner');
  const [stars, setStars] = useState(0);
  const [comment, setComment] = useState('');
  const [checked, setChecked] = useState(false);
  const rate = useMutation({
    mutationFn: () => call(api.student.POST('/student/v1/enrollments/{id}/rating', {
      params: { path: { id: enrollmentId } },
      body: { stars, comment: comment.trim() || null },
    })),
  });

  const alreadyRated = isProblem(rate.error, 'already-rated');
  return (
    <Paper withBorder p="md" radius="md">
      <Stack gap="sm">
        <Title order={2} size="h4">{t('rating.title')}</Title>
        {rate.isSuccess && <Alert color="teal" role="status">{t('rating.thanks', { stars: rate.data.stars })}</Alert>}
        {alreadyRated && <Alert color="blue" role="status">{t('rating.alreadyRated')}</Alert>}
        {!rate.isSuccess && !alreadyRated && (
          <ImeSafeForm aria-label={t('rating.title')} onSubmit={() => {
            setChecked(true);
            if (stars >= 1) rate.mutate();
          }}>
            <Stack gap="sm">
              <Text size="sm">{t('rating.intro')}</Text>
              <Fieldset legend={t('rating.stars')} variant="unstyled">
                <Rating value={stars} onChange={setStars} size="lg" name={`rating-${enrollmentId}`}
                  getSymbolLabel={(value) => t('rating.star', { count: value })} />
                {checked && stars < 1 && <Text size="sm" c="red.9" mt={4} role="alert">{t('rating.pickStars')}</Text>}
              </Fieldset>
              <Textarea label={t('rating.comment')} description={t('rating.commentHint')} maxLength={1000} autosize minRows={2}
                styles={{ description: { color: 'var(--mantine-color-gray-7)' } }}
                value={comment} onChange={(event) => setComment(event.currentTarget.value)} />
              {rate.error !== null && <Alert color="red" role="alert">{problemText(t, rate.error)}</Alert>}
              <Button type="submit" loading={rate.isPending} w="fit-content">{t('rating.submit')}</Button>
            </Stack>
          </ImeSafeForm>
        )}
      </Stack>
    </Paper>
  );
}
