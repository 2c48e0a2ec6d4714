import { EMAIL_MAX } from './limits.ts'

/** Characters an address may not contain anywhere (besides a second `@`): whitespace and `"<>()[],;:`. */
const FORBIDDEN = /[\s"<>()[\],;:]/

/**
 * Why `value` is not an email address Loops takes, or `undefined` when it is one.
 *
 * The rule (the mock answers `400 Invalid email address.` when it fails): at most 320 characters, checked first,
 * so a longer value is refused without being scanned; exactly one `@` with something before it; no whitespace and
 * none of `"<>()[],;:` (so no quoted local parts and no comments such as `sam(work)@example.com`); a domain with a
 * dot that has something on both sides (`a@b.co`, not `a@b`, `a@.com` or `a@com.`). Nothing is trimmed. Linear in
 * the length, which is at most 320 when it scans.
 */
export function emailProblem(value: string): 'email-too-long' | 'email-invalid' | undefined {
  if (value.length > EMAIL_MAX) return 'email-too-long'
  const at = value.indexOf('@')
  if (at <= 0 || value.indexOf('@', at + 1) !== -1) return 'email-invalid'
  if (FORBIDDEN.test(value)) return 'email-invalid'
  // in the domain, the first dot after its first character must leave at least one character after it
  const dot = value.indexOf('.', at + 2)
  if (dot === -1 || dot > value.length - 2) return 'email-invalid'
  return undefined
}

/** True when Loops takes `value` as an email address (see `emailProblem` for the rule). */
export const isEmail = (value: string): boolean => emailProblem(value) === undefined
