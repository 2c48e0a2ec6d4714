import type { MapperIssue } from './map-result.ts'

/** Loops' limit per body key or value, counted as JSON text including the quotes. */
export const VALUE_MAX = 500

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/

/**
 * The Loops rules a body must meet before it is sent (spec §4): value length, event name, email shape.
 * Returns error issues; an empty list means Loops will accept the body's shape.
 */
export function checkBody(body: Record<string, unknown>, fromOf: (path: string) => string | undefined): MapperIssue[] {
  const issues: MapperIssue[] = []
  const visit = (value: unknown, path: string): void => {
    if (typeof value === 'string') {
      // a character is at most 6 characters of JSON (\uXXXX): short strings need no measuring
      if (value.length * 6 + 2 <= VALUE_MAX) return
      const length = JSON.stringify(value).length
      if (length > VALUE_MAX) {
        const from = fromOf(path)
        issues.push({
          severity: 'error',
          path,
          message: `This value is ${length} characters as JSON (quotes included); Loops allows at most ${VALUE_MAX} per value. Shorten it or leave it out.`,
          ...(from !== undefined ? { from } : {}),
        })
      }
      return
    }
    if (typeof value !== 'object' || value === null) return
    for (const key of Object.keys(value)) {
      const item = (value as Record<string, unknown>)[key]
      if (key.length * 6 + 2 > VALUE_MAX && JSON.stringify(key).length > VALUE_MAX) {
        issues.push({
          severity: 'error',
          path: `${path}.${key.slice(0, 20)}…`,
          message: `A key of ${key.length} characters exceeds Loops' ${VALUE_MAX}-character limit. Use a shorter property name.`,
        })
      }
      visit(item, `${path}.${key}`)
    }
  }
  visit(body, 'body')

  const eventName = body['eventName']
  if (typeof eventName === 'string' && eventName.includes(':')) {
    const from = fromOf('body.eventName')
    issues.push({
      severity: 'error',
      path: 'body.eventName',
      message: `Loops event names cannot contain ":" ("${eventName}"). Rename the event in the preset's events table.`,
      ...(from !== undefined ? { from } : {}),
    })
  }
  const email = body['email']
  if (typeof email === 'string' && !EMAIL.test(email)) {
    const from = fromOf('body.email')
    issues.push({
      severity: 'error',
      path: 'body.email',
      message: `"${email}" is not a valid email address; Loops would answer 400. Fix the email trait.`,
      ...(from !== undefined ? { from } : {}),
    })
  }
  return issues
}
