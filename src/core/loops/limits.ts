/** Loops' limit per body key or value, counted as JSON text including the quotes ("500 characters for each value"). */
export const VALUE_MAX = 500

/** The longest email address Loops takes (RFC 5321's 64 + 1 + 255, rounded as Loops does: 320). */
export const EMAIL_MAX = 320

/** Loops' limit for the `Idempotency-Key` header (OpenAPI `maxLength: 100`). */
export const IDEMPOTENCY_KEY_MAX = 100

/** Contact property names Loops reserves (its docs: Contacts › Properties › Reserved names); Loops ignores them in a body. */
export const RESERVED_CONTACT_PROPERTIES: ReadonlySet<string> = new Set(['id', 'listId', 'softDeleteAt', 'teamId', 'updatedAt'])

/** Default properties the API does not set (`optInStatus`, `notes`, `createdAt`): accepted in a body and ignored. */
export const IGNORED_CONTACT_PROPERTIES: ReadonlySet<string> = new Set(['optInStatus', 'notes', 'createdAt'])
