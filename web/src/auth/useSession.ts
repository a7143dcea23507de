import { useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../api/clients';
import { call } from '../api/call';
import { ProblemError } from '../api/problem';
import type { components } from '../api/generated/identity';

export type Me = components['schemas']['MeResponse'];
export type Role = 'Admin' | 'InstitutionManager' | 'CompanySupervisor' | 'Employee' | 'Visitor';

export const meKey = ['identity', 'me'] as const;

/** Who is signed in, or `null` when nobody is (a 401 that a refresh could not cure). */
export function useSession() {
  const query = useQuery({
    queryKey: meKey,
    queryFn: async (): Promise<Me | null> => {
      try {
        return await call(api.identity.GET('/identity/v1/me'));
      } catch (error) {
        if (error instanceof ProblemError && error.status === 401) return null;
        throw error;
      }
    },
    staleTime: 60_000,
    retry: (count, error) => !(error instanceof ProblemError && error.status < 500) && count < 2,
  });
  return { me: query.data, loading: query.isPending, error: query.error, refetch: query.refetch };
}

/** Forgets everything the last person saw; the pages watching who is signed in see nobody at once. */
export function useSessionReset() {
  const client = useQueryClient();
  return () => {
    client.removeQueries({ predicate: (query) => !isMe(query.queryKey) });
    client.setQueryData(meKey, null);
  };
}

/** After a role change: the new `me` at once, and every other answer asked again under the new role. */
export function useSessionRenewal() {
  const client = useQueryClient();
  return (me: Me) => {
    client.setQueryData<Me | null>(meKey, me);
    client.removeQueries({ predicate: (query) => !isMe(query.queryKey) });
  };
}

function isMe(key: readonly unknown[]): boolean {
  return key[0] === meKey[0] && key[1] === meKey[1];
}

export function hasRole(me: Me | null | undefined, ...roles: Role[]): boolean {
  return !!me && me.roles.some((role) => roles.includes(role as Role));
}

/** The page each role starts on. */
export function homeOf(me: Me): string {
  if (hasRole(me, 'Admin')) return '/admin';
  if (hasRole(me, 'InstitutionManager')) return '/inst';
  if (hasRole(me, 'CompanySupervisor')) return '/corp';
  if (hasRole(me, 'Employee')) return '/courses';
  return '/onboarding';
}
