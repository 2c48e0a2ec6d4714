import { positionAt, type TemplateIssue } from './template-issue.ts'

/** Literal template text, or a `{{Column name}}` token; `quoted` when the token sits inside a JSON string. */
export type TemplatePart =
  | { kind: 'text'; text: string; start: number; end: number }
  | { kind: 'token'; column: string; quoted: boolean; start: number; end: number }

export interface ParsedTemplate {
  source: string
  parts: TemplatePart[]
  /** Every column the template inserts, in first-use order. */
  columns: string[]
  /** Faults of the template itself (an unclosed or empty token); a template with any renders no row. */
  issues: TemplateIssue[]
}

/**
 * Splits a Clay HTTP API body template into text and `{{Column name}}` tokens. Whether a token is inside a JSON
 * string is read from the text before it (an unescaped `"` opens or closes a string), so `"{{Email}}"` and
 * `{{Seats}}` are told apart as Loops' guide and Clay's docs write them.
 */
export function parseBodyTemplate(source: string): ParsedTemplate {
  const parts: TemplatePart[] = []
  const columns: string[] = []
  const issues: TemplateIssue[] = []
  let inString = false
  let escaped = false
  const scanText = (text: string): void => {
    for (const c of text) {
      if (escaped) escaped = false
      else if (inString && c === '\\') escaped = true
      else if (c === '"') inString = !inString
    }
  }
  let i = 0
  while (i < source.length) {
    const open = source.indexOf('{{', i)
    if (open === -1) break
    const close = source.indexOf('}}', open + 2)
    const nextOpen = source.indexOf('{{', open + 2)
    if (close === -1 || source.slice(open + 2, close).includes('\n') || (nextOpen !== -1 && nextOpen < close)) {
      issues.push({
        code: 'unclosed-token',
        severity: 'error',
        message: 'This "{{" is never closed: write a column as {{Column name}} on one line.',
        start: positionAt(source, open),
        end: positionAt(source, open + 2),
      })
      // keep it as text and go on, to report every fault at once
      const text = source.slice(i, open + 2)
      parts.push({ kind: 'text', text, start: i, end: open + 2 })
      scanText(text)
      i = open + 2
      continue
    }
    if (open > i) {
      const text = source.slice(i, open)
      parts.push({ kind: 'text', text, start: i, end: open })
      scanText(text)
    }
    const column = source.slice(open + 2, close).trim()
    if (column === '') {
      issues.push({
        code: 'empty-token',
        severity: 'error',
        message: '"{{}}" names no column: write {{Column name}}, or type / to pick one.',
        start: positionAt(source, open),
        end: positionAt(source, close + 2),
      })
    } else {
      parts.push({ kind: 'token', column, quoted: inString, start: open, end: close + 2 })
      if (!columns.includes(column)) columns.push(column)
    }
    i = close + 2
  }
  if (i < source.length) parts.push({ kind: 'text', text: source.slice(i), start: i, end: source.length })
  return { source, parts, columns, issues }
}
