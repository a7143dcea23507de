/**
 * A new role (a company created or joined, an invitation accepted) reaches identity as an event, so the first refresh
 * after it may still carry the old role. Refresh until the new access token names the role, reading the token only
 * from the refresh answer's body in memory, never storing it.
 */
export async function refreshUntilRole(role: string, { attempts = 20, delayMs = 500 } = {}): Promise<boolean> {
  for (let attempt = 0; attempt < attempts; attempt++) {
    const response = await fetch('/identity/v1/token/refresh', {
      method: 'POST', credentials: 'same-origin', headers: { 'content-type': 'application/json' }, body: '{}',
    }).catch(() => null);
    if (response?.ok) {
      const body = (await response.json().catch(() => ({}))) as { accessToken?: string };
      if (rolesOf(body.accessToken).includes(role)) return true;
    } else if (response && response.status === 401) {
      return false;
    }
    await new Promise((resolve) => setTimeout(resolve, delayMs));
  }
  return false;
}

export function rolesOf(token: string | undefined): string[] {
  const payload = token?.split('.')[1];
  if (!payload) return [];
  try {
    const json = JSON.parse(atob(payload.replace(/-/g, '+').replace(/_/g, '/'))) as { role?: string | string[] };
    return Array.isArray(json.role) ? json.role : json.role ? [json.role] : [];
  } catch {
    return [];
  }
}
