/** Final avalanche of one lane, so short inputs spread over all bits. */
function mix(h: number, seed: number): string {
  let x = h ^ seed
  x = Math.imul(x ^ (x >>> 16), 0x85ebca6b)
  x = Math.imul(x ^ (x >>> 13), 0xc2b2ae35)
  return ((x ^ (x >>> 16)) >>> 0).toString(16).padStart(8, '0')
}

/**
 * A deterministic, non-cryptographic 128-bit hash (four FNV-1a lanes with distinct offsets), as 32 hex chars.
 * Used to derive message ids and idempotency keys: same input, same output, on every runtime.
 */
export function stableHash(input: string): string {
  let a = 0x811c9dc5
  let b = 0x01000193 ^ 0x5bd1e995
  let c = 0x9e3779b9
  let d = 0x85ebca6b
  for (let i = 0; i < input.length; i++) {
    const code = input.charCodeAt(i)
    a = Math.imul(a ^ code, 0x01000193)
    b = Math.imul(b ^ code, 0x01000193 + 2)
    c = Math.imul(c ^ code, 0x01000193 + 4)
    d = Math.imul(d ^ code, 0x01000193 + 6)
  }
  return mix(a, b) + mix(b, c) + mix(c, d) + mix(d, a)
}

/** Formats 32 hex chars as a UUID-shaped id (version nibble 8: "custom", as RFC 9562 allows). */
export function toUuidShape(hex32: string): string {
  const h = hex32.padEnd(32, '0')
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-8${h.slice(13, 16)}-${((parseInt(h[16] ?? '0', 16) & 0x3) | 0x8).toString(16)}${h.slice(17, 20)}-${h.slice(20, 32)}`
}
