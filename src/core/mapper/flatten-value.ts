/**
 * Flattens objects and arrays into scalar leaves keyed `items[0].sku` (what a preset with
 * `nonScalarValues: flatten` sends, since Loops accepts only scalar values).
 */
export function flattenValue(prefix: string, value: unknown, out: [string, unknown][] = []): [string, unknown][] {
  if (Array.isArray(value)) {
    value.forEach((item, i) => flattenValue(`${prefix}[${i}]`, item, out))
  } else if (typeof value === 'object' && value !== null) {
    for (const [key, item] of Object.entries(value)) flattenValue(`${prefix}.${key}`, item, out)
  } else {
    out.push([prefix, value])
  }
  return out
}
