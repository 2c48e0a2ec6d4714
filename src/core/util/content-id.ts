import { stableHash, toUuidShape } from './stable-hash.ts'

/**
 * Ids from content: `next(content)` gives a UUID-shaped id from a hash of `content` and its ordinal among the
 * identical contents seen so far (the first `{"a":1}` is #0, the second #1…). An edit elsewhere in the input
 * leaves an id unchanged; only a change to the content itself (or to an identical earlier one) gives a new id.
 * Keeps one counter per distinct content hash, not the contents.
 */
export function createContentIds(): { next(content: string): string } {
  const seen = new Map<string, number>()
  return {
    next(content) {
      const hash = stableHash(content)
      const ordinal = seen.get(hash) ?? 0
      seen.set(hash, ordinal + 1)
      return toUuidShape(stableHash(`${ordinal}:${hash}`))
    },
  }
}
