import { describe, expect, it } from 'vitest';
import { healthState, needsAttention, readHealth } from './health';

describe('readHealth', () => {
  it('reads the overall state and each service with its time and checks, in name order', () => {
    const health = readHealth({
      status: 'Degraded',
      services: {
        student: { status: 'Healthy', httpStatus: 200, elapsedMs: 55, detail: { status: 'Healthy', checks: { database: { status: 'Healthy', description: null } } } },
        identity: {
          status: 'Degraded', httpStatus: 200, elapsedMs: 12,
          detail: { status: 'Degraded', checks: { outbox: { status: 'Degraded', description: '3 dead-lettered' } } },
        },
      },
    });
    expect(health.state).toBe('Degraded');
    expect(health.services.map((service) => service.name)).toEqual(['identity', 'student']);
    expect(health.services[0]).toEqual({
      name: 'identity', state: 'Degraded', httpStatus: 200, elapsedMs: 12, error: null,
      checks: [{ name: 'outbox', state: 'Degraded', description: '3 dead-lettered' }],
    });
  });

  it('keeps an unreachable service with the error the gateway gives', () => {
    const health = readHealth({ status: 'Unhealthy', services: { live: { status: 'Unreachable', elapsedMs: 2000, detail: { error: 'Connection refused' } } } });
    expect(health.services[0]).toMatchObject({ state: 'Unreachable', httpStatus: null, elapsedMs: 2000, error: 'Connection refused', checks: [] });
  });

  it('turns anything unexpected into unknown instead of failing', () => {
    expect(readHealth(null)).toEqual({ state: 'unknown', services: [] });
    expect(readHealth('Healthy')).toEqual({ state: 'unknown', services: [] });
    expect(readHealth([1, 2])).toEqual({ state: 'unknown', services: [] });
    const odd = readHealth({ status: 'Fine', services: { board: { status: 7, httpStatus: '200', elapsedMs: -1, detail: { checks: { db: 'ok', bus: null } } }, company: 'x' } });
    expect(odd.state).toBe('unknown');
    expect(odd.services).toEqual([
      { name: 'board', state: 'unknown', httpStatus: null, elapsedMs: null, error: null, checks: [
        { name: 'db', state: 'unknown', description: null }, { name: 'bus', state: 'unknown', description: null }] },
      { name: 'company', state: 'unknown', httpStatus: null, elapsedMs: null, error: null, checks: [] },
    ]);
  });

  it('ignores services that are not an object of services', () => {
    expect(readHealth({ status: 'Healthy', services: ['identity'] })).toEqual({ state: 'Healthy', services: [] });
  });
});

describe('healthState and needsAttention', () => {
  it('knows only the four states', () => {
    expect(healthState('Healthy')).toBe('Healthy');
    expect(healthState('Unreachable')).toBe('Unreachable');
    expect(healthState('healthy')).toBe('unknown');
    expect(healthState(undefined)).toBe('unknown');
  });
  it('asks for attention on everything but Healthy', () => {
    expect(needsAttention('Healthy')).toBe(false);
    expect(needsAttention('Degraded')).toBe(true);
    expect(needsAttention('unknown')).toBe(true);
  });
});
