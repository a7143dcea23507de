/**
 * The file name a download should be saved under, from its `Content-Disposition`: the UTF-8 `filename*` (RFC 5987,
 * how the services send the Korean name) first, then the plain `filename`, else the fallback. Path separators are
 * dropped, so a name can never point outside the downloads folder.
 */
export function csvFileName(header: string | null, fallback: string): string {
  if (!header) return fallback;
  const star = /filename\*\s*=\s*([^']*)'[^']*'([^;]+)/i.exec(header);
  if (star) {
    try {
      const decoded = decodeURIComponent(star[2].trim().replace(/^"|"$/g, ''));
      if (decoded) return safe(decoded, fallback);
    } catch {
      // A malformed escape: fall through to the plain name.
    }
  }
  const plain = /filename\s*=\s*("([^"]*)"|[^;]+)/i.exec(header);
  const name = plain ? (plain[2] ?? plain[1]).trim() : '';
  return name ? safe(name, fallback) : fallback;
}

function safe(name: string, fallback: string): string {
  const cleaned = name.replace(/[/\\]/g, '_').replace(/^\.+/, '').trim();
  return cleaned || fallback;
}
