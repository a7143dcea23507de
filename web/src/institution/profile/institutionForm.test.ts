import { describe, expect, it } from 'vitest';
import { checkInstitution, fieldsOf, isEmailLike, toInstitutionRequest, type Institution } from './institutionForm';

const institution: Institution = {
  id: 'i1', name: '한빛교육원', ownerName: '김대표', businessNumber: '1234567890', certifiedNumber: 'C-1', email: 'edu@hanbit.example',
  phone: '02-123-4567', address: null, website: 'https://hanbit.example', description: null, createdAt: '', suspendedAt: null,
};

describe('the institution profile form', () => {
  it('sends what it was given, with empty optional fields as null', () => {
    const fields = { ...fieldsOf(institution), website: '  ', name: ' 한빛교육원 ' };
    expect(toInstitutionRequest(fields)).toEqual({
      name: '한빛교육원', ownerName: '김대표', businessNumber: '1234567890', certifiedNumber: 'C-1', email: 'edu@hanbit.example',
      phone: '02-123-4567', address: null, website: null, description: null,
    });
  });

  it('checks what the service checks before sending', () => {
    expect(checkInstitution(fieldsOf(institution))).toEqual({});
    expect(checkInstitution({ ...fieldsOf(institution), businessNumber: '123-45-67890' })).toEqual({});
    expect(checkInstitution({ ...fieldsOf(institution), name: ' ', businessNumber: '12345', email: 'nobody', website: 'hanbit.example' })).toEqual({
      name: 'required', businessNumber: 'businessNumber', email: 'email', website: 'website',
    });
    expect(checkInstitution({ ...fieldsOf(institution), ownerName: '가'.repeat(51) })).toEqual({ ownerName: 'tooLong' });
  });

  it('takes an invitation only to something that looks like an address', () => {
    expect(isEmailLike(' new.manager@hanbit.example ')).toBe(true);
    expect(isEmailLike('new manager@hanbit.example')).toBe(false);
    expect(isEmailLike('hanbit.example')).toBe(false);
  });
});
