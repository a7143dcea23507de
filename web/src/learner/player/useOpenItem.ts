import { useMutation } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import { api } from '../../api/clients';
import { call } from '../../api/call';
import type { ItemProgress } from './useHeartbeats';

/**
 * Tells the server a document (image, other material) was opened, once per visit of its page: that is what completes
 * it. After completion of the course the answer is the item as it stands and nothing is credited.
 */
export function useOpenItem(enrollmentId: string, itemId: string, onProgress: (progress: ItemProgress) => void) {
  const open = useMutation({
    mutationFn: () => call(api.student.POST('/student/v1/enrollments/{id}/items/{itemId}/open', {
      params: { path: { id: enrollmentId, itemId } },
    })),
    onSuccess: onProgress,
  });
  const { mutate } = open;
  const sent = useRef(false);
  useEffect(() => {
    if (sent.current) return;
    sent.current = true;
    mutate();
  }, [mutate]);
  return open;
}
