/**
 * MediaRecorder writes WebM as a live stream: the segment's Info carries no Duration. The content service measures a
 * recording's length with ffprobe before it accepts it, and ffprobe reads "N/A" for such a file, so the upload would be
 * refused as "no audio". The recorder knows how long it recorded: this writes that into the Info element.
 *
 * Only the layout recorders produce is rewritten — EBML header, a Segment of unknown size, Info before the first
 * Cluster, no SeekHead (whose offsets the insertion would move). Anything else comes back unchanged.
 */
const EBML = 0x1a45dfa3;
const SEGMENT = 0x18538067;
const SEEK_HEAD = 0x114d9b74;
const INFO = 0x1549a966;
const CLUSTER = 0x1f43b675;
const TIMECODE_SCALE = 0x2ad7b1;
const DURATION = 0x4489;
const DEFAULT_TIMECODE_SCALE = 1_000_000;

type Element = { id: number; start: number; dataStart: number; size: number | null; dataEnd: number };

export function withWebmDuration(bytes: Uint8Array, durationMs: number): Uint8Array {
  if (!(durationMs > 0)) return bytes;
  const header = readElement(bytes, 0);
  if (header?.id !== EBML || header.size === null) return bytes;
  const segment = readElement(bytes, header.dataEnd);
  // A segment of known size would need its size rewritten too; recorders never know it in advance.
  if (segment?.id !== SEGMENT || segment.size !== null) return bytes;

  for (let position = segment.dataStart; position < bytes.length;) {
    const element = readElement(bytes, position);
    if (!element || element.size === null || element.id === SEEK_HEAD || element.id === CLUSTER) return bytes;
    if (element.id === INFO) return withDuration(bytes, element, durationMs);
    position = element.dataEnd;
  }
  return bytes;
}

/** The Duration of a WebM's Info in milliseconds, or `null` when it has none (what ffprobe reads as N/A). */
export function webmDurationMs(bytes: Uint8Array): number | null {
  const header = readElement(bytes, 0);
  if (header?.id !== EBML || header.size === null) return null;
  const segment = readElement(bytes, header.dataEnd);
  if (segment?.id !== SEGMENT) return null;
  for (let position = segment.dataStart; position < bytes.length;) {
    const element = readElement(bytes, position);
    if (!element || element.size === null || element.id === CLUSTER) return null;
    if (element.id === INFO) {
      const info = children(bytes, element);
      const duration = info.find((child) => child.id === DURATION);
      if (!duration) return null;
      return readFloat(bytes, duration) * timecodeScale(bytes, info) / 1_000_000;
    }
    position = element.dataEnd;
  }
  return null;
}

function withDuration(bytes: Uint8Array, info: Element, durationMs: number): Uint8Array {
  const fields = children(bytes, info);
  if (fields.some((child) => child.id === DURATION)) return bytes;
  const ticks = durationMs * 1_000_000 / timecodeScale(bytes, fields);
  const duration = new Uint8Array(11);
  duration.set([0x44, 0x89, 0x88]);
  new DataView(duration.buffer).setFloat64(3, ticks);

  const id = bytes.subarray(info.start, info.start + idLength(bytes[info.start]));
  const size = sizeBytes(info.dataEnd - info.dataStart + duration.length);
  const result = new Uint8Array(bytes.length + id.length + size.length + duration.length - (info.dataStart - info.start));
  let at = 0;
  for (const part of [bytes.subarray(0, info.start), id, size, bytes.subarray(info.dataStart, info.dataEnd), duration, bytes.subarray(info.dataEnd)]) {
    result.set(part, at);
    at += part.length;
  }
  return result;
}

function timecodeScale(bytes: Uint8Array, fields: Element[]): number {
  const scale = fields.find((child) => child.id === TIMECODE_SCALE);
  if (!scale) return DEFAULT_TIMECODE_SCALE;
  let value = 0;
  for (let i = scale.dataStart; i < scale.dataEnd; i++) value = value * 256 + bytes[i];
  return value || DEFAULT_TIMECODE_SCALE;
}

function readFloat(bytes: Uint8Array, element: Element): number {
  const view = new DataView(bytes.buffer, bytes.byteOffset + element.dataStart, element.dataEnd - element.dataStart);
  return view.byteLength === 4 ? view.getFloat32(0) : view.getFloat64(0);
}

function children(bytes: Uint8Array, parent: Element): Element[] {
  const found: Element[] = [];
  for (let position = parent.dataStart; position < parent.dataEnd;) {
    const child = readElement(bytes, position);
    if (!child || child.size === null || child.dataEnd > parent.dataEnd) break;
    found.push(child);
    position = child.dataEnd;
  }
  return found;
}

function idLength(first: number): number {
  return vintLength(first);
}

/** Length of a variable-size integer from its first byte: the position of the first set bit (1–8). */
function vintLength(first: number): number {
  for (let length = 1; length <= 8; length++) {
    if (first & (0x80 >> (length - 1))) return length;
  }
  return 0;
}

function readElement(bytes: Uint8Array, start: number): Element | null {
  if (start >= bytes.length) return null;
  const idSize = idLength(bytes[start]);
  if (idSize === 0 || idSize > 4 || start + idSize >= bytes.length) return null;
  let id = 0;
  for (let i = 0; i < idSize; i++) id = id * 256 + bytes[start + i];

  const sizeStart = start + idSize;
  const sizeSize = vintLength(bytes[sizeStart]);
  if (sizeSize === 0 || sizeStart + sizeSize > bytes.length) return null;
  let size = bytes[sizeStart] & (0xff >> sizeSize);
  let unknown = size === 0xff >> sizeSize;
  for (let i = 1; i < sizeSize; i++) {
    const byte = bytes[sizeStart + i];
    size = size * 256 + byte;
    unknown &&= byte === 0xff;
  }
  const dataStart = sizeStart + sizeSize;
  if (unknown) return { id, start, dataStart, size: null, dataEnd: bytes.length };
  if (dataStart + size > bytes.length) return null;
  return { id, start, dataStart, size, dataEnd: dataStart + size };
}

/** A size written in eight bytes: always long enough, and never the reserved "unknown" value for our sizes. */
function sizeBytes(size: number): Uint8Array {
  const out = new Uint8Array(8);
  out[0] = 0x01;
  let rest = size;
  for (let i = 7; i >= 1; i--) {
    out[i] = rest % 256;
    rest = Math.floor(rest / 256);
  }
  return out;
}
