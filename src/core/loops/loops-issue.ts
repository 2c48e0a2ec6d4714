/**
 * What a Loops rule found wrong with a request (or, as a warning, what Loops will ignore).
 *
 * - `message` is Loops' own wording: what the API answers (the mock answers exactly this in its 400).
 * - `detail` says the same for a person: what was wrong, where, what to do.
 * - `code` names the rule, for callers that branch or add their own hint.
 * - `path` points into the request: `body.eventName`, `body.eventProperties.plan`, `headers.Idempotency-Key`.
 */
export interface LoopsIssue {
  /** `error`: Loops answers 400. `warning`: Loops accepts the request and ignores this part. */
  severity: 'error' | 'warning'
  code: LoopsIssueCode
  path: string
  message: string
  detail: string
}

export type LoopsIssueCode =
  | 'body-not-object'
  | 'email-missing'
  | 'email-too-long'
  | 'email-invalid'
  | 'user-id-invalid'
  | 'identity-missing'
  | 'identity-both'
  | 'event-name-missing'
  | 'event-name-type'
  | 'event-name-empty'
  | 'event-name-colon'
  | 'too-long'
  | 'not-an-object'
  | 'value-type'
  | 'value-null'
  | 'property-name-empty'
  | 'property-name-invalid'
  | 'reserved-name'
  | 'ignored-name'
  | 'transactional-id-missing'
  | 'data-variable-type'
  | 'attachment-invalid'
  | 'idempotency-key-too-long'
