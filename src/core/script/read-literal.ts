import type { Node } from 'acorn'
import type { Issue } from '../schemas/issue.ts'
import { MAX_NESTING } from '../util/nesting-depth.ts'
import { positionOf } from './position-of.ts'

/** A JSON-like value read from source, with the positions of the object keys inside it. */
export interface LiteralRead {
  value: unknown
  /** `items`, `items[0]`, `items[0].sku` → where that key or element stands in the source. */
  positions: Map<string, Pick<Issue, 'line' | 'column' | 'endLine' | 'endColumn'>>
  issues: Issue[]
}

type AnyNode = Node & Record<string, unknown>

const join = (base: string, key: string): string => (base === '' ? key : `${base}.${key}`)

/**
 * Reads an argument that must be a JSON-like literal (object, array, string, number, boolean, null).
 * Anything else (identifiers, calls, spreads, computed keys, functions) becomes an error issue with a position,
 * and the offending part is left out of the value. Nothing is evaluated.
 */
export function readLiteral(node: Node, issuePath: string): LiteralRead {
  const positions: LiteralRead['positions'] = new Map()
  const issues: Issue[] = []

  const fail = (n: Node, what: string, path: string): undefined => {
    issues.push({
      severity: 'error',
      path: path === '' ? issuePath : `${issuePath}.${path}`,
      message: `${what.charAt(0).toUpperCase()}${what.slice(1)} is not a JSON-like literal: arguments may only be objects, arrays, strings, numbers, booleans or null (the script is read, never run)`,
      ...positionOf(n),
    })
    return undefined
  }

  const read = (raw: Node, path: string, depth = 0): unknown => {
    const n = raw as AnyNode
    if ((n.type === 'ArrayExpression' || n.type === 'ObjectExpression') && depth >= MAX_NESTING)
      return fail(n, `a value nested more than ${MAX_NESTING} levels deep (Loops takes only flat values; flatten it)`, path)
    switch (n.type) {
      case 'Literal': {
        const v = n['value']
        if (v === null || typeof v === 'string' || typeof v === 'boolean') return v
        if (typeof v === 'number') return v
        return fail(n, n['regex'] ? 'a regular expression' : 'a bigint', path)
      }
      case 'TemplateLiteral': {
        const quasis = n['quasis'] as AnyNode[]
        if ((n['expressions'] as unknown[]).length > 0) return fail(n, 'a template literal with ${…}', path)
        return ((quasis[0]?.['value'] as { cooked?: string } | undefined)?.cooked ?? '') as string
      }
      case 'UnaryExpression': {
        const arg = n['argument'] as AnyNode
        if ((n['operator'] === '-' || n['operator'] === '+') && arg.type === 'Literal' && typeof arg['value'] === 'number') {
          return n['operator'] === '-' ? -(arg['value'] as number) : (arg['value'] as number)
        }
        return fail(n, `the expression ${String(n['operator'])}…`, path)
      }
      case 'ArrayExpression': {
        const out: unknown[] = []
        ;(n['elements'] as (AnyNode | null)[]).forEach((el, i) => {
          const p = `${path}[${i}]`
          if (el === null) {
            fail(n, 'an array hole', p)
            return
          }
          if (el.type === 'SpreadElement') {
            fail(el, 'a spread (...)', p)
            return
          }
          positions.set(p, positionOf(el))
          const v = read(el, p, depth + 1)
          if (v !== undefined) out.push(v)
        })
        return out
      }
      case 'ObjectExpression': {
        const out: Record<string, unknown> = {}
        for (const prop of n['properties'] as AnyNode[]) {
          if (prop.type === 'SpreadElement') {
            fail(prop, 'a spread (...)', path)
            continue
          }
          const keyNode = prop['key'] as AnyNode
          const key =
            !prop['computed'] && keyNode.type === 'Identifier'
              ? (keyNode['name'] as string)
              : keyNode.type === 'Literal' && (typeof keyNode['value'] === 'string' || typeof keyNode['value'] === 'number')
                ? String(keyNode['value'])
                : undefined
          if (key === undefined || prop['computed']) {
            fail(keyNode, 'a computed key', path)
            continue
          }
          const p = join(path, key)
          if (prop['kind'] !== 'init' || prop['method']) {
            fail(prop, `the ${String(prop['kind'])} method "${key}"`, p)
            continue
          }
          if (prop['shorthand']) {
            fail(prop, `the shorthand property "${key}" (a variable)`, p)
            continue
          }
          positions.set(p, positionOf(keyNode))
          const v = read(prop['value'] as AnyNode, p, depth + 1)
          if (v !== undefined) {
            // define, never assign: a "__proto__" key stays a plain own property
            Object.defineProperty(out, key, { value: v, enumerable: true, writable: true, configurable: true })
          }
        }
        return out
      }
      case 'Identifier':
        if (n['name'] === 'undefined') return fail(n, '`undefined` (use null, or leave the key out)', path)
        return fail(n, `the variable \`${String(n['name'])}\``, path)
      default:
        return fail(n, `a ${n.type.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase()}`, path)
    }
  }

  const value = read(node, '')
  return { value, positions, issues }
}
