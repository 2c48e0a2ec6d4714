import type { Preset } from '../schemas/preset.ts'
import { isScalar } from '../loops/is-scalar.ts'
import { kindOf } from '../loops/kind-of.ts'
import { RESERVED_CONTACT_PROPERTIES } from '../loops/limits.ts'
import { setOwn } from '../util/set-own.ts'
import { flattenValue } from './flatten-value.ts'
import type { MapperIssue } from './map-result.ts'


/**
 * Puts `value` into `target[key]` if Loops accepts it there, else applies the preset's policy and says so.
 * Contact properties accept `null` (reset) and refuse reserved names; event properties accept scalars only.
 */
export function putValue(
  target: Record<string, unknown>,
  key: string,
  value: unknown,
  kind: 'contact' | 'event',
  bodyPath: string,
  fromPath: string | undefined,
  policy: Preset['nonScalarValues'],
  issues: MapperIssue[],
): void {
  if (value === undefined) return
  const from = fromPath !== undefined ? { from: fromPath } : {}
  if (kind === 'contact' && RESERVED_CONTACT_PROPERTIES.has(key)) {
    issues.push({
      severity: 'warning',
      path: `${bodyPath}.${key}`,
      message: `"${key}" is a reserved Loops contact property (id, listId, softDeleteAt, teamId, updatedAt): Loops ignores it, so it was dropped. Route it to another name.`,
      ...from,
    })
    return
  }
  if (isScalar(value) || (value === null && kind === 'contact')) {
    setOwn(target, key, value)
    return
  }
  const path = `${bodyPath}.${key}`
  if (value === null) {
    issues.push({
      severity: 'warning',
      path,
      message: `"${key}" is null, which Loops does not accept as an event property: dropped. Leave the key out or send a value.`,
      ...from,
    })
    return
  }
  if (typeof value === 'object' && policy === 'flatten') {
    const leaves = flattenValue(key, value)
    issues.push({
      severity: 'info',
      path,
      message: `"${key}" is ${kindOf(value)}; flattened into ${leaves.length} key(s) such as ${leaves[0]?.[0] ?? key} (nonScalarValues: flatten).`,
      ...from,
    })
    for (const [leafKey, leaf] of leaves) putValue(target, leafKey, leaf, kind, bodyPath, fromPath, policy, issues)
    return
  }
  issues.push({
    severity: 'warning',
    path,
    message:
      typeof value === 'object'
        ? `"${key}" is ${kindOf(value)}, and Loops accepts only string, number, boolean or date values: dropped. Set "nonScalarValues": "flatten" in the preset to send keys like ${key}[0].sku, or route a scalar.`
        : `"${key}" is ${kindOf(value)} (${String(value)}), which Loops cannot store: dropped.`,
    ...from,
  })
}

