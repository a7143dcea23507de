/**
 * The relay's close frames in words: codes 4000–4999 are the API's own (the last three digits read like the HTTP
 * status of the same refusal), the others the WebSocket standard's. Each kind has its sentence in `studio:close.*`.
 */
export type CloseKind =
  | 'stopped'
  | 'accessEnded'
  | 'sessionEnded'
  | 'ingestStopped'
  | 'fellBehind'
  | 'tooLarge'
  | 'notBinary'
  | 'restarting'
  | 'lost'
  | 'unknown';

export function closeKind(code: number): CloseKind {
  switch (code) {
    case 1000: return 'stopped';
    case 1001: return 'restarting';
    case 1003: return 'notBinary';
    case 1006: return 'lost';
    case 1009: return 'tooLarge';
    case 4403: return 'accessEnded';
    case 4409: return 'sessionEnded';
    case 4502: return 'ingestStopped';
    case 4503: return 'fellBehind';
    default: return 'unknown';
  }
}

/** The WebSocket address of a session's relay on this page's origin (the gateway serves the app and the API together). */
export function relayUrl(location: { protocol: string; host: string }, sessionId: string): string {
  const scheme = location.protocol === 'https:' ? 'wss' : 'ws';
  return `${scheme}://${location.host}/live/v1/sessions/${encodeURIComponent(sessionId)}/broadcast/relay`;
}
