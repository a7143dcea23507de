/** The rules the admin pages keep in the browser; the services keep the same ones (API.md, *Administration*). */
export const REASON_MAX = 500;
export const PAGE_SIZE = 20;

export const USER_STATES = ['ACTIVE', 'SUSPENDED', 'UNCONFIRMED'] as const;
export const ORG_STATES = ['ACTIVE', 'SUSPENDED'] as const;
export const ROLES = ['Admin', 'InstitutionManager', 'CompanySupervisor', 'Employee', 'Visitor'] as const;
export const ACTIONS = [
  'ACCOUNT_SUSPENDED', 'ACCOUNT_REINSTATED', 'ADMIN_GRANTED', 'ADMIN_REVOKED',
  'INSTITUTION_SUSPENDED', 'INSTITUTION_REINSTATED', 'COMPANY_SUSPENDED', 'COMPANY_REINSTATED',
] as const;
export const TARGET_TYPES = ['user', 'institution', 'company'] as const;

/** What is wrong with a reason before it is sent: required (blank is none) and at most 500 characters. */
export function reasonProblem(reason: string): 'required' | 'tooLong' | null {
  if (!reason.trim()) return 'required';
  if (reason.trim().length > REASON_MAX) return 'tooLong';
  return null;
}

export type AccountAction = 'suspend' | 'reinstate' | 'grant-admin' | 'revoke-admin';

/**
 * The actions offered on an account: never on one's own (the server refuses `own-account`; another admin must act),
 * suspend or reinstate by its state, grant the role only to an active account, revoke it when held.
 */
export function accountActions(account: { id: string; state: string; roles: string[] }, selfId: string | undefined): AccountAction[] {
  if (account.id === selfId) return [];
  const actions: AccountAction[] = [];
  if (account.state === 'SUSPENDED') actions.push('reinstate');
  else actions.push('suspend');
  const admin = account.roles.includes('Admin');
  if (admin) actions.push('revoke-admin');
  else if (account.state === 'ACTIVE') actions.push('grant-admin');
  return actions;
}

/** A list's filters from the address bar: only known values pass, a page is a whole number from 1. */
export function readFilters(params: URLSearchParams, states: readonly string[], roles: readonly string[] = []) {
  const state = params.get('state') ?? '';
  const role = params.get('role') ?? '';
  const page = Number(params.get('page') ?? '1');
  return {
    q: (params.get('q') ?? '').slice(0, 100),
    state: states.includes(state) ? state : '',
    role: roles.includes(role) ? role : '',
    page: Number.isInteger(page) && page >= 1 ? page : 1,
  };
}

/** The same filters back in the address bar, empty ones left out; a new search starts on page 1. */
export function filterParams(filters: { q: string; state: string; role?: string; page: number }): Record<string, string> {
  const out: Record<string, string> = {};
  if (filters.q.trim()) out.q = filters.q.trim();
  if (filters.state) out.state = filters.state;
  if (filters.role) out.role = filters.role;
  if (filters.page > 1) out.page = String(filters.page);
  return out;
}

export function pageCount(total: number, size = PAGE_SIZE): number {
  return Math.max(1, Math.ceil(total / size));
}
