import { api } from '../api/clients';
import { call } from '../api/call';
import type { components } from '../api/generated/content';
import type { RecordingFormat } from './recordingFormat';
import { etagOf, partRange, uploadedShare } from './uploadPlan';

type CompletedPart = components['schemas']['CompletedPart'];

/** A part the storage did not take, or took without letting the page read its ETag (the bucket's CORS must expose it). */
export class StorageError extends Error {
  constructor(readonly kind: 'storage' | 'etag-hidden') {
    super(kind);
  }
}

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

/** One presigned PUT to the storage's own origin, with upload progress (which fetch cannot report); gives the part's ETag. */
function putPart(url: string, body: Blob, contentType: string, signal: AbortSignal, onSent: (bytes: number) => void): Promise<string> {
  return new Promise((resolve, reject) => {
    const request = new XMLHttpRequest();
    const abort = () => request.abort();
    request.open('PUT', url);
    request.setRequestHeader('Content-Type', contentType);
    request.upload.onprogress = (event) => onSent(event.loaded);
    request.onload = () => {
      signal.removeEventListener('abort', abort);
      if (request.status < 200 || request.status >= 300) return reject(new StorageError('storage'));
      const etag = etagOf(request.getResponseHeader('ETag'));
      if (!etag) return reject(new StorageError('etag-hidden'));
      onSent(body.size);
      resolve(etag);
    };
    request.onerror = () => reject(new StorageError('storage'));
    request.onabort = () => reject(new DOMException('The upload was left.', 'AbortError'));
    signal.addEventListener('abort', abort, { once: true });
    request.send(body);
  });
}
