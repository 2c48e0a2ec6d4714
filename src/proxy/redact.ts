/**
 * @module
 * Defence in depth for "the key never appears in a response or a log line": whatever an upstream echoes (a debug
 * server, a misbehaving mock), the secret is replaced before it leaves the proxy. Secrets shorter than
 * {@link REDACT_MIN} characters are not redacted, since replacing a short string would corrupt ordinary bodies;
 * the proxy refuses to start with a key that short (`checkProxyOptions`).
 */

export const REDACT_MIN = 8
export const REDACTED = '[redacted]'

function usable(secrets: readonly (string | undefined)[]): string[] {
  return secrets.filter((s): s is string => s !== undefined && s.length >= REDACT_MIN)
}

/** A header name with each secret replaced by `redacted` (brackets are not allowed in a name); case-insensitive, as names are. */
export function redactName(name: string, secrets: readonly (string | undefined)[]): string {
  let out = name.toLowerCase()
  for (const secret of usable(secrets)) out = out.replaceAll(secret.toLowerCase(), 'redacted')
  return out
}

/** `text` with every occurrence of each secret replaced by `[redacted]`. */
export function redact(text: string, secrets: readonly (string | undefined)[]): string {
  let out = text
  for (const secret of usable(secrets)) out = out.replaceAll(secret, REDACTED)
  return out
}

function indexOf(haystack: Uint8Array, needle: Uint8Array, from: number): number {
  const first = needle[0]
  outer: for (let i = haystack.indexOf(first ?? 0, from); i !== -1 && i <= haystack.length - needle.length; i = haystack.indexOf(first ?? 0, i + 1)) {
    for (let j = 1; j < needle.length; j++) if (haystack[i + j] !== needle[j]) continue outer
    return i
  }
  return -1
}

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  if (a.length === 0) return b
  const out = new Uint8Array(a.length + b.length)
  out.set(a)
  out.set(b, a.length)
  return out
}

/**
 * A byte stream that replaces each secret (UTF-8) with `[redacted]`, also across chunk boundaries: a chunk's tail
 * that is the beginning of a secret waits for the next chunk; everything else is passed on at once. Returns undefined when there is
 * nothing to redact, so callers can skip the transform.
 */
export function redactStream(secrets: readonly (string | undefined)[]): TransformStream<Uint8Array, Uint8Array> | undefined {
  const needles = usable(secrets).map((s) => new TextEncoder().encode(s))
  if (needles.length === 0) return undefined
  const hold = Math.max(...needles.map((n) => n.length)) - 1
  const replacement = new TextEncoder().encode(REDACTED)
  let pending: Uint8Array = new Uint8Array(0)
  const scrub = (bytes: Uint8Array): Uint8Array => {
    let out = bytes
    for (const needle of needles) {
      const parts: Uint8Array[] = []
      let from = 0
      for (let at = indexOf(out, needle, 0); at !== -1; at = indexOf(out, needle, from)) {
        parts.push(out.subarray(from, at), replacement)
        from = at + needle.length
      }
      if (parts.length > 0) out = parts.concat(out.subarray(from)).reduce(concat, new Uint8Array(0))
    }
    return out
  }
  // only a tail that could be the start of a secret waits for the next chunk; everything else flows on at once
  const heldBack = (bytes: Uint8Array): number => {
    for (let length = Math.min(hold, bytes.length); length > 0; length--) {
      const tail = bytes.subarray(bytes.length - length)
      if (needles.some((needle) => length < needle.length && tail.every((byte, i) => byte === needle[i]))) return length
    }
    return 0
  }
  return new TransformStream({
    transform(chunk, controller) {
      const bytes = scrub(concat(pending, chunk))
      const keep = heldBack(bytes)
      pending = bytes.slice(bytes.length - keep)
      if (bytes.length > keep) controller.enqueue(bytes.slice(0, bytes.length - keep))
    },
    flush(controller) {
      if (pending.length > 0) controller.enqueue(pending)
    },
  })
}
