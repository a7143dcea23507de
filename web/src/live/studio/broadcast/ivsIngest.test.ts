import { describe, expect, it } from 'vitest';
import { ivsHealth, ivsIngestEndpoint } from './ivsIngest';

describe('the IVS ingest endpoint', () => {
  it('is the host of the RTMPS URL the live service gives encoders', () => {
    expect(ivsIngestEndpoint('rtmps://a1b2c3.global-contribute.live-video.net:443/app/')).toBe('a1b2c3.global-contribute.live-video.net');
  });

  it('is refused for the local ingest, a plain RTMP URL or nothing', () => {
    expect(ivsIngestEndpoint('rtmp://127.0.0.1:1935/live')).toBeNull();
    expect(ivsIngestEndpoint('not a url')).toBeNull();
    expect(ivsIngestEndpoint('')).toBeNull();
    expect(ivsIngestEndpoint(undefined)).toBeNull();
  });
});

describe('the IVS connection in the studio health', () => {
  it('is good once connected, starting while connecting, poor when it drops and offline when closed or failed', () => {
    expect(ivsHealth('connected')).toBe('good');
    expect(ivsHealth('connecting')).toBe('starting');
    expect(ivsHealth('disconnected')).toBe('poor');
    expect(ivsHealth('failed')).toBe('offline');
    expect(ivsHealth('closed')).toBe('offline');
  });
});
