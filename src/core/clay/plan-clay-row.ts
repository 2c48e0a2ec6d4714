import type { Issue } from '../schemas/issue.ts'
import type { LoopsRequest } from '../schemas/loops-requests.ts'
import { checkLoopsBody } from './check-loops-body.ts'
import { CLAY_ENDPOINTS, type ClayEndpoint } from './clay-endpoint.ts'
import { passesOnlyIf, type ClayRow } from './clay-row.ts'
import type { ParsedTemplate } from './parse-body-template.ts'
import { renderBodyTemplate } from './render-body-template.ts'
import type { TemplateIssue } from './template-issue.ts'

/**
 * What one row comes to before anything is sent. `skipped`: "Only run if" is false (counts as done). `invalid`:
 * the template gives no JSON object for this row (not sent). `ready`: a request; `rules` lists Loops-rule findings
 * on its body, which are shown but do not stop it (Loops answers, and its answer is the cell's).
 */
export type ClayRowPlan =
  | { kind: 'skipped'; row: number; reason: string }
  | { kind: 'invalid'; row: number; issues: TemplateIssue[]; text?: string }
  | { kind: 'ready'; row: number; request: LoopsRequest; text: string; rules: Issue[] }

export interface PlanOptions {
  template: ParsedTemplate
  endpoint: ClayEndpoint
  columns?: readonly string[]
  onlyIf?: string | undefined
  removeEmpty?: boolean | undefined
}

export function planClayRow(row: ClayRow, rowNumber: number, options: PlanOptions): ClayRowPlan {
  if (options.onlyIf !== undefined && options.onlyIf !== '' && !passesOnlyIf(row[options.onlyIf])) {
    return { kind: 'skipped', row: rowNumber, reason: `"Only run if" ${options.onlyIf} is empty or false for this row` }
  }
  const rendered = renderBodyTemplate(options.template, row, {
    rowNumber,
    ...(options.columns ? { columns: options.columns } : {}),
    removeEmpty: options.removeEmpty === true,
  })
  if (!rendered.ok) return { kind: 'invalid', row: rowNumber, issues: rendered.issues, ...(rendered.text !== undefined ? { text: rendered.text } : {}) }
  const { method, path } = CLAY_ENDPOINTS[options.endpoint]
  const request = { method, path, headers: { 'Content-Type': 'application/json' }, body: rendered.body } as LoopsRequest
  return { kind: 'ready', row: rowNumber, request, text: rendered.text, rules: checkLoopsBody(options.endpoint, rendered.body) }
}
