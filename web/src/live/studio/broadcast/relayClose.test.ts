import { describe, expect, it } from 'vitest';
import { closeKind, relayUrl } from './relayClose';

describe('the relay close frames', () => {
  it('names each refusal the relay sends', () => {
    expect(closeKind(4403)).toBe('accessEnded');
    expect(closeKind(4409)).toBe('sessionEnded');
    expect(closeKind(4502)).toBe('ingestStopped');
    expect(closeKind(4503)).toBe('fellBehind');
    expect(closeKind(1009)).toBe('tooLarge');
    expect(closeKind(1003)).toBe('notBinary');
    expect(closeKind(1001)).toBe('restarting');
  });

  it('tells a normal stop from a lost connection and an unknown code', () => {
    expect(closeKind(1000)).toBe('stopped');
    expect(closeKind(1006)).toBe('lost');
    expect(closeKind(4999)).toBe('unknown');
  });

  it('reaches the relay on the page origin, secure when the page is', () => {
    expect(relayUrl({ protocol: 'https:', host: 'lms.example' }, 'a1')).toBe('wss://lms.example/live/v1/sessions/a1/broadcast/relay');
    expect(relayUrl({ protocol: 'http:', host: '127.0.0.1:8080' }, 'a1')).toBe('ws://127.0.0.1:8080/live/v1/sessions/a1/broadcast/relay');
  });
});
