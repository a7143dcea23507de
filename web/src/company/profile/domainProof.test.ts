import { describe, expect, it } from 'vitest';
import { domainOf, normaliseDomain, provesDomain } from './domainProof';

describe('normaliseDomain', () => {
  it('trims, drops a typed @ and lowers the case', () => {
    expect(normaliseDomain('  @Corp.Example ')).toBe('corp.example');
  });
});

describe('domainOf', () => {
  it('gives the domain of an address and nothing for what is not one', () => {
    expect(domainOf('Kim@Corp.Example')).toBe('corp.example');
    expect(domainOf('no-at-sign')).toBeNull();
    expect(domainOf('a@b@c')).toBeNull();
    expect(domainOf(null)).toBeNull();
  });
});

describe('provesDomain', () => {
  it('holds when the account email is at exactly that domain, whatever the case', () => {
    expect(provesDomain('kim@corp.example', 'CORP.example')).toBe(true);
    expect(provesDomain('kim@corp.example', '@corp.example')).toBe(true);
  });

  it('fails for another domain, a subdomain or a parent domain', () => {
    expect(provesDomain('kim@corp.example', 'other.example')).toBe(false);
    expect(provesDomain('kim@mail.corp.example', 'corp.example')).toBe(false);
    expect(provesDomain('kim@corp.example', 'mail.corp.example')).toBe(false);
    expect(provesDomain(undefined, 'corp.example')).toBe(false);
  });
});
