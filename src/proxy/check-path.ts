/**
 * @module
 * The raw-path guard. It runs on the path exactly as the client sent it, before anything decodes or normalises
 * it: a WHATWG URL would silently resolve `..` and `%2e%2e`, and an upstream may decode `%2f` or treat `\` as `/`.
 */

const UNSAFE = ['..', '%2e', '%2f', '%5c', '\\', '//'] as const

/** The first unsafe token in the path part of `rawPathAndQuery` (the query is not checked), or undefined. */
export function unsafePathToken(rawPathAndQuery: string): string | undefined {
  const end = rawPathAndQuery.search(/[?#]/)
  const path = (end === -1 ? rawPathAndQuery : rawPathAndQuery.slice(0, end)).toLowerCase()
  if (!path.startsWith('/')) return path.slice(0, 1) || '(empty path)'
  return UNSAFE.find((token) => path.includes(token))
}
