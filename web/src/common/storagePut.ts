import { etagOf } from './uploadPlan';

/** A part the storage did not take, or took without letting the page read its ETag (the bucket's CORS must expose it). */
export class StorageError extends Error {
  constructor(readonly kind: 'storage' | 'etag-hidden') {
    super(kind);
  }
}

/**
 * One presigned PUT to the storage's own origin, with upload progress (which fetch cannot report); gives the part's
 * ETag. Aborting the signal stops the request and rejects with an `AbortError`.
 */
export function putPart(url: string, body: Blob, contentType: string, signal: AbortSignal, onSent: (bytes: number) => void): Promise<string> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) {
      reject(new DOMException('The upload was left.', 'AbortError'));
      return;
    }
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
    request.onerror = () => {
      signal.removeEventListener('abort', abort);
      reject(new StorageError('storage'));
    };
    request.onabort = () => reject(new DOMException('The upload was left.', 'AbortError'));
    signal.addEventListener('abort', abort, { once: true });
    request.send(body);
  });
}
