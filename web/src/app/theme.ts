import { createTheme } from '@mantine/core';

export const theme = createTheme({
  primaryColor: 'blue',
  // Darker shades keep text on the primary colour above WCAG AA contrast.
  primaryShade: 8,
  fontFamily: '"Noto Sans KR", "Noto Sans CJK KR", "Apple SD Gothic Neo", "Malgun Gothic", system-ui, sans-serif',
  defaultRadius: 'md',
  focusRing: 'always',
  // People who ask their system for less motion get no transitions.
  respectReducedMotion: true,
});
