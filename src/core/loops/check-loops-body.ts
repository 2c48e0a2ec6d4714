import { checkContactFields } from './check-contact-fields.ts'
import { checkEmailField } from './check-email-field.ts'
import { checkEventName } from './check-event-name.ts'
import { checkEventProperties } from './check-event-properties.ts'
import { checkIdempotencyKey } from './check-idempotency-key.ts'
import { checkTransactional } from './check-transactional.ts'
import { issueOf } from './issue-of.ts'
import { isObject } from './is-object.ts'
import { kindOf } from './kind-of.ts'
import type { LoopsIssue } from './loops-issue.ts'
import { readMap } from './read-map.ts'

/** The Loops endpoints whose bodies the rulebook checks (paths relative to `/api/v1/`). */
export type LoopsEndpoint = 'events/send' | 'contacts/create' | 'contacts/update' | 'contacts/delete' | 'transactional'

export const LOOPS_ENDPOINTS: readonly LoopsEndpoint[] = ['events/send', 'contacts/create', 'contacts/update', 'contacts/delete', 'transactional']

export interface CheckLoopsBodyOptions {
  /** The `Idempotency-Key` header the request carries (events/send and transactional), if any. */
  idempotencyKey?: string | null
}

/** Body keys of events/send that are not contact properties. */
const EVENT_KEYS = new Set(['eventName', 'eventProperties', 'contactProperties'])

const IDENTITY_MISSING = 'An email or userId is required.'

const present = (v: unknown): boolean => v !== undefined && v !== null

/**
 * Loops' rules for one request body, as one list of issues in the order Loops meets them (so `issues[0]` is what
 * Loops answers). Empty when Loops accepts the body's shape; an `error` issue means a 400 (its `message` is the
 * mock's answer), a `warning` means Loops accepts the body and ignores that part.
 *
 * Only rules that depend on the body alone are here: whether a userId names an existing contact, a mailing list
 * exists, or a value fits an existing property's type depends on the account, and the mock checks those after.
 * Every check is linear in the body's size, and reads the body only to the depth Loops does (no recursion).
 *
 * @example checkLoopsBody('events/send', { email: 'sam(work)@example.com', eventName: 'signup' })
 *   // → [{ severity: 'error', code: 'email-invalid', path: 'body.email', message: 'Invalid email address.', … }]
 */
export function checkLoopsBody(endpoint: LoopsEndpoint, body: unknown, options: CheckLoopsBodyOptions = {}): LoopsIssue[] {
  const issues: LoopsIssue[] = []
  if (endpoint === 'events/send' || endpoint === 'transactional') {
    const keyIssue = checkIdempotencyKey(options.idempotencyKey)
    if (keyIssue) issues.push(keyIssue)
  }
  if (!isObject(body)) {
    const message = `The request body must be a JSON object, got ${kindOf(body)}.`
    issues.push(issueOf('body-not-object', 'body', message, message))
    return issues
  }
  switch (endpoint) {
    case 'events/send': {
      checkEventName(body.eventName, issues)
      checkEventProperties(body.eventProperties, issues)
      checkContactFields('body', body, issues, EVENT_KEYS)
      if (present(body.contactProperties)) checkContactFields('body.contactProperties', readMap('body.contactProperties', 'contactProperties', body.contactProperties, issues), issues)
      // the mock also reads an email or userId nested under contactProperties (the Datafly shape)
      const nested = isObject(body.contactProperties) ? body.contactProperties : undefined
      if (!present(body.email) && !present(body.userId) && !(nested && (present(nested.email) || present(nested.userId))))
        issues.push(issueOf('identity-missing', 'body', IDENTITY_MISSING, 'The event names no contact: give an email or a userId.'))
      break
    }
    case 'contacts/update':
      checkContactFields('body', body, issues)
      if (!present(body.email) && !present(body.userId)) issues.push(issueOf('identity-missing', 'body', IDENTITY_MISSING, 'The update names no contact: give an email or a userId.'))
      break
    case 'contacts/create':
      checkContactFields('body', body, issues)
      if (!present(body.email)) issues.push(issueOf('email-missing', 'body.email', 'Invalid email address.', 'A new contact needs an email; the request has none.'))
      break
    case 'contacts/delete':
      checkOneIdentifier(body, issues)
      break
    case 'transactional':
      checkTransactional(body, issues)
      break
  }
  return issues
}

/**
 * `email` xor `userId`, as `contacts/delete` takes them in its body (and `contacts/find`, `contacts/suppression`
 * in their query): both is a 400, neither is a 400, and the one given must be valid.
 */
export function checkOneIdentifier(source: { email?: unknown; userId?: unknown }, issues: LoopsIssue[], parent = 'body'): void {
  const { email, userId } = source
  if (present(email) && present(userId)) {
    const message = 'Only one parameter is allowed: send email or userId, not both.'
    issues.push(issueOf('identity-both', parent, message, message))
  } else if (!present(email) && !present(userId)) {
    issues.push(issueOf('identity-missing', parent, IDENTITY_MISSING, 'Give an email or a userId.'))
  } else if (present(email)) {
    const issue = checkEmailField(`${parent}.email`, email)
    if (issue) issues.push(issue)
  } else if (typeof userId !== 'string' || userId === '') {
    const message = '"userId" must be a non-empty string.'
    issues.push(issueOf('user-id-invalid', `${parent}.userId`, message, message))
  }
}

/** The errors of a list of issues (warnings dropped): what makes Loops answer 400. */
export const errorsOf = (issues: readonly LoopsIssue[]): LoopsIssue[] => issues.filter((issue) => issue.severity === 'error')
