import { cellText, isEmptyCell, type ClayRow } from './clay-row.ts'
import type { ParsedTemplate } from './parse-body-template.ts'
import { JSON_DEPTH_MAX, scanJson, type JsonFault } from './scan-json.ts'
import { describePosition, positionAt, type TemplateIssue } from './template-issue.ts'

export interface RenderOptions {
  /** 1-based, for issues. */
  rowNumber: number
  /** The table's columns: a token naming another is an `unknown-column` issue. Absent: any name is accepted. */
  columns?: readonly string[]
  /** Clay's "Remove null & undefined values": drop object keys whose value is null, at every depth. */
  removeEmpty?: boolean
}

export type RenderResult =
  | { ok: true; body: Record<string, unknown>; text: string }
  | { ok: false; issues: TemplateIssue[]; text?: string }

/**
 * What a token turns into. Inside a JSON string the cell's text is JSON-escaped (quotes, backslashes, line breaks,
 * control characters; non-ASCII stays as it is, which JSON allows). A bare token inserts the raw value, as Clay
 * does: a number or boolean as itself, a string's text unchanged (so `42` stays a number and `Acme` is invalid
 * JSON), an object as JSON, and an empty cell as `null`.
 */
export function insertValue(value: unknown, quoted: boolean): string {
  if (quoted) return JSON.stringify(cellText(value)).slice(1, -1)
  if (isEmptyCell(value)) return 'null'
  if (typeof value === 'string') return value
  if (typeof value === 'number' || typeof value === 'boolean') return String(value)
  return JSON.stringify(value) ?? 'null'
}

/** Renders one row through a parsed template into a JSON body, or says why not (with the row and the position). */
export function renderBodyTemplate(template: ParsedTemplate, row: ClayRow, options: RenderOptions): RenderResult {
  const { source } = template
  const issueOf = (issue: TemplateIssue): TemplateIssue => ({ ...issue, row: options.rowNumber })
  if (template.issues.length > 0) return { ok: false, issues: template.issues.map(issueOf) }
  const issues: TemplateIssue[] = []
  const known = options.columns ? columnSet(options.columns) : undefined
  // where each part ends in the rendered text, to point a JSON fault back at the template
  const ends: number[] = []
  let text = ''
  for (const part of template.parts) {
    if (part.kind === 'text') text += part.text
    else {
      if (known && !known.has(part.column)) {
        const near = [...known].find((c) => c.toLowerCase() === part.column.toLowerCase())
        issues.push({
          code: 'unknown-column',
          severity: 'error',
          message: `There is no column "${part.column}"${near !== undefined ? `; did you mean "${near}"? (names are case-sensitive)` : ''}. Add the column or pick one with /.`,
          row: options.rowNumber,
          column: part.column,
          start: positionAt(source, part.start),
          end: positionAt(source, part.end),
        })
        continue
      }
      text += insertValue(row[part.column], part.quoted)
    }
    ends.push(text.length)
  }
  if (issues.length > 0) return { ok: false, issues }

  // JSON.parse first (fast); the position-aware scan runs only to explain a failure
  let value: unknown
  let fault: JsonFault | undefined
  try {
    value = JSON.parse(text)
    if (deeperThan(value, JSON_DEPTH_MAX)) fault = scanJson(text) ?? { offset: text.length, message: `nested deeper than ${JSON_DEPTH_MAX} levels` }
  } catch {
    fault = scanJson(text) ?? { offset: text.length, message: 'not valid JSON' }
  }
  if (fault) {
    let index = ends.findIndex((end) => fault.offset < end)
    if (index === -1) index = ends.length - 1
    const part = template.parts[index]
    const span = part ? { from: index > 0 ? (ends[index - 1] ?? 0) : 0 } : undefined
    let start = positionAt(source, source.length)
    let end = start
    let column: string | undefined
    let message = `The body is not valid JSON: ${fault.message}`
    if (part?.kind === 'token') {
      start = positionAt(source, part.start)
      end = positionAt(source, part.end)
      column = part.column
      const cell = cellText(row[part.column])
      message =
        `The value of "${part.column}" (${JSON.stringify(cell.length > 40 ? `${cell.slice(0, 40)}…` : cell)}) makes the body invalid JSON at ${describePosition(start)}: ${fault.message}.` +
        (part.quoted ? '' : ` A bare {{${part.column}}} inserts the raw value; wrap it in quotes ("{{${part.column}}}") to send it as text.`)
    } else if (part && span) {
      const at = part.start + Math.min(fault.offset - span.from, part.end - part.start)
      start = positionAt(source, at)
      end = positionAt(source, Math.min(at + 1, source.length))
      message = `The body is not valid JSON at ${describePosition(start)}: ${fault.message}.`
    }
    return {
      ok: false,
      text,
      issues: [{ code: 'invalid-json', severity: 'error', message, row: options.rowNumber, ...(column !== undefined ? { column } : {}), start, end }],
    }
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    const start = positionAt(source, 0)
    return {
      ok: false,
      text,
      issues: [
        {
          code: 'not-an-object',
          severity: 'error',
          message: `The body must be a JSON object ({ … }), not ${Array.isArray(value) ? 'an array' : value === null ? 'null' : `a ${typeof value}`}.`,
          row: options.rowNumber,
          start,
          end: positionAt(source, source.length),
        },
      ],
    }
  }
  const body = options.removeEmpty ? (removeNulls(value) as Record<string, unknown>) : (value as Record<string, unknown>)
  return { ok: true, body, text: options.removeEmpty ? JSON.stringify(body) : text }
}

/** Drops null-valued keys of objects at every depth (arrays keep their items). Depth is bounded by scanJson. */
function removeNulls(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(removeNulls)
  if (typeof value !== 'object' || value === null) return value
  const out: Record<string, unknown> = {}
  for (const [key, item] of Object.entries(value)) {
    if (item === null) continue
    Object.defineProperty(out, key, { value: removeNulls(item), enumerable: true, writable: true, configurable: true })
  }
  return out
}

/** Whether a parsed value nests deeper than `max` levels (an iterative walk that stops as soon as it knows). */
function deeperThan(root: unknown, max: number): boolean {
  const stack: [unknown, number][] = [[root, 0]]
  while (stack.length > 0) {
    const [value, depth] = stack.pop() as [unknown, number]
    if (typeof value !== 'object' || value === null) continue
    if (depth > max) return true
    for (const item of Array.isArray(value) ? value : Object.values(value)) if (typeof item === 'object' && item !== null) stack.push([item, depth + 1])
  }
  return false
}

const sets = new WeakMap<readonly string[], ReadonlySet<string>>()

/** The table's columns as a set, built once per columns array (a run renders every row against the same one). */
function columnSet(columns: readonly string[]): ReadonlySet<string> {
  let set = sets.get(columns)
  if (!set) {
    set = new Set(columns)
    sets.set(columns, set)
  }
  return set
}
