import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { fieldErrors, problemText } from '../common/problemText';

/** A form's refusal: the words for the whole form, and the server's field messages next to their fields. */
export function useFormProblem() {
  const { t } = useTranslation('auth');
  const [error, setError] = useState<unknown>(null);
  const fields = fieldErrors(t, error);
  return {
    setError,
    message: error && Object.keys(fields).length === 0 ? problemText(t, error) : null,
    field: (name: string) => fields[name],
  };
}
