const IDENTIFIER = /^[A-Za-z_$][\w$]*$/

function keyOf(key: string): string {
  // a literal `__proto__: …` would set the prototype instead of a property: a computed key makes it a property
  if (key === '__proto__') return '["__proto__"]'
  return IDENTIFIER.test(key) ? key : JSON.stringify(key)
}

/**
 * A JSON value as a JavaScript literal, indented by two spaces: evaluating it and passing it to `JSON.stringify`
 * gives back exactly `JSON.stringify(value)` (same keys, same order).
 */
export function toJsLiteral(value: unknown, indent = ''): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null'
  const inner = `${indent}  `
  if (Array.isArray(value)) {
    if (value.length === 0) return '[]'
    return `[\n${value.map((item) => `${inner}${toJsLiteral(item, inner)}`).join(',\n')},\n${indent}]`
  }
  const entries = Object.entries(value)
  if (entries.length === 0) return '{}'
  return `{\n${entries.map(([key, item]) => `${inner}${keyOf(key)}: ${toJsLiteral(item, inner)}`).join(',\n')},\n${indent}}`
}
