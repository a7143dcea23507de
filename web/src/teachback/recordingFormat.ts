/** A container the content service accepts for a teach-back recording, and how the upload names it. */
export type RecordingFormat = {
  /** What MediaRecorder is asked for. */
  mimeType: string;
  /** The upload's declared type: the container alone, as the content service lists it (it refuses codec parameters). */
  contentType: 'audio/webm' | 'audio/mp4';
  /** The file name's extension the content service pairs with that type. */
  extension: 'webm' | 'm4a';
};

const webm: RecordingFormat = { mimeType: 'audio/webm;codecs=opus', contentType: 'audio/webm', extension: 'webm' };
const mp4: RecordingFormat = { mimeType: 'audio/mp4', contentType: 'audio/mp4', extension: 'm4a' };

/**
 * The first container this browser records: WebM with Opus (Chromium, Firefox), else MP4 (Safari). `null` when it
 * records neither, or has no MediaRecorder at all: the person is offered typing instead.
 */
export function chooseRecordingFormat(isTypeSupported: ((type: string) => boolean) | undefined): RecordingFormat | null {
  if (!isTypeSupported) return null;
  return [webm, mp4].find((format) => safely(() => isTypeSupported(format.mimeType))) ?? null;
}

/**
 * The format of what the recorder really produced. A recorder may answer with another type than the one asked for
 * (`audio/mp4;codecs=opus`, `audio/webm;codecs=pcm`); the upload is typed by the container it actually wrote, never
 * by the request. `null` for a container the content service would refuse.
 */
export function formatOfRecording(recorderMimeType: string, asked: RecordingFormat): RecordingFormat | null {
  const container = (recorderMimeType || asked.mimeType).split(';')[0].trim().toLowerCase();
  if (container === 'audio/webm' || container === 'video/webm') return { ...webm, mimeType: recorderMimeType || asked.mimeType };
  if (container === 'audio/mp4' || container === 'video/mp4') return { ...mp4, mimeType: recorderMimeType || asked.mimeType };
  return null;
}

function safely(check: () => boolean): boolean {
  try {
    return check();
  } catch {
    return false;
  }
}
