/**
 * A verification code as typed or pasted: surrounding spaces go, a pasted verification address gives its last path
 * segment, and case does not matter (codes are lower-case hex; the server compares them lower-cased too).
 */
export function normalizeCode(input: string): string {
  let code = input.trim();
  const fromAddress = /\/verify\/([^/?#\s]+)/.exec(code);
  if (fromAddress) code = decodeURIComponent(fromAddress[1]);
  return code.replace(/\s+/g, '').toLowerCase();
}

/** The public page that verifies a code, on this app's own origin and base path. */
export function verifyUrl(code: string, origin: string, basePath: string): string {
  const base = basePath.endsWith('/') ? basePath : `${basePath}/`;
  return `${origin}${base}verify/${encodeURIComponent(code)}`;
}
