import { computed } from '@preact/signals'
import type { Issue, MapResult, ScriptCall } from '../../core/index.ts'
import { describeCall, lineOf } from './describe-call.ts'
import { mapping } from './mapping.ts'

const where = (issue: Issue): string => (issue.line !== undefined ? `line ${issue.line}:${issue.column ?? 1} ` : '')
const say = (issue: Issue): string => `${where(issue)}${issue.path}: ${issue.message}`

/** One entry of the "Loops request" view: the request as the sender will send it, or why there is none. */
function entryOf(result: MapResult, line: string): Record<string, unknown> {
  const head = { call: `${describeCall(result)}${line ? ` (${line})` : ''}`, status: result.status }
  const warnings = result.issues.filter((i) => i.severity !== 'error').map(say)
  const errors = result.issues.filter((i) => i.severity === 'error').map(say)
  if (result.status === 'skipped') return { ...head, reason: result.reason ?? '' }
  if (result.status === 'invalid') return { ...head, issues: errors, ...(warnings.length ? { notes: warnings } : {}) }
  const request = result.request
  if (!request) return head
  return {
    ...head,
    request: `${request.method} ${request.path}`,
    headers: { Authorization: 'Bearer <API key, added when sending>', ...request.headers },
    body: request.body,
    ...(warnings.length ? { notes: warnings } : {}),
  }
}

/** The entries the "Loops request" editor shows for these results (one each, in order). */
export const entriesFor = (results: readonly MapResult[], calls: readonly ScriptCall[]): Record<string, unknown>[] =>
  results.map((result) => entryOf(result, lineOf(calls[result.source.index])))

/** One entry per result, as the "Loops request" editor shows them (in the results' order). */
export const requestEntries = computed((): Record<string, unknown>[] => entriesFor(mapping.value.results, mapping.value.calls))

/** The read-only JSON the "Loops request" editor shows, recomputed on every edit. */
export const requestText = computed((): string => `${JSON.stringify(requestEntries.value, null, 2)}\n`)

/** The ready requests, in input order: what Send sends. */
export const readyResults = computed(() => mapping.value.results.filter((r) => r.status === 'ready' && r.request))

/** true when some ready body nests contact properties (the Datafly shape) rather than putting them at the root. */
export const nestsContactProperties = computed(() =>
  readyResults.value.some((r) => r.request?.body !== undefined && 'contactProperties' in r.request.body),
)
