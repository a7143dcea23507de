import { useQuery } from '@tanstack/react-query';
import { api } from '../../api/clients';
import { call } from '../../api/call';
import type { InstitutionRequest } from './institutionForm';

export const profileKeys = {
  institution: ['institution', 'mine'] as const,
  managers: ['institution', 'mine', 'managers'] as const,
  invitations: ['institution', 'mine', 'manager-invitations'] as const,
};

export function useMyInstitution() {
  return useQuery({ queryKey: profileKeys.institution, queryFn: () => call(api.institution.GET('/institution/v1/institutions/mine')) });
}

export function useManagers() {
  return useQuery({ queryKey: profileKeys.managers, queryFn: () => call(api.institution.GET('/institution/v1/institutions/mine/managers')) });
}

export function saveInstitution(body: InstitutionRequest) {
  return call(api.institution.PUT('/institution/v1/institutions/mine', { body }));
}

export function removeManager(userId: string) {
  return call(api.institution.DELETE('/institution/v1/institutions/mine/managers/{userId}', { params: { path: { userId } } }));
}

export function inviteManager(email: string) {
  return call(api.institution.POST('/institution/v1/institutions/mine/manager-invitations', { body: { email } }));
}

export function useInvitations() {
  return useQuery({
    queryKey: profileKeys.invitations,
    queryFn: () => call(api.institution.GET('/institution/v1/institutions/mine/manager-invitations')),
  });
}

export function withdrawInvitation(id: string) {
  return call(api.institution.DELETE('/institution/v1/institutions/mine/manager-invitations/{id}', { params: { path: { id } } }));
}
