import { api } from '../api/clients';
import { call } from '../api/call';
import type { components } from '../api/generated/student';
import { verifyUrl } from './verification';

export type Certificate = components['schemas']['CertificateResponse'];
export type Verification = components['schemas']['CertificateVerification'];

export const certificateKeys = {
  mine: ['student', 'certificates'] as const,
  verify: (code: string) => ['student', 'certificates', 'verify', code] as const,
};

export function fetchCertificates() {
  return call(api.student.GET('/student/v1/certificates'));
}

export function verifyCertificate(code: string) {
  return call(api.student.GET('/student/v1/certificates/verify/{code}', { params: { path: { code } } }));
}

/** The public verification address of a code, as printed and copied. */
export function publicVerifyUrl(code: string): string {
  return verifyUrl(code, window.location.origin, import.meta.env.BASE_URL);
}
