import type { components } from '../../api/generated/institution';

export type Institution = components['schemas']['InstitutionResponse'];
export type InstitutionRequest = components['schemas']['InstitutionRequest'];
export type InstitutionFields = Record<keyof InstitutionRequest, string>;

export const REQUIRED: (keyof InstitutionRequest)[] = ['name', 'ownerName', 'businessNumber', 'certifiedNumber', 'email', 'phone'];

/** The institution service's limits (InstitutionRequest). */
export const MAX_LENGTH: Record<keyof InstitutionRequest, number> = {
  name: 100, ownerName: 50, businessNumber: 12, certifiedNumber: 50, email: 256, phone: 20, address: 200, website: 200, description: 2000,
};

export function fieldsOf(institution: Institution): InstitutionFields {
  return {
    name: institution.name,
    ownerName: institution.ownerName,
    businessNumber: institution.businessNumber,
    certifiedNumber: institution.certifiedNumber,
    email: institution.email,
    phone: institution.phone,
    address: institution.address ?? '',
    website: institution.website ?? '',
    description: institution.description ?? '',
  };
}

/** The PUT body: every field trimmed, an empty optional one sent as null (clearing it). */
export function toInstitutionRequest(fields: InstitutionFields): InstitutionRequest {
  const optional = (value: string) => value.trim() || null;
  return {
    name: fields.name.trim(),
    ownerName: fields.ownerName.trim(),
    businessNumber: fields.businessNumber.trim(),
    certifiedNumber: fields.certifiedNumber.trim(),
    email: fields.email.trim(),
    phone: fields.phone.trim(),
    address: optional(fields.address),
    website: optional(fields.website),
    description: optional(fields.description),
  };
}

/** What is wrong with a field before sending, as an `instProfile:check.*` key; the server checks the rest (uniqueness). */
export function checkInstitution(fields: InstitutionFields): Partial<Record<keyof InstitutionRequest, string>> {
  const errors: Partial<Record<keyof InstitutionRequest, string>> = {};
  for (const name of REQUIRED) if (!fields[name].trim()) errors[name] = 'required';
  // The service takes 10 digits, with the dashes of 123-45-67890 or without.
  if (fields.businessNumber.trim() && !/^\d{3}-?\d{2}-?\d{5}$/.test(fields.businessNumber.trim())) errors.businessNumber = 'businessNumber';
  if (fields.email.trim() && !/^[^\s@]+@[^\s@]+$/.test(fields.email.trim())) errors.email = 'email';
  if (fields.website.trim() && !/^https?:\/\/\S+$/i.test(fields.website.trim())) errors.website = 'website';
  for (const [name, max] of Object.entries(MAX_LENGTH) as [keyof InstitutionRequest, number][]) {
    if (!errors[name] && fields[name].trim().length > max) errors[name] = 'tooLong';
  }
  return errors;
}

/** An invitation's address: one `@` with something on each side and no spaces (the server checks it can receive mail). */
export function isEmailLike(value: string): boolean {
  return /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value.trim());
}
