/** `value.trim()`, without allocating when neither end can be whitespace (the common case). */
export function trimCheap(value: string): string {
  const first = value.charCodeAt(0)
  const last = value.charCodeAt(value.length - 1)
  // every whitespace character String#trim removes is ≤ 0x20 or ≥ 0xa0
  if (value.length > 0 && first > 32 && first < 160 && last > 32 && last < 160) return value
  return value.trim()
}
