import { ClayEndpointError, parseBodyTemplate, planClayRow, readClayEndpoint, type ClayRow, type TemplatePosition } from '../../core/clay/index.ts'
import type { EditorMarker } from '../editor/editor-marker.ts'
import type { HttpColumn } from './clay-model.ts'

export interface BodyPreview {
  /** The rendered body, pretty-printed; empty when it does not render. */
  text: string
  /** What is wrong, in words, for the list under the preview. */
  problems: { severity: 'error' | 'warning'; message: string }[]
  /** The same problems placed in the template, for the editor. */
  markers: EditorMarker[]
  skipped?: string
}

const marker = (severity: 'error' | 'warning', message: string, start: TemplatePosition, end: TemplatePosition): EditorMarker => ({
  severity,
  message,
  startLineNumber: start.line,
  startColumn: start.character,
  endLineNumber: end.line,
  endColumn: Math.max(end.character, start.line === end.line ? start.character + 1 : end.character),
})

/** Where a body key is written in the template (`"email"` before a colon), to place a Loops-rule marker. */
function keyPosition(template: string, key: string): { start: TemplatePosition; end: TemplatePosition } | undefined {
  const match = new RegExp(`"${key.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}"\\s*:`).exec(template)
  const at = match ? match.index : -1
  if (at < 0) return undefined
  const pos = (offset: number): TemplatePosition => {
    const lines = template.slice(0, offset).split('\n')
    return { offset, line: lines.length, character: (lines.at(-1)?.length ?? 0) + 1 }
  }
  return { start: pos(at), end: pos(at + key.length + 2) }
}

/** The live preview of an HTTP API column's body for one row: the rendered JSON, invalid JSON and Loops rules. */
export function previewBody(column: HttpColumn, row: ClayRow | undefined, rowNumber: number, columns: readonly string[]): BodyPreview {
  const template = parseBodyTemplate(column.body)
  let endpoint
  try {
    endpoint = readClayEndpoint(column.endpoint, column.method)
  } catch (error) {
    if (!(error instanceof ClayEndpointError)) throw error
    const markers = template.issues.map((i) => marker('error', i.message, i.start, i.end))
    return { text: '', problems: [{ severity: 'error', message: `${error.message}.` }, ...template.issues.map((i) => ({ severity: 'error' as const, message: i.message }))], markers }
  }
  const plan = planClayRow(row ?? {}, rowNumber, { template, endpoint, columns, onlyIf: undefined, removeEmpty: column.removeEmpty })
  if (plan.kind === 'invalid') {
    return {
      text: plan.text ?? '',
      problems: plan.issues.map((i) => ({ severity: 'error', message: i.message })),
      markers: plan.issues.map((i) => marker('error', i.message, i.start, i.end)),
    }
  }
  if (plan.kind === 'skipped') return { text: '', problems: [], markers: [] }
  const problems = plan.rules.map((r) => ({ severity: r.severity === 'error' ? ('error' as const) : ('warning' as const), message: `${r.path}: ${r.message}` }))
  const markers = plan.rules.flatMap((r) => {
    const key = r.path.split('.')[1] ?? ''
    const at = keyPosition(column.body, key) ?? { start: { offset: 0, line: 1, character: 1 }, end: { offset: 1, line: 1, character: 2 } }
    return [marker(r.severity === 'error' ? 'error' : 'warning', r.message, at.start, at.end)]
  })
  const onlyIf = column.onlyIf !== '' && row ? planClayRow(row, rowNumber, { template, endpoint, onlyIf: column.onlyIf }) : undefined
  return {
    text: JSON.stringify(plan.request.body, null, 2),
    problems,
    markers,
    ...(onlyIf?.kind === 'skipped' ? { skipped: `This row would be skipped: ${onlyIf.reason}.` } : {}),
  }
}
