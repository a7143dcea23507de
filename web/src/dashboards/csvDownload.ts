import { ProblemError, retryAfterSeconds } from '../api/problem';
import { sessionFetch } from '../api/session';
import { csvFileName } from './csvFileName';

/**
 * Downloads a table's CSV (`?format=csv`) through the session — the cookies, and one refresh on a 401 like every
 * call — as the bytes the service wrote (the BOM and Korean headers untouched), and saves it under the name its
 * `Content-Disposition` gives. A plain link would go around the session's refresh and show a refusal as a page.
 * Gives the saved file's name; throws a {@link ProblemError} for a refusal.
 */
export async function downloadCsv(path: string, fallbackName: string): Promise<string> {
  const url = `${path}${path.includes('?') ? '&' : '?'}format=csv`;
  let response: Response;
  try {
    response = await sessionFetch(new Request(url, { credentials: 'same-origin', headers: { accept: 'text/csv' } }));
  } catch (error) {
    throw new ProblemError(0, { title: error instanceof Error ? error.message : 'network' });
  }
  if (!response.ok) {
    const body = await response.json().catch(() => ({})) as Record<string, unknown>;
    throw new ProblemError(response.status, body, retryAfterSeconds(response));
  }
  const name = csvFileName(response.headers.get('content-disposition'), fallbackName);
  const href = URL.createObjectURL(await response.blob());
  const link = document.createElement('a');
  link.href = href;
  link.download = name;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  // The browser has taken the file once the click is handled; the object URL is freed a little later for slow ones.
  setTimeout(() => URL.revokeObjectURL(href), 30_000);
  return name;
}
