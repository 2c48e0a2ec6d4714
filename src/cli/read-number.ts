import { UsageError } from './usage-error.ts'

/**
 * The one way commands read a numeric option: decimal digits (and a fraction when `integer` is false), within
 * `min`..`max`. Throws UsageError naming the option, the allowed range and what was given.
 */
export function readNumber(name: string, raw: string, range: { integer: boolean; min: number; max?: number; above?: boolean }): number {
  const shape = range.integer ? /^\d+$/ : /^\d+(\.\d+)?$|^\.\d+$/
  const value = Number(raw)
  const low = range.above === true ? value > range.min : value >= range.min
  if (shape.test(raw.trim()) && Number.isFinite(value) && low && (range.max === undefined || value <= range.max)) return value
  const kind = range.integer ? 'a whole number' : 'a number'
  const bounds =
    range.max !== undefined ? ` from ${range.min} to ${range.max}` : range.above === true ? ` above ${range.min}` : ` of at least ${range.min}`
  throw new UsageError(`--${name} must be ${kind}${bounds}, got "${raw}"`)
}
