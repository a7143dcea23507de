import { Button, Group, NativeSelect, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ImeSafeForm } from '../common/ImeSafeForm';

type Choice = { value: string; label: string };
type Props = {
  label: string;
  q: string;
  placeholder: string;
  selects: { name: string; label: string; value: string; choices: Choice[] }[];
  onSearch: (values: { q: string } & Record<string, string>) => void;
  /** Only the selects (the audit trail has no text search). */
  hideText?: boolean;
};

/** A list's search: the words are sent on Enter or the button; a select applies at once. */
export function SearchBar({ label, q, placeholder, selects, onSearch, hideText }: Props) {
  const { t } = useTranslation('admin');
  const [text, setText] = useState(q);
  const current = Object.fromEntries(selects.map((select) => [select.name, select.value]));
  return (
    <ImeSafeForm role="search" aria-label={label} onSubmit={() => onSearch({ ...current, q: text })}>
      <Group align="flex-end" gap="sm" wrap="wrap">
        {!hideText && (
          <TextInput label={t('filters.search')} placeholder={placeholder} value={text} maxLength={100} w={300}
            onChange={(event) => setText(event.currentTarget.value)} />
        )}
        {selects.map((select) => (
          <NativeSelect key={select.name} label={select.label} value={select.value} w={180}
            data={[{ value: '', label: t('filters.any') }, ...select.choices]}
            onChange={(event) => onSearch({ ...current, q: text, [select.name]: event.currentTarget.value })} />
        ))}
        {!hideText && <Button type="submit">{t('filters.submit')}</Button>}
      </Group>
    </ImeSafeForm>
  );
}
