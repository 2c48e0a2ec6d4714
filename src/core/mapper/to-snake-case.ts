/** GA4-style snake_case: `Plan Upgraded` → `plan_upgraded`, `planUpgraded` → `plan_upgraded`. */
export function toSnakeCase(name: string): string {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '')
}
