/** A domain as the company service stores it: trimmed, lower case, without a leading `@` someone typed. */
export function normaliseDomain(value: string): string {
  return value.trim().replace(/^@+/, '').toLowerCase();
}

/** The part after the `@` of an address, lower case; null for something that is not an address. */
export function domainOf(email: string | null | undefined): string | null {
  const parts = (email ?? '').trim().split('@');
  return parts.length === 2 && parts[0] && parts[1] ? parts[1].toLowerCase() : null;
}

/**
 * Whether the signed-in supervisor's confirmed account email proves a domain — the company service's rule
 * (DOMAIN.md, "The email domain is proven"): the address is at exactly that domain, a subdomain does not count.
 * The page says so before saving; the service decides.
 */
export function provesDomain(accountEmail: string | null | undefined, domain: string): boolean {
  const own = domainOf(accountEmail);
  return own !== null && own === normaliseDomain(domain);
}
