import { describe, expect, it } from 'vitest';
import i18n, { bundled, featureWords } from '.';

describe('feature words', () => {
  it('load on demand with both languages and the same keys in each', async () => {
    for (const [namespace, load] of Object.entries(featureWords)) {
      const words = await load();
      expect(Object.keys(words.en).sort(), namespace).toEqual(Object.keys(words.ko).sort());
      await i18n.loadNamespaces(namespace);
      expect(i18n.hasResourceBundle('ko', namespace), namespace).toBe(true);
    }
  });

  it('keep every feature out of the first bundle except the pages every first visit needs', () => {
    expect(Object.keys(bundled).sort()).toEqual(['auth', 'common', 'onboarding', 'profile']);
    for (const namespace of Object.keys(featureWords)) expect(bundled).not.toHaveProperty(namespace);
  });
});
