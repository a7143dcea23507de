/** The bytes of each part of a presigned upload: part n is `[(n-1)·partSize, n·partSize)`, the last one shorter. */
export function partRange(partNumber: number, partSize: number, size: number): { start: number; end: number } {
  const start = (partNumber - 1) * partSize;
  return { start, end: Math.min(size, start + partSize) };
}

/** Overall progress 0–1 from the bytes each part has sent so far. */
export function uploadedShare(sentByPart: ReadonlyMap<number, number>, size: number): number {
  if (size <= 0) return 1;
  let sent = 0;
  sentByPart.forEach((bytes) => { sent += bytes; });
  return Math.min(1, sent / size);
}

/** The ETag storage answered a part with, as the content service compares it (quotes kept, whitespace trimmed). */
export function etagOf(header: string | null): string | null {
  const value = header?.trim();
  return value ? value : null;
}
