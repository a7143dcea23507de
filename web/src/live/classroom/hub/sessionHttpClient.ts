import { DefaultHttpClient, HttpError, type HttpRequest, type HttpResponse, type ILogger } from '@microsoft/signalr';
import { sessionFetch } from '../../../api/session';

/**
 * The hub signs in with the access cookie (same origin: no token in a URL). When the cookie has expired, SignalR's
 * negotiation answers 401; the session is renewed the way every API call renews it (one refresh for everyone, the
 * app told when it fails) and the negotiation is repeated once.
 */
export class SessionHttpClient extends DefaultHttpClient {
  constructor(logger: ILogger) {
    super(logger);
  }

  override async send(request: HttpRequest): Promise<HttpResponse> {
    try {
      return await super.send(request);
    } catch (error) {
      if (!(error instanceof HttpError && error.statusCode === 401)) throw error;
      const renewed = await sessionFetch(new Request('/identity/v1/me', { credentials: 'same-origin' })).catch(() => null);
      if (!renewed?.ok) throw error;
      return super.send(request);
    }
  }
}
