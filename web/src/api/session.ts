/**
 * The browser's session is the httpOnly cookies identity sets; the app never sees a token. When a call answers 401
 * (the access cookie expired), one refresh is tried for all callers at once and the call repeated; when the refresh
 * fails too, the listeners learn the session is over and the app goes to sign-in.
 */
const refreshPath = '/identity/v1/token/refresh';
let refreshing: Promise<boolean> | null = null;
const listeners = new Set<() => void>();

export function onSessionEnded(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function refreshSession(): Promise<boolean> {
  refreshing ??= fetch(refreshPath, { method: 'POST', credentials: 'same-origin', headers: { 'content-type': 'application/json' }, body: '{}' })
    .then((response) => response.ok)
    .catch(() => false)
    .finally(() => {
      // The calls waiting on this refresh hold its promise; the next expiry starts a new one.
      refreshing = null;
    });
  return refreshing;
}

/** Paths whose 401 is an answer about credentials, not an expired session. */
function isSessionEndpoint(url: string): boolean {
  return ['/identity/v1/signin', '/identity/v1/token/refresh', '/identity/v1/signout', '/identity/v1/password/change']
    .some((path) => new URL(url, location.origin).pathname === path);
}

export async function sessionFetch(request: Request): Promise<Response> {
  const again = request.clone();
  const response = await fetch(request);
  if (response.status !== 401 || isSessionEndpoint(request.url)) return response;
  if (await refreshSession()) return fetch(again);
  listeners.forEach((listener) => listener());
  return response;
}
