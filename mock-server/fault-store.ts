import type { FaultRule } from './types.ts'

export type StoredFault = FaultRule & { id: string }

export interface FaultStore {
  add(rule: FaultRule): string
  remove(id: string): void
  clear(): void
  list(): StoredFault[]
  /** the first rule that applies to this request (consuming one of its `count`), if any */
  match(method: string, path: string): StoredFault | undefined
}

const check = (ok: boolean, message: string): void => {
  if (!ok) throw new TypeError(message)
}

/** Validates a rule from user input; throws a TypeError that names the field. */
export function checkFaultRule(rule: FaultRule): void {
  check(typeof rule === 'object' && rule !== null && !Array.isArray(rule), 'a fault rule must be an object')
  check(rule.path === undefined || (typeof rule.path === 'string' && rule.path.startsWith('/')), '`path` must be a string starting with "/"')
  check(rule.method === undefined || typeof rule.method === 'string', '`method` must be a string such as "POST"')
  check(rule.status === undefined || (Number.isInteger(rule.status) && rule.status >= 200 && rule.status <= 599), '`status` must be an integer from 200 to 599')
  check(rule.status !== 204 && rule.status !== 205 && rule.status !== 304, '`status` 204, 205 and 304 carry no body; use a status whose answer is a JSON body')
  check(rule.latencyMs === undefined || (typeof rule.latencyMs === 'number' && rule.latencyMs >= 0 && rule.latencyMs <= 60_000), '`latencyMs` must be a number from 0 to 60000')
  check(rule.drop === undefined || typeof rule.drop === 'boolean', '`drop` must be true or false')
  check(rule.count === undefined || (Number.isInteger(rule.count) && rule.count >= 1), '`count` must be an integer ≥ 1')
  check(rule.probability === undefined || (typeof rule.probability === 'number' && rule.probability >= 0 && rule.probability <= 1), '`probability` must be a number from 0 to 1')
  check(rule.status !== undefined || rule.latencyMs !== undefined || rule.drop === true, 'give at least one of `status`, `latencyMs` or `drop: true`')
}

/** Fault rules, matched in the order added; `count` rules disappear when used up. */
export function createFaultStore(random: () => number): FaultStore {
  let rules: StoredFault[] = []
  let next = 0
  return {
    add(rule) {
      checkFaultRule(rule)
      const id = `fault-${++next}`
      const stored: StoredFault = { id }
      for (const key of ['path', 'method', 'status', 'latencyMs', 'drop', 'count', 'probability'] as const)
        if (rule[key] !== undefined) Object.assign(stored, { [key]: key === 'method' ? String(rule.method).toUpperCase() : rule[key] })
      rules.push(stored)
      return id
    },
    remove(id) {
      rules = rules.filter((r) => r.id !== id)
    },
    clear() {
      rules = []
    },
    list: () => rules.map((r) => ({ ...r })),
    match(method, path) {
      for (const rule of rules) {
        if (rule.path !== undefined && rule.path !== path) continue
        if (rule.method !== undefined && rule.method !== method) continue
        if (rule.probability !== undefined && random() >= rule.probability) continue
        if (rule.count !== undefined) {
          rule.count--
          if (rule.count <= 0) rules = rules.filter((r) => r !== rule)
        }
        return { ...rule }
      }
      return undefined
    },
  }
}
