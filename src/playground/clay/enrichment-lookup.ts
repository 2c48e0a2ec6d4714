/**
 * The bundled enrichment of the "Clay round trip" example: company and size from an email's domain, standing in
 * for a Clay enrichment provider. Unknown domains and free-mail providers give nothing (empty cells), as a real
 * provider's miss does.
 */
const COMPANIES: Readonly<Record<string, { company: string; size: number }>> = {
  'acme.dev': { company: 'Acme', size: 120 },
  'globex.com': { company: 'Globex', size: 2300 },
  'initech.io': { company: 'Initech', size: 45 },
  'umbrella.co': { company: 'Umbrella', size: 870 },
  'hooli.xyz': { company: 'Hooli', size: 15000 },
}

export type LookupField = 'company' | 'size'

export const LOOKUP_FIELDS: Readonly<Record<LookupField, string>> = {
  company: 'Company from email domain',
  size: 'Employee count from email domain',
}

/** The domain of an email address, lower-cased; undefined when there is none. */
export function domainOf(email: unknown): string | undefined {
  if (typeof email !== 'string') return undefined
  const at = email.lastIndexOf('@')
  if (at < 1 || at === email.length - 1) return undefined
  return email.slice(at + 1).trim().toLowerCase()
}

/** The enrichment value for an email, or null when the lookup has nothing. */
export function lookup(field: LookupField, email: unknown): string | number | null {
  const domain = domainOf(email)
  const found = domain !== undefined ? COMPANIES[domain] : undefined
  if (!found) return null
  return found[field]
}
