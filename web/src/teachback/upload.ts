import { api } from '../api/clients';
import { call } from '../api/call';
import type { components } from '../api/generated/content';
import type { RecordingFormat } from './recordingFormat';
import { putPart } from '../common/storagePut';
import { partRange, uploadedShare } from '../common/uploadPlan';

type CompletedPart = components['schemas']['CompletedPart'];

export { StorageError } from '../common/storagePut';

/**
 * Uploads a recording through the content service's presigned flow (purpose `teachback-audio`): the parts go straight
 * to storage, whose ETags are reported back; completing checks the file (an audio stream, at most ten minutes).
 * Gives the file's id. An upload that fails half-way is aborted so its parts do not linger.
 */
export async function uploadRecording(recording: Blob, format: RecordingFormat, onProgress: (share: number) => void, signal: AbortSignal): Promise<string> {
  const upload = await call(api.content.POST('/content/v1/uploads', {
    body: { fileName: `teachback.${format.extension}`, size: recording.size, contentType: format.contentType, purpose: 'teachback-audio', courseId: null },
    signal,
  }));
  try {
    const sent = new Map<number, number>();
    const parts: CompletedPart[] = [];
    for (const part of [...upload.parts].sort((a, b) => a.partNumber - b.partNumber)) {
      const { start, end } = partRange(part.partNumber, upload.partSize, recording.size);
      const eTag = await putPart(part.url, recording.slice(start, end), format.contentType, signal, (bytes) => {
        sent.set(part.partNumber, bytes);
        onProgress(uploadedShare(sent, recording.size));
      });
      parts.push({ partNumber: part.partNumber, eTag });
    }
    const path = { id: upload.uploadId };
    if (parts.length > 1) {
      await call(api.content.POST('/content/v1/uploads/{id}/parts', { params: { path }, body: { parts }, signal }));
    }
    const file = await call(api.content.POST('/content/v1/uploads/{id}/complete', { params: { path }, body: { parts }, signal }));
    return file.fileId;
  } catch (error) {
    void api.content.DELETE('/content/v1/uploads/{id}', { params: { path: { id: upload.uploadId } } }).catch(() => undefined);
    throw error;
  }
}
