import { afterEach, describe, expect, it, vi } from 'vitest';
import { onSessionEnded, sessionFetch } from './session';

type Handler = (url: string) => Response;

function serve(handler: Handler) {
  const calls: string[] = [];
  vi.stubGlobal('fetch', vi.fn(async (input: RequestInfo | URL) => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    calls.push(new URL(url, 'http://app.test').pathname);
    return handler(url);
  }));
  return calls;
}

const status = (code: number) => new Response(code === 204 ? null : '{}', { status: code });

afterEach(() => vi.unstubAllGlobals());

describe('sessionFetch', () => {
  it('refreshes once for calls that meet an expired session together, then repeats each', async () => {
    let refreshed = false;
    const calls = serve((url) => {
      if (url.endsWith('/token/refresh')) { refreshed = true; return status(200); }
      return status(refreshed ? 200 : 401);
    });

    const answers = await Promise.all([
      sessionFetch(new Request('http://app.test/student/v1/enrollments')),
      sessionFetch(new Request('http://app.test/identity/v1/me')),
    ]);

    expect(answers.map((answer) => answer.status)).toEqual([200, 200]);
    expect(calls.filter((path) => path.endsWith('/token/refresh'))).toHaveLength(1);
  });

  it('repeats a write with its body after the refresh', async () => {
    let refreshed = false;
    const bodies: string[] = [];
    vi.stubGlobal('fetch', vi.fn(async (input: Request | string) => {
      if (typeof input === 'string') { refreshed = true; return status(200); }
      bodies.push(await input.text());
      return status(refreshed ? 201 : 401);
    }));

    const answer = await sessionFetch(new Request('http://app.test/board/v1/posts', { method: 'POST', body: '{"title":"질문"}' }));

    expect(answer.status).toBe(201);
    expect(bodies).toEqual(['{"title":"질문"}', '{"title":"질문"}']);
  });

  it('tells the app the session is over when the refresh fails too', async () => {
    serve(() => status(401));
    const ended = vi.fn();
    const stop = onSessionEnded(ended);

    const answer = await sessionFetch(new Request('http://app.test/identity/v1/me'));

    stop();
    expect(answer.status).toBe(401);
    expect(ended).toHaveBeenCalledOnce();
  });

  it('leaves a refused sign-in alone: wrong credentials are not an expired session', async () => {
    const calls = serve(() => status(401));

    await sessionFetch(new Request('http://app.test/identity/v1/signin', { method: 'POST', body: '{}' }));

    expect(calls).toEqual(['/identity/v1/signin']);
  });
});
