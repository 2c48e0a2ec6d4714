/** Sets an own enumerable property; `__proto__` is defined, never assigned, so it stays a plain key. */
export function setOwn(target: Record<string, unknown>, key: string, value: unknown): void {
  if (key === '__proto__') Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true })
  else target[key] = value
}

/** Copies the own enumerable properties of `source` onto `target` with `setOwn` (Object.assign would invoke the
 * `__proto__` setter and replace the target's prototype). */
export function assignOwn(target: Record<string, unknown>, source: Record<string, unknown>): void {
  for (const key of Object.keys(source)) setOwn(target, key, source[key])
}
