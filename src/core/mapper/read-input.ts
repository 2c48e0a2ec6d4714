import type { Issue } from '../schemas/issue.ts'
import { readScript } from '../script/read-script.ts'
import type { InputCall } from './input-call.ts'
import { readEnvelopes } from './read-envelopes.ts'

export type InputKind = 'script' | 'ndjson' | 'json'

export type InputRead =
  | { ok: true; kind: InputKind; calls: InputCall[]; issues: Issue[] }
  | { ok: false; message: string }

/** Picks the reader from a file name (`.js`, `.ndjson`/`.jsonl`, `.json`), or sniffs the text for stdin. */
export function inputKindOf(fileName: string | undefined, text: string): InputKind {
  const ext = /\.([a-z]+)$/i.exec(fileName ?? '')?.[1]?.toLowerCase()
  if (ext === 'js' || ext === 'mjs' || ext === 'cjs' || ext === 'ts') return 'script'
  if (ext === 'ndjson' || ext === 'jsonl') return 'ndjson'
  if (ext === 'json') return 'json'
  const first = text.trimStart()[0]
  if (first === '[') return 'json'
  if (first === '{') return 'ndjson'
  return 'script'
}

/**
 * Reads a script, NDJSON envelopes or a JSON array of envelopes into input calls. Fails (ok: false, with a
 * one-line explanation) only when the text is not a script or envelopes at all; a bad envelope or call becomes an
 * invalid call instead, so nothing is lost.
 */
export function readInput(text: string, kind: InputKind): InputRead {
  if (kind === 'script') {
    const read = readScript(text)
    if (!read.parsed) {
      const issue = read.issues[0]
      const where = issue?.line !== undefined ? `${issue.line}:${issue.column ?? 1}: ` : ''
      return { ok: false, message: `not a Datafly.js script: ${where}${issue?.message ?? 'syntax error'}` }
    }
    return { ok: true, kind, calls: read.calls, issues: read.issues }
  }
  if (kind === 'json') {
    let value: unknown
    try {
      value = JSON.parse(text)
    } catch (error) {
      return { ok: false, message: `not JSON envelopes: ${(error as Error).message}. Give a JSON array of envelopes, or NDJSON.` }
    }
    if (typeof value === 'object' && value !== null && !Array.isArray(value)) value = [value]
    if (!Array.isArray(value)) return { ok: false, message: 'not JSON envelopes: expected an array of envelope objects.' }
    return { ok: true, kind, calls: readEnvelopes(value), issues: [] }
  }
  const lines = text.split(/\r?\n/)
  const values: unknown[] = []
  const lineOf: number[] = []
  const bad = new Map<number, string>()
  lines.forEach((line, i) => {
    if (line.trim() === '') return
    try {
      values.push(JSON.parse(line))
    } catch (error) {
      values.push(undefined)
      bad.set(values.length - 1, (error as Error).message)
    }
    lineOf.push(i + 1)
  })
  if (values.length === 0) return { ok: false, message: 'no envelopes: the input is empty.' }
  if (bad.size === values.length) {
    return { ok: false, message: `not NDJSON envelopes: line ${lineOf[0] ?? 1} is not JSON (${bad.get(0) ?? ''}).` }
  }
  const calls = readEnvelopes(values).map((call, i): InputCall => {
    const reason = bad.get(i)
    if (reason === undefined) return call.envelope === null ? { ...call, issues: call.issues.map((issue) => ({ ...issue, message: `Line ${lineOf[i] ?? '?'}: ${issue.message}`, line: lineOf[i] ?? 1 })) } : call
    return { ...call, issues: [{ severity: 'error', path: 'envelope', message: `Line ${lineOf[i] ?? '?'} is not JSON (${reason}); fix or remove it.`, line: lineOf[i] ?? 1 }] }
  })
  return { ok: true, kind, calls, issues: [] }
}
