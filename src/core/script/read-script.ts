import { parse, type Node } from 'acorn'
import type { DataflyEnvelope } from '../schemas/datafly-envelope.ts'
import type { Issue } from '../schemas/issue.ts'
import { createContentIds } from '../util/content-id.ts'
import { stableHash } from '../util/stable-hash.ts'
import { isObject } from '../loops/is-object.ts'
import { positionOf } from './position-of.ts'
import { readLiteral } from './read-literal.ts'
import { toEnvelope, type CallArguments } from './to-envelope.ts'

type Position = Pick<Issue, 'line' | 'column' | 'endLine' | 'endColumn'>
type AnyNode = Node & Record<string, unknown>

/** One `datafly.*` call of a script (setConsent excluded: it only changes the consent of later calls). */
export interface ScriptCall {
  /** 0-based position among the script's input calls. */
  index: number
  /** `track`, `identify`, `page`, `group`, or the unsupported method name that was called. */
  type: string
  event?: string
  /** null when the call's arguments could not be read; its issues say why. */
  envelope: DataflyEnvelope | null
  issues: Issue[]
  /** Where the call stands in the script. */
  position: Position
  /** Where parts of the envelope came from: `event`, `userId`, `properties.items[0]`, `traits.email`… */
  positions: Map<string, Position>
}

export interface ScriptRead {
  /** false when the source is not valid JavaScript; `issues` then holds the syntax error. */
  parsed: boolean
  calls: ScriptCall[]
  /** Script-level findings: syntax errors, statements that are not datafly calls. */
  issues: Issue[]
}

export interface ReadScriptOptions {
  /** Epoch ms of the first call's timestamp; later calls follow one second apart. */
  startTime?: number
}

const CALLS = new Set(['track', 'identify', 'page', 'group', 'setConsent'])
const DEFAULT_START = Date.UTC(2026, 0, 1)

/**
 * Reads a Datafly.js script into envelopes with a real JavaScript parser; nothing is evaluated.
 * Ids are deterministic: a call's messageId is a hash of its own content (method, arguments, the consent in
 * force) and its ordinal among identical calls, so editing one call changes only that call's id.
 */
export function readScript(source: string, options: ReadScriptOptions = {}): ScriptRead {
  let program: AnyNode
  try {
    program = parse(source, {
      ecmaVersion: 'latest',
      sourceType: 'module',
      locations: true,
      allowAwaitOutsideFunction: true,
      allowHashBang: true,
    }) as unknown as AnyNode
  } catch (error) {
    const loc = (error as { loc?: { line: number; column: number } }).loc
    const raw = error instanceof Error ? error.message.replace(/\s*\(\d+:\d+\)$/, '') : String(error)
    // acorn is recursive: brackets nested thousands deep exhaust its stack before they can be read
    const tooDeep = error instanceof RangeError || /stack space|call stack/i.test(raw)
    if (tooDeep) {
      return {
        parsed: false,
        calls: [],
        issues: [{ severity: 'error', path: 'script', message: `A value in the script nests brackets too deeply to read (thousands of levels; Loops takes only flat values). Flatten it or move it to an envelope file, where such a line is reported alone.`, ...(loc ? { line: loc.line, column: loc.column + 1 } : {}) }],
      }
    }
    const text = raw
    return {
      parsed: false,
      calls: [],
      issues: [
        {
          severity: 'error',
          path: 'script',
          message: `Syntax error: ${text}. Fix the script; it must be valid JavaScript made of datafly.* calls.`,
          ...(loc ? { line: loc.line, column: loc.column + 1 } : {}),
        },
      ],
    }
  }

  const scriptHash = stableHash(source)
  const ids = createContentIds()
  const anonymousId = `anon-${scriptHash.slice(0, 16)}`
  const start = options.startTime ?? DEFAULT_START
  const calls: ScriptCall[] = []
  const issues: Issue[] = []
  let consent: Record<string, unknown> | undefined

  for (const statement of program['body'] as AnyNode[]) {
    if (statement.type === 'EmptyStatement') continue
    const call = callOf(statement)
    if (!call) {
      issues.push({
        severity: 'warning',
        path: 'script',
        message: 'Ignored: only datafly.track / identify / page / group / setConsent calls are read from a script.',
        ...positionOf(statement),
      })
      continue
    }
    const { method, args, node } = call
    const position = positionOf(node)
    const callIssues: Issue[] = []
    const positions = new Map<string, Position>()
    const values: unknown[] = []
    args.forEach((arg, i) => {
      const read = readLiteral(arg, `call.arguments[${i}]`)
      callIssues.push(...read.issues)
      values.push(read.value)
      for (const [k, p] of read.positions) positions.set(`#${i}${k.startsWith('[') ? '' : '.'}${k}`, p)
      positions.set(`#${i}`, positionOf(arg))
    })

    if (method === 'setConsent') {
      const value = values[0]
      if (callIssues.length === 0 && isObject(value)) {
        consent = 'canonical' in value || 'categories' in value ? value : { canonical: value }
      } else if (callIssues.length === 0) {
        issues.push({
          severity: 'error',
          path: 'script',
          message: 'datafly.setConsent needs one object, e.g. { marketing: true, analytics: true }.',
          ...position,
        })
      } else issues.push(...callIssues)
      continue
    }

    const index = calls.length
    const base = {
      // the call's own content (method, arguments, consent in force) and its ordinal among identical calls: an
      // edit elsewhere in the script leaves this call's id, hence its Idempotency-Key, unchanged
      messageId: ids.next(JSON.stringify([method, values, consent ?? null])),
      anonymousId,
      timestamp: new Date(start + index * 1000).toISOString(),
      ...(consent ? { context: { consent: structuredCloneJson(consent) } } : {}),
    }
    const built = CALLS.has(method)
      ? toEnvelope(method as CallArguments['method'], values, base, positions)
      : {
          envelope: null,
          issues: [
            {
              severity: 'error' as const,
              path: 'call',
              message: `datafly.${method} is not supported: use track, identify, page, group or setConsent.`,
            },
          ],
          positions: new Map<string, Position>(),
        }
    const located = [...callIssues, ...built.issues].map((issue) =>
      issue.line === undefined ? { ...issue, ...(positions.get(`#${issueArg(issue.path)}`) ?? position) } : issue,
    )
    const event = built.envelope?.type === 'track' ? built.envelope.event : undefined
    calls.push({
      index,
      type: method,
      ...(event !== undefined ? { event } : {}),
      envelope: callIssues.some((i) => i.severity === 'error') ? null : built.envelope,
      issues: located,
      position,
      positions: built.positions,
    })
  }
  return { parsed: true, calls, issues }
}

const issueArg = (path: string): string => /^call\.arguments\[(\d+)\]/.exec(path)?.[1] ?? '-'

function callOf(statement: AnyNode): { method: string; args: Node[]; node: Node } | undefined {
  if (statement.type !== 'ExpressionStatement') return undefined
  let expr = statement['expression'] as AnyNode
  if (expr.type === 'AwaitExpression') expr = expr['argument'] as AnyNode
  if (expr.type !== 'CallExpression') return undefined
  const callee = expr['callee'] as AnyNode
  if (callee.type !== 'MemberExpression' || callee['computed']) return undefined
  const object = callee['object'] as AnyNode
  const property = callee['property'] as AnyNode
  if (object.type !== 'Identifier' || object['name'] !== 'datafly' || property.type !== 'Identifier') return undefined
  return { method: property['name'] as string, args: expr['arguments'] as Node[], node: expr }
}

function structuredCloneJson<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T
}
