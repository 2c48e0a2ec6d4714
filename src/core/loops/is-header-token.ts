/**
 * Printable ASCII without spaces (0x21–0x7e): what an API key or an idempotency key may be so that it travels in
 * an HTTP header unchanged (`Authorization: Bearer <key>`, `Idempotency-Key: <key>`). Linear.
 */
export const isHeaderToken = (value: string): boolean => value.length > 0 && /^[\x21-\x7e]+$/.test(value)
