import { describe, expect, it } from 'vitest';
import { hasText, pageCount, pageFromParam, typeFromParam } from './paging';

describe('board paging', () => {
  it('counts pages, at least one', () => {
    expect(pageCount(0, 20)).toBe(1);
    expect(pageCount(20, 20)).toBe(1);
    expect(pageCount(21, 20)).toBe(2);
  });

  it('reads a page from the address, the first for anything odd', () => {
    expect(pageFromParam('3')).toBe(3);
    expect(pageFromParam(null)).toBe(1);
    expect(pageFromParam('0')).toBe(1);
    expect(pageFromParam('-2')).toBe(1);
    expect(pageFromParam('2.5')).toBe(1);
    expect(pageFromParam('9999999')).toBe(1);
  });

  it('reads the tab, notices by default', () => {
    expect(typeFromParam('QUESTION')).toBe('QUESTION');
    expect(typeFromParam('NOTICE')).toBe('NOTICE');
    expect(typeFromParam('question')).toBe('NOTICE');
    expect(typeFromParam(null)).toBe('NOTICE');
  });

  it('treats spaces as no text', () => {
    expect(hasText('  ')).toBe(false);
    expect(hasText(' 질문 ')).toBe(true);
  });
});
