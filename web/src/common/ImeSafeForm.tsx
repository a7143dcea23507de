import type { FormEvent, FormHTMLAttributes, KeyboardEvent } from 'react';

/**
 * A form that Enter submits only when no IME composition is open: a Korean word being composed is committed by Enter,
 * and that Enter must not send a half-typed answer.
 */
export function ImeSafeForm({ onSubmit, onKeyDown, ...props }: Omit<FormHTMLAttributes<HTMLFormElement>, 'onSubmit'> & {
  onSubmit: () => void;
}) {
  const keyDown = (event: KeyboardEvent<HTMLFormElement>) => {
    if (event.key === 'Enter' && isComposing(event)) event.preventDefault();
    onKeyDown?.(event);
  };
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    onSubmit();
  };
  return <form noValidate {...props} onKeyDown={keyDown} onSubmit={submit} />;
}

export function isComposing(event: KeyboardEvent): boolean {
  // 229 is what browsers report for a key the IME consumed.
  return event.nativeEvent.isComposing || event.keyCode === 229;
}
