import type { DataflyEnvelope } from '../schemas/datafly-envelope.ts'
import type { Issue } from '../schemas/issue.ts'
import { isObject } from '../loops/is-object.ts'

type Position = Pick<Issue, 'line' | 'column' | 'endLine' | 'endColumn'>

export interface CallArguments {
  method: 'track' | 'identify' | 'page' | 'group'
}

interface Built {
  envelope: DataflyEnvelope | null
  issues: Issue[]
  positions: Map<string, Position>
}


const USAGE: Record<CallArguments['method'], string> = {
  track: 'datafly.track(event: string, properties?: object)',
  identify: 'datafly.identify(userId: string | null, traits?: object)',
  page: 'datafly.page(name?: string, properties?: object)',
  group: 'datafly.group(groupId: string, traits?: object)',
}

/**
 * Turns the literal arguments of one call into an envelope. Argument positions arrive keyed `#0`, `#1.items`;
 * they leave keyed by envelope path (`event`, `properties.items`) so mapper issues can point into the script.
 */
export function toEnvelope(
  method: CallArguments['method'],
  args: unknown[],
  base: Pick<DataflyEnvelope, 'messageId' | 'anonymousId' | 'timestamp' | 'context'>,
  argPositions: Map<string, Position>,
): Built {
  const issues: Issue[] = []
  const positions = new Map<string, Position>()
  const bad = (i: number, message: string): Built => {
    issues.push({ severity: 'error', path: `call.arguments[${i}]`, message: `${message}. Usage: ${USAGE[method]}` })
    return { envelope: null, issues, positions }
  }
  const take = (argIndex: number, prefix: string): void => {
    const head = `#${argIndex}`
    for (const [key, position] of argPositions) {
      if (key === head) positions.set(prefix, position)
      else if (key.startsWith(`${head}.`) || key.startsWith(`${head}[`)) positions.set(prefix + key.slice(head.length), position)
    }
  }
  const maxArgs = 2
  if (args.length > maxArgs) {
    issues.push({
      severity: 'warning',
      path: `call.arguments[${maxArgs}]`,
      message: `Extra arguments are ignored. Usage: ${USAGE[method]}`,
    })
  }
  const [first, second] = args

  switch (method) {
    case 'track': {
      if (typeof first !== 'string' || first.trim() === '') return bad(0, 'The event name must be a non-empty string')
      if (second !== undefined && !isObject(second)) return bad(1, 'Properties must be an object')
      take(0, 'event')
      take(1, 'properties')
      return { envelope: { type: 'track', event: first, properties: second ?? {}, ...base }, issues, positions }
    }
    case 'identify': {
      if (first !== null && (typeof first !== 'string' || first === ''))
        return bad(0, 'The user id must be a non-empty string (or null to set traits only)')
      if (second !== undefined && !isObject(second)) return bad(1, 'Traits must be an object')
      take(0, 'userId')
      take(1, 'traits')
      return {
        envelope: { type: 'identify', ...(first !== null ? { userId: first } : {}), traits: second ?? {}, ...base },
        issues,
        positions,
      }
    }
    case 'page': {
      if (isObject(first) && second === undefined) {
        take(0, 'properties')
        return { envelope: { type: 'page', properties: first, ...base }, issues, positions }
      }
      if (first !== undefined && first !== null && typeof first !== 'string') return bad(0, 'The page name must be a string')
      if (second !== undefined && !isObject(second)) return bad(1, 'Properties must be an object')
      take(0, 'name')
      take(1, 'properties')
      return {
        envelope: { type: 'page', ...(typeof first === 'string' ? { name: first } : {}), properties: second ?? {}, ...base },
        issues,
        positions,
      }
    }
    case 'group': {
      if (typeof first !== 'string' || first === '') return bad(0, 'The group id must be a non-empty string')
      if (second !== undefined && !isObject(second)) return bad(1, 'Traits must be an object')
      take(0, 'groupId')
      take(1, 'traits')
      return { envelope: { type: 'group', groupId: first, traits: second ?? {}, ...base }, issues, positions }
    }
  }
}
