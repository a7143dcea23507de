/** A file's size for people: kilobytes below a megabyte, else megabytes with one decimal. */
export function fileSize(bytes: number): { unit: 'kilobytes' | 'megabytes'; value: string } {
  if (bytes < 1024 * 1024) return { unit: 'kilobytes', value: String(Math.max(1, Math.round(bytes / 1024))) };
  return { unit: 'megabytes', value: (Math.round((bytes / (1024 * 1024)) * 10) / 10).toFixed(1) };
}

export type Presentation = 'pdf' | 'image' | 'audio' | 'download';

/** How a non-video file is shown in the page: PDFs and images inline, audio with a player, the rest as a link. */
export function presentationOf(contentType: string): Presentation {
  const type = contentType.split(';')[0].trim().toLowerCase();
  if (type === 'application/pdf') return 'pdf';
  if (type.startsWith('image/')) return 'image';
  if (type.startsWith('audio/')) return 'audio';
  return 'download';
}
