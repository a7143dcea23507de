/**
 * The IVS web broadcast SDK wants the channel's ingest endpoint as a host name; the live service gives encoders the
 * RTMPS URL made from it (`rtmps://{endpoint}:443/app/`). Anything that is not such a URL gives null, and the page
 * says the broadcast cannot start rather than handing the SDK a local ingest it cannot reach.
 */
export function ivsIngestEndpoint(ingestUrl: string | null | undefined): string | null {
  if (!ingestUrl) return null;
  let url: URL;
  try {
    url = new URL(ingestUrl);
  } catch {
    return null;
  }
  return url.protocol === 'rtmps:' && url.hostname ? url.hostname : null;
}

/** The SDK's connection states, in the health levels the studio shows for either transport. */
export function ivsHealth(connectionState: string): 'offline' | 'starting' | 'good' | 'poor' {
  switch (connectionState) {
    case 'connected':
    case 'completed':
      return 'good';
    case 'new':
    case 'connecting':
      return 'starting';
    case 'disconnected':
      return 'poor';
    default:
      return 'offline';
  }
}
