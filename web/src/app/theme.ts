import { createTheme, Notification, PasswordInput } from '@mantine/core';
import type { TFunction } from 'i18next';

/**
 * The theme in the person's language: Mantine's own icon buttons (a notification's close, a password's show/hide) are
 * unnamed or named in English unless told, and every notification in the app goes through these defaults.
 */
export const themeIn = (t: TFunction) => createTheme({
  components: {
    Notification: Notification.extend({ defaultProps: { closeButtonProps: { 'aria-label': t('close') } } }),
    PasswordInput: PasswordInput.extend({ defaultProps: { visibilityToggleButtonProps: { 'aria-label': t('showPassword') } } }),
  },
  primaryColor: 'blue',
  // Darker shades keep text on the primary colour above WCAG AA contrast.
  primaryShade: 8,
  fontFamily: '"Noto Sans KR", "Noto Sans CJK KR", "Apple SD Gothic Neo", "Malgun Gothic", system-ui, sans-serif',
  defaultRadius: 'md',
  focusRing: 'always',
  // People who ask their system for less motion get no transitions.
  respectReducedMotion: true,
});
