/** An RFC 9457 answer from the platform, or a network failure, as one error the pages can put into words. */
export class ProblemError extends Error {
  readonly status: number;
  /** The last segment of the problem's type URI, e.g. `invalid-credentials`; `network` when nothing answered. */
  readonly kind: string;
  readonly title: string;
  readonly detail?: string;
  readonly errors: Record<string, string[]>;
  /** Seconds the server asked us to wait (`Retry-After`), when it said. */
  readonly retryAfter?: number;
  readonly traceId?: string;
  readonly body: Record<string, unknown>;

  constructor(status: number, body: Record<string, unknown>, retryAfter?: number) {
    const title = typeof body.title === 'string' ? body.title : `HTTP ${status}`;
    super(title);
    this.status = status;
    this.body = body;
    this.title = title;
    this.detail = typeof body.detail === 'string' ? body.detail : undefined;
    this.kind = kindOf(status, body.type);
    this.errors = isErrors(body.errors) ? body.errors : {};
    this.retryAfter = retryAfter;
    this.traceId = typeof body.traceId === 'string' ? body.traceId : undefined;
  }
}

export function kindOf(status: number, type: unknown): string {
  if (typeof type === 'string' && type.startsWith('https://lms.example/problems/')) {
    return type.slice('https://lms.example/problems/'.length);
  }
  switch (status) {
    case 0: return 'network';
    case 400: return 'validation';
    case 401: return 'unauthorized';
    case 403: return 'forbidden';
    case 404: return 'not-found';
    case 409: return 'conflict';
    case 413: return 'too-large';
    case 415: return 'unsupported-media-type';
    case 429: return 'rate-limited';
    case 503: return 'unavailable';
    default: return status >= 500 ? 'server' : 'unknown';
  }
}

function isErrors(value: unknown): value is Record<string, string[]> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function retryAfterSeconds(response: Response): number | undefined {
  const header = response.headers.get('Retry-After');
  if (!header) return undefined;
  const seconds = Number(header);
  if (Number.isFinite(seconds)) return Math.max(0, seconds);
  const at = Date.parse(header);
  return Number.isNaN(at) ? undefined : Math.max(0, Math.ceil((at - Date.now()) / 1000));
}

export function isProblem(error: unknown, ...kinds: string[]): error is ProblemError {
  return error instanceof ProblemError && (kinds.length === 0 || kinds.includes(error.kind));
}
