/** The checks identity makes, repeated in the form so a person hears about them before sending. */
export const rules = {
  email: (value: string) => /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value.trim()),
  username: (value: string) => /^[A-Za-z0-9_.-]{3,32}$/.test(value),
  password: (value: string) => value.length >= 10 && /\d/.test(value),
  code: (value: string) => /^\d{6}$/.test(value.trim()),
};
