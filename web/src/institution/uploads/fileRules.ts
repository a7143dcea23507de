/** What an item shows; the same four kinds the institution service checks attached files against. */
export type ItemKind = 'VIDEO' | 'IMAGE' | 'DOCUMENT' | 'OTHER';
export const ITEM_KINDS: readonly ItemKind[] = ['VIDEO', 'IMAGE', 'DOCUMENT', 'OTHER'];

const MiB = 1024 * 1024;

// The content service's accepted types, their extensions and caps (services/Content/Uploads/UploadKinds.cs): checked
// here first so a wrong file is refused before a byte is sent, and by the service anyway.
const TYPES: Record<string, { kind: ItemKind; extensions: string[]; maxBytes: number }> = {
  'video/mp4': { kind: 'VIDEO', extensions: ['mp4', 'm4v'], maxBytes: 20 * 1024 * MiB },
  'video/webm': { kind: 'VIDEO', extensions: ['webm'], maxBytes: 20 * 1024 * MiB },
  'video/quicktime': { kind: 'VIDEO', extensions: ['mov'], maxBytes: 20 * 1024 * MiB },
  'application/pdf': { kind: 'DOCUMENT', extensions: ['pdf'], maxBytes: 200 * MiB },
  'application/vnd.openxmlformats-officedocument.presentationml.presentation': { kind: 'DOCUMENT', extensions: ['pptx'], maxBytes: 200 * MiB },
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': { kind: 'DOCUMENT', extensions: ['docx'], maxBytes: 200 * MiB },
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': { kind: 'DOCUMENT', extensions: ['xlsx'], maxBytes: 200 * MiB },
  'application/x-hwp': { kind: 'DOCUMENT', extensions: ['hwp'], maxBytes: 200 * MiB },
  'image/png': { kind: 'IMAGE', extensions: ['png'], maxBytes: 20 * MiB },
  'image/jpeg': { kind: 'IMAGE', extensions: ['jpg', 'jpeg'], maxBytes: 20 * MiB },
  'image/webp': { kind: 'IMAGE', extensions: ['webp'], maxBytes: 20 * MiB },
  'audio/mpeg': { kind: 'OTHER', extensions: ['mp3'], maxBytes: 50 * MiB },
  'audio/mp4': { kind: 'OTHER', extensions: ['m4a'], maxBytes: 50 * MiB },
  'audio/wav': { kind: 'OTHER', extensions: ['wav'], maxBytes: 50 * MiB },
  'audio/webm': { kind: 'OTHER', extensions: ['weba', 'webm'], maxBytes: 50 * MiB },
};

/** The largest file of each kind, in MiB, for the words that explain a refusal. */
export const MAX_MIB: Record<ItemKind, number> = { VIDEO: 20 * 1024, IMAGE: 20, DOCUMENT: 200, OTHER: 50 };

function extensionOf(name: string): string {
  const dot = name.lastIndexOf('.');
  return dot < 0 ? '' : name.slice(dot + 1).toLowerCase();
}

/**
 * The MIME type to declare: the browser's, when it gave one we accept for this extension, else the one the extension
 * names (browsers give none for .hwp, and some give `audio/x-m4a` or `video/x-m4v`).
 */
export function contentTypeOf(file: { name: string; type: string }): string | null {
  const extension = extensionOf(file.name);
  const declared = file.type.trim().toLowerCase();
  if (TYPES[declared]?.extensions.includes(extension)) return declared;
  const byExtension = Object.entries(TYPES).find(([, rule]) => rule.extensions.includes(extension));
  if (!byExtension) return null;
  // A file whose own type names another kind (a video renamed .pdf) is not guessed into the extension's kind.
  if (declared && TYPES[declared] && TYPES[declared].kind !== byExtension[1].kind) return null;
  return byExtension[0];
}

/** The kind of item a file of this type is shown by (as the institution service decides it). */
export function kindOfType(contentType: string): ItemKind {
  const type = contentType.toLowerCase();
  if (type.startsWith('video/')) return 'VIDEO';
  if (type.startsWith('image/')) return 'IMAGE';
  if (type.startsWith('application/')) return 'DOCUMENT';
  return 'OTHER';
}

/** The file picker's `accept` for an item of this kind. */
export function acceptFor(kind: ItemKind): string {
  return Object.entries(TYPES).filter(([, rule]) => rule.kind === kind)
    .flatMap(([type, rule]) => [type, ...rule.extensions.map((e) => `.${e}`)]).join(',');
}

export type FileRefusal = { reason: 'unsupported' } | { reason: 'wrong-kind'; fileKind: ItemKind } | { reason: 'too-big'; maxMiB: number } | { reason: 'empty' };

/** Why this file cannot be uploaded for an item of this kind, or null when it may. */
export function refuseFile(file: { name: string; type: string; size: number }, kind: ItemKind): FileRefusal | null {
  const type = contentTypeOf(file);
  if (!type) return { reason: 'unsupported' };
  const rule = TYPES[type];
  if (rule.kind !== kind) return { reason: 'wrong-kind', fileKind: rule.kind };
  if (file.size === 0) return { reason: 'empty' };
  if (file.size > rule.maxBytes) return { reason: 'too-big', maxMiB: MAX_MIB[kind] };
  return null;
}
