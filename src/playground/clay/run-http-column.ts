import { ClayEndpointError, parseBodyTemplate, readClayEndpoint, runClay, type ClayOutcome } from '../../core/clay/index.ts'
import { pageClock } from '../clock/page-clock.ts'
import { browserMockStatus } from '../mock/start-in-browser-mock.ts'
import { refreshMock } from '../state/mock-state.ts'
import { apiKey, baseUrl, target } from '../state/target.ts'
import { setResult, type CellResult, type ClayTableState, type HttpColumn } from './clay-model.ts'
import { clayTable } from './clay-store.ts'

const MASKED = 'Bearer ••••••••'

/** Runs in progress, per HTTP column: a second run of the same rows waits for the first. */
const running = new Map<string, Promise<void>>()

const update = (fn: (table: ClayTableState) => ClayTableState): void => {
  clayTable.value = fn(clayTable.value)
}

const columnNames = (table: ClayTableState): string[] => table.columns.map((c) => c.name)

/** Where the run goes and with which key, as the Datafly Send decides it; a reason when it cannot go. */
function destination(): { baseUrl: string; apiKey?: string } | { error: string } {
  if (target.value === 'browser-mock' && browserMockStatus.value.state !== 'ready') {
    return { error: browserMockStatus.value.message ?? 'The in-browser mock is still starting: run again in a moment.' }
  }
  const key = apiKey.value.trim()
  if (key === '' && target.value !== 'loops-proxy') return { error: 'Enter an API key first: nothing was sent.' }
  // through the proxy, an empty key field means the proxy adds the key it holds
  return key === '' ? { baseUrl: baseUrl.value } : { baseUrl: baseUrl.value, apiKey: key }
}

/**
 * Runs one HTTP API column for the given rows (Clay's "Save and run", "Run rows that failed", or Auto-update)
 * through the core Clay run and the rate-limited sender, to the selected target. Each cell gets its status and
 * the request and response as sent (the Authorization header masked).
 */
export async function runHttpColumn(columnId: string, rowIds: readonly string[]): Promise<void> {
  const before = running.get(columnId)
  const job = (async () => {
    await before?.catch(() => undefined)
    await runNow(columnId, rowIds)
  })()
  running.set(columnId, job)
  try {
    await job
  } finally {
    if (running.get(columnId) === job) running.delete(columnId)
  }
}

async function runNow(columnId: string, rowIds: readonly string[]): Promise<void> {
  const table = clayTable.value
  const column = table.http.find((c) => c.id === columnId)
  if (!column) return
  const rows = table.rows.filter((row) => rowIds.includes(row.id))
  if (rows.length === 0) return
  const fail = (result: CellResult): void => update((t) => rows.reduce((acc, row) => setResult(acc, row.id, columnId, result), t))
  let endpoint
  try {
    endpoint = readClayEndpoint(column.endpoint, column.method)
  } catch (error) {
    if (error instanceof ClayEndpointError) return fail({ status: 'error', message: error.message })
    throw error
  }
  const to = destination()
  if ('error' in to) return fail({ status: 'error', message: to.error })

  update((t) => rows.reduce((acc, row) => setResult(acc, row.id, columnId, { status: 'running' }), t))
  const exchanges = new Map<number, NonNullable<CellResult['exchange']>>()
  let lastAttempt = -1
  const recording = async (request: Request): Promise<Response> => {
    // the sender emits "attempt" and calls fetch in the same turn: lastAttempt is this request's row
    const index = lastAttempt
    const headers: Record<string, string> = {}
    request.headers.forEach((value, name) => (headers[name] = name.toLowerCase() === 'authorization' ? MASKED : value))
    const sent = { method: request.method, url: request.url, headers, body: await request.clone().text().catch(() => '') }
    exchanges.set(index, { request: sent })
    const response = await fetch(request)
    const body = await response.clone().text().catch(() => '')
    exchanges.set(index, { request: sent, response: { status: response.status, body } })
    return response
  }
  const onOutcome = (outcome: ClayOutcome): void => {
    const index = outcome.row - 1
    const row = rows[index]
    if (!row) return
    const exchange = exchanges.get(index)
    const status: CellResult['status'] =
      outcome.status === 'skipped' ? 'skipped' : outcome.httpStatus ?? (outcome.issues ? 'invalid' : 'error')
    const message = outcome.message ?? (outcome.status === 'success' ? undefined : outcome.status)
    update((t) => setResult(t, row.id, columnId, { status, ...(message !== undefined ? { message } : {}), ...(exchange ? { exchange } : {}) }))
  }
  try {
    await runClay({
      rows: rows.map((row) => row.cells),
      template: parseBodyTemplate(column.body),
      endpoint,
      columns: columnNames(table),
      onlyIf: column.onlyIf || undefined,
      removeEmpty: column.removeEmpty,
      sender: {
        fetch: recording,
        baseUrl: to.baseUrl,
        ...(to.apiKey !== undefined ? { apiKey: to.apiKey } : {}),
        clock: pageClock,
        onEvent: (event) => {
          if (event.type === 'attempt') lastAttempt = event.index
        },
      },
      onOutcome,
    })
  } catch (error) {
    fail({ status: 'error', message: error instanceof Error ? error.message : String(error) })
  } finally {
    void refreshMock()
  }
}

/** Rows whose last result in this column failed: an error status, a body that did not render, or no answer. */
export function failedRowIds(table: ClayTableState, column: HttpColumn): string[] {
  return table.rows
    .filter((row) => {
      const status = row.results[column.id]?.status
      return typeof status === 'number' ? status >= 300 || status < 200 : status === 'invalid' || status === 'error'
    })
    .map((row) => row.id)
}

/** Auto-update: runs every column that has it on for rows that were just created or changed. */
export function autoRun(rowIds: readonly string[]): void {
  if (rowIds.length === 0) return
  for (const column of clayTable.value.http) {
    if (column.autoUpdate) void runHttpColumn(column.id, rowIds)
  }
}
