import { cellText, isEmptyCell, type ClayRow } from './clay-row.ts'
import type { ParsedTemplate } from './parse-body-template.ts'
import { scanJson } from './scan-json.ts'
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
  const known = options.columns ? new Set(options.columns) : undefined
  // rendered offsets → template parts, to point a JSON fault back at the template
  const spans: { from: number; to: number; part: ParsedTemplate['parts'][number] }[] = []
  let text = ''
  for (const part of template.parts) {
    const from = text.length
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
    spans.push({ from, to: text.length, part })
  }
  if (issues.length > 0) return { ok: false, issues }

  const fault = scanJson(text)
  if (fault) {
    const span = spans.find((s) => fault.offset >= s.from && fault.offset < s.to) ?? spans.at(-1)
    const part = span?.part
    let start = positionAt(source, source.length)
    let end = start
    let column: string | undefined
    let message = `The body is not valid JSON: ${fault.message}`
    if (part?.kind === 'token') {
      start = positionAt(source, part.start)
      end = positionAt(source, part.end)
      column = part.column
      const value = cellText(row[part.column])
      message =
        `The value of "${part.column}" (${JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value)}) makes the body invalid JSON at ${describePosition(start)}: ${fault.message}.` +
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
  const value: unknown = JSON.parse(text)
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
