import type { LoopsError } from './loops-error.ts'

/** True for every sender error, also one that crossed a realm (compares the marker, not the prototype). */
export function isLoopsError(value: unknown): value is LoopsError {
  return typeof value === 'object' && value !== null && (value as { isLoopsError?: unknown }).isLoopsError === true
}
