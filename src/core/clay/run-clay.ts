import type { MapResult } from '../mapper/map-result.ts'
import type { Issue } from '../schemas/issue.ts'
import type { LoopsRequest } from '../schemas/loops-requests.ts'
import { createSender, type SenderOptions } from '../sender/create-sender.ts'
import type { SendOutcome } from '../sender/send-outcome.ts'
import type { SendReport } from '../sender/send-report.ts'
import type { ClayRow } from './clay-row.ts'
import { planClayRow, type ClayRowPlan, type PlanOptions } from './plan-clay-row.ts'
import type { TemplateIssue } from './template-issue.ts'

/**
 * One row's end, as its HTTP API cell shows it. `success`: Loops answered 2xx (`httpStatus`, e.g. 200).
 * `skipped`: "Only run if" was false; done, not failed. `failed`: `httpStatus` when Loops answered (400, 401, 429
 * after the retries…), `message` Loops' own text when it gave one, else the reason.
 */
export interface ClayOutcome {
  /** 1-based, as the table numbers rows. */
  row: number
  status: 'success' | 'skipped' | 'failed'
  httpStatus?: number
  message?: string
  attempts: number
  request?: LoopsRequest
  issues?: TemplateIssue[]
  rules?: Issue[]
}

export interface ClayRunReport {
  /** One per row, in row order. */
  outcomes: ClayOutcome[]
  /** The sender's report (its `skipped` counts "Only run if"). */
  report: SendReport
}

export interface RunClayOptions extends PlanOptions {
  rows: readonly ClayRow[]
  /** Row numbers to show (default 1…n), e.g. when running only the rows that failed. */
  rowNumbers?: readonly number[]
  /** Options of the core sender the run creates (rate-limited, retrying); `onEvent` sees every lifecycle event. */
  sender: Omit<SenderOptions, 'signal'>
  /** Called once per row as soon as its outcome is known (skipped and invalid rows first). */
  onOutcome?: (outcome: ClayOutcome) => void
  signal?: AbortSignal
}

/** Plans every row, then sends the ready ones through the core sender; yields exactly one outcome per row. */
export async function runClay(options: RunClayOptions): Promise<ClayRunReport> {
  const numberOf = (index: number): number => options.rowNumbers?.[index] ?? index + 1
  const plans = options.rows.map((row, index) => planClayRow(row, numberOf(index), options))
  const results = plans.map(toMapResult)
  const outcomes: (ClayOutcome | undefined)[] = plans.map(() => undefined)
  const emit = (index: number, outcome: ClayOutcome): void => {
    if (outcomes[index]) return
    outcomes[index] = outcome
    try {
      options.onOutcome?.(outcome)
    } catch {
      // a display problem must not lose an outcome
    }
  }
  plans.forEach((plan, index) => {
    if (plan.kind !== 'ready') emit(index, outcomeOf(plan, { status: 'skipped', attempts: 0, reason: '' }))
  })
  const onEvent = options.sender.onEvent
  const sender = createSender({
    ...options.sender,
    ...(options.signal ? { signal: options.signal } : {}),
    onEvent: (event) => {
      onEvent?.(event)
      const plan = plans[event.type === 'outcome' ? event.index : -1]
      if (event.type === 'outcome' && plan?.kind === 'ready') emit(event.index, outcomeOf(plan, event.outcome))
    },
  })
  const report = await sender.send(results)
  // every outcome event has arrived by now; this only guards against a missing one
  report.outcomes.forEach((sendOutcome, index) => {
    const plan = plans[index]
    if (plan) emit(index, outcomeOf(plan, sendOutcome))
  })
  return { outcomes: outcomes as ClayOutcome[], report }
}

export function planClayRows(rows: readonly ClayRow[], options: PlanOptions, rowNumbers?: readonly number[]): ClayRowPlan[] {
  return rows.map((row, index) => planClayRow(row, rowNumbers?.[index] ?? index + 1, options))
}

export function toMapResult(plan: ClayRowPlan, index: number): MapResult {
  const source = { index, type: 'clay-row', event: `row ${plan.row}` }
  if (plan.kind === 'skipped') return { status: 'skipped', reason: plan.reason, issues: [], source }
  if (plan.kind === 'invalid') {
    return {
      status: 'invalid',
      issues: plan.issues.map((i) => ({ severity: 'error', path: i.column !== undefined ? `row ${plan.row}.${i.column}` : `row ${plan.row}`, message: i.message, line: i.start.line, column: i.start.character })),
      source,
    }
  }
  return { status: 'ready', request: plan.request, issues: plan.rules, source }
}

function outcomeOf(plan: ClayRowPlan, outcome: SendOutcome): ClayOutcome {
  if (plan.kind === 'skipped') return { row: plan.row, status: 'skipped', attempts: 0, message: plan.reason }
  if (plan.kind === 'invalid') {
    return { row: plan.row, status: 'failed', attempts: 0, message: plan.issues.map((i) => i.message).join(' '), issues: plan.issues }
  }
  const base = { row: plan.row, request: plan.request, ...(plan.rules.length > 0 ? { rules: plan.rules } : {}) }
  switch (outcome.status) {
    case 'delivered':
    case 'duplicate':
      return { ...base, status: 'success', httpStatus: outcome.httpStatus, attempts: outcome.attempts }
    case 'skipped':
      return { ...base, status: 'skipped', attempts: 0, message: outcome.reason }
    case 'failed': {
      const loopsMessage = outcome.error && 'loopsMessage' in outcome.error ? String(outcome.error.loopsMessage) : undefined
      return {
        ...base,
        status: 'failed',
        attempts: outcome.attempts,
        ...(outcome.httpStatus !== undefined ? { httpStatus: outcome.httpStatus } : {}),
        message: loopsMessage ?? outcome.reason,
      }
    }
  }
}
