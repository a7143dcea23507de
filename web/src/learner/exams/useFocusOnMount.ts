import { useEffect, useRef } from 'react';

/**
 * Moves focus to the element when it appears: the exam page swaps its whole content (overview, attempt, result)
 * without a navigation, and a screen reader or keyboard user should start at the new content's heading.
 */
export function useFocusOnMount<T extends HTMLElement>() {
  const ref = useRef<T>(null);
  useEffect(() => {
    ref.current?.focus();
  }, []);
  return ref;
}
