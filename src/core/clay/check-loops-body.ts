import { checkBody } from '../mapper/check-body.ts'
import { RESERVED_CONTACT_PROPERTIES } from '../mapper/check-value.ts'
import type { Issue } from '../schemas/issue.ts'
import type { ClayEndpoint } from './clay-endpoint.ts'

// The one place Clay asks for Loops' rules. When the shared rulebook (src/core/loops) lands, this file becomes a
// re-export of its checkLoopsBody(endpoint, body).

const isScalar = (v: unknown): boolean => typeof v === 'string' || typeof v === 'boolean' || (typeof v === 'number' && Number.isFinite(v))

/**
 * Loops' rules for a body sent to one of the two Clay endpoints: identity (`email` for contacts/update as Loops'
 * Clay guide requires, `email` or `userId` for events/send), `eventName`, value shapes, and the limits the mapper
 * and the mock share (value length, event-name colon, email shape). Errors mean Loops answers 400.
 */
export function checkLoopsBody(endpoint: ClayEndpoint, body: Record<string, unknown>): Issue[] {
  const issues: Issue[] = checkBody(body, () => undefined)
  const has = (key: string): boolean => Object.hasOwn(body, key) && body[key] !== null && body[key] !== undefined
  const err = (path: string, message: string): void => void issues.push({ severity: 'error', path, message })
  if (endpoint === 'contacts/update') {
    if (!has('email')) {
      err(
        'body.email',
        has('userId')
          ? 'No "email": Loops can update an existing contact by userId, but answers 400 when it must create one. Loops\' Clay guide says to always include email.'
          : 'The body has no "email"; Loops answers 400. Add "email": "{{Email}}".',
      )
    }
  } else {
    if (!has('eventName')) err('body.eventName', 'The body has no "eventName"; Loops answers 400. Add "eventName": "your_event".')
    else if (typeof body['eventName'] !== 'string' || body['eventName'].trim() === '') err('body.eventName', '"eventName" must be a non-empty string.')
    if (!has('email') && !has('userId')) err('body.email', 'An event needs "email" or "userId" to find the contact; Loops answers 400.')
  }
  for (const key of ['email', 'userId'] as const) {
    if (has(key) && typeof body[key] !== 'string') err(`body.${key}`, `"${key}" must be a string; wrap the token in quotes ("{{…}}").`)
    else if (has(key) && (body[key] as string).trim() === '') err(`body.${key}`, `"${key}" is empty for this row; Loops answers 400.`)
  }
  for (const [key, value] of Object.entries(body)) {
    if (key === 'mailingLists' || key === 'eventProperties' || key === 'contactProperties') {
      if (typeof value !== 'object' || value === null || Array.isArray(value)) {
        err(`body.${key}`, `"${key}" must be an object.`)
        continue
      }
      for (const [name, item] of Object.entries(value)) {
        if (key === 'mailingLists' && typeof item !== 'boolean') err(`body.${key}.${name}`, `A mailing list takes true or false, not ${JSON.stringify(item)}.`)
        if (key === 'eventProperties' && !isScalar(item)) err(`body.${key}.${name}`, 'An event property must be a string, number or boolean.')
        if (key === 'contactProperties' && !isScalar(item) && item !== null) err(`body.${key}.${name}`, 'A contact property must be a string, number, boolean or null.')
      }
      continue
    }
    if (!isScalar(value) && value !== null) err(`body.${key}`, `"${key}" is ${Array.isArray(value) ? 'an array' : 'an object'}; Loops stores only strings, numbers, booleans (or null to reset).`)
    if (RESERVED_CONTACT_PROPERTIES.has(key)) issues.push({ severity: 'warning', path: `body.${key}`, message: `"${key}" is a reserved Loops contact property; Loops ignores it.` })
  }
  return issues
}
