/**
 * The gateway's `GET /health` is in no OpenAPI document, so its answer arrives as `unknown` and is narrowed here
 * field by field. Whatever is missing or of an unexpected shape becomes `unknown` (shown as "알 수 없음") instead of
 * breaking the page: this is the page an admin opens when something is already wrong.
 */
export const HEALTH_STATES = ['Healthy', 'Degraded', 'Unhealthy', 'Unreachable'] as const;
export type HealthState = (typeof HEALTH_STATES)[number] | 'unknown';

export type HealthCheck = { name: string; state: HealthState; description: string | null };
export type ServiceHealth = {
  name: string;
  state: HealthState;
  httpStatus: number | null;
  elapsedMs: number | null;
  checks: HealthCheck[];
  /** Why the gateway could not read the service's own readiness, when it says so. */
  error: string | null;
};
export type PlatformHealth = { state: HealthState; services: ServiceHealth[] };

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isFiniteNumber(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value);
}

export function healthState(value: unknown): HealthState {
  return typeof value === 'string' && (HEALTH_STATES as readonly string[]).includes(value) ? (value as HealthState) : 'unknown';
}

function readChecks(detail: unknown): HealthCheck[] {
  if (!isRecord(detail) || !isRecord(detail.checks)) return [];
  return Object.entries(detail.checks).map(([name, check]) => ({
    name,
    state: healthState(isRecord(check) ? check.status : undefined),
    description: isRecord(check) && typeof check.description === 'string' && check.description.trim() ? check.description : null,
  }));
}

function readService(name: string, value: unknown): ServiceHealth {
  const service = isRecord(value) ? value : {};
  const detail = service.detail;
  return {
    name,
    state: healthState(service.status),
    httpStatus: isFiniteNumber(service.httpStatus) ? service.httpStatus : null,
    elapsedMs: isFiniteNumber(service.elapsedMs) && service.elapsedMs >= 0 ? service.elapsedMs : null,
    checks: readChecks(detail),
    error: isRecord(detail) && typeof detail.error === 'string' && detail.error.trim() ? detail.error : null,
  };
}

/** The answer as the page shows it: the overall state, then each service in name order. */
export function readHealth(body: unknown): PlatformHealth {
  if (!isRecord(body)) return { state: 'unknown', services: [] };
  const services = isRecord(body.services)
    ? Object.entries(body.services).map(([name, value]) => readService(name, value)).sort((a, b) => a.name.localeCompare(b.name))
    : [];
  return { state: healthState(body.status), services };
}

/** A check that is not Healthy, or a service that is not, is what the admin should read first. */
export function needsAttention(state: HealthState): boolean {
  return state !== 'Healthy';
}
