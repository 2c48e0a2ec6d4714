import { kindOf } from '../../src/core/loops/kind-of.ts'
import { badRequest } from '../loops-request-error.ts'

/** Rejects keys the endpoint does not define (Loops' request schemas set `additionalProperties: false`). */
export function onlyKeys(body: Record<string, unknown>, allowed: readonly string[], what = 'the request body'): void {
  for (const key of Object.keys(body))
    if (!allowed.includes(key)) throw badRequest(`Unknown field "${key}" in ${what}; allowed fields: ${allowed.join(', ')}.`)
}

/** At least one of the updatable fields ("At least one field must be provided"). */
export function atLeastOne(body: Record<string, unknown>, fields: readonly string[]): void {
  if (!fields.some((f) => body[f] !== undefined)) throw badRequest(`At least one field must be provided: ${fields.join(', ')}.`)
}

export function readString(body: Record<string, unknown>, key: string, options: { required: true; max?: number; nonEmpty?: boolean }): string
export function readString(body: Record<string, unknown>, key: string, options?: { required?: false; max?: number; nonEmpty?: boolean }): string | undefined
export function readString(body: Record<string, unknown>, key: string, options: { required?: boolean; max?: number; nonEmpty?: boolean } = {}): string | undefined {
  const value = body[key]
  if (value === undefined) {
    if (options.required) throw badRequest(`"${key}" is required.`)
    return undefined
  }
  if (typeof value !== 'string') throw badRequest(`"${key}" must be a string, got ${kindOf(value)}.`)
  if ((options.nonEmpty ?? options.required) && value.trim() === '') throw badRequest(`"${key}" must not be empty.`)
  if (options.max !== undefined && value.length > options.max) throw badRequest(`"${key}" is longer than ${options.max} characters.`)
  return value
}

/** A string or null (`undefined` when absent). */
export function readNullableString(body: Record<string, unknown>, key: string): string | null | undefined {
  const value = body[key]
  if (value === undefined || value === null) return value
  if (typeof value !== 'string' || value === '') throw badRequest(`"${key}" must be a string ID or null, got ${kindOf(value)}.`)
  return value
}

export function readBoolean(body: Record<string, unknown>, key: string): boolean | undefined {
  const value = body[key]
  if (value === undefined) return undefined
  if (typeof value !== 'boolean') throw badRequest(`"${key}" must be true or false, got ${kindOf(value)}.`)
  return value
}

export function readRecord(value: unknown, key: string): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw badRequest(`"${key}" must be an object, got ${kindOf(value)}.`)
  return value as Record<string, unknown>
}
