import { cellText, type ClayMethod } from '../../core/clay/index.ts'
import { lookup, type LookupField } from './enrichment-lookup.ts'

/** A table column: typed text, the Webhook source, a value mapped from the webhook, or an enrichment. */
export type ClayColumn =
  | { name: string; kind: 'text' }
  | { name: string; kind: 'webhook' }
  /** "Add as column": filled from each row's webhook body at `path` (e.g. ["contact", "email"]). */
  | { name: string; kind: 'mapped'; path: string[] }
  /** The bundled lookup, from the email in column `from`. */
  | { name: string; kind: 'enrichment'; field: LookupField; from: string }

/** An HTTP API column (Clay's enrichment), its configuration and nothing secret: the key comes from the target. */
export interface HttpColumn {
  id: string
  name: string
  method: ClayMethod
  endpoint: string
  body: string
  onlyIf: string
  removeEmpty: boolean
  autoUpdate: boolean
}

/** What an HTTP API cell shows after a run. */
export interface CellResult {
  /** `200`, `400`, `429`…, or what happened without an answer. */
  status: number | 'skipped' | 'invalid' | 'error' | 'running'
  message?: string
  exchange?: { request: { method: string; url: string; headers: Record<string, string>; body: string }; response?: { status: number; body: string } }
}

export interface ClayRowState {
  id: string
  cells: Record<string, unknown>
  /** HTTP column id → its last result for this row. */
  results: Record<string, CellResult>
}

export interface ClayTableState {
  columns: ClayColumn[]
  rows: ClayRowState[]
  http: HttpColumn[]
  /** Webhook deliveries already turned into rows (their ids), so a reload does not add them twice. */
  seen: string[]
  nextId: number
}

export const emptyTable = (): ClayTableState => ({ columns: [{ name: 'Webhook', kind: 'webhook' }], rows: [], http: [], seen: [], nextId: 1 })

/** Reads the value at `path` in a webhook body. */
export function valueAt(body: unknown, path: readonly string[]): unknown {
  let value = body
  for (const key of path) {
    if (typeof value !== 'object' || value === null || !Object.hasOwn(value, key)) return undefined
    value = (value as Record<string, unknown>)[key]
  }
  return value
}

/** Recomputes the derived cells of a row (mapped and enrichment columns, in column order). */
export function derive(columns: readonly ClayColumn[], cells: Record<string, unknown>): Record<string, unknown> {
  const out = { ...cells }
  const webhook = columns.find((c) => c.kind === 'webhook')
  for (const column of columns) {
    if (column.kind === 'mapped' && webhook && out[webhook.name] !== undefined) {
      const value = valueAt(out[webhook.name], column.path)
      out[column.name] = value === undefined ? null : value
    }
    if (column.kind === 'enrichment') out[column.name] = lookup(column.field, out[column.from])
  }
  return out
}

const sameCells = (a: Record<string, unknown>, b: Record<string, unknown>): boolean => JSON.stringify(a) === JSON.stringify(b)

export function addRow(table: ClayTableState, cells: Record<string, unknown>): { table: ClayTableState; id: string } {
  const id = `r${table.nextId}`
  const row: ClayRowState = { id, cells: derive(table.columns, cells), results: {} }
  return { table: { ...table, rows: [...table.rows, row], nextId: table.nextId + 1 }, id }
}

/** Sets one typed cell; returns the table and whether the row changed (for Auto-update). */
export function editCell(table: ClayTableState, rowId: string, column: string, value: string): { table: ClayTableState; changed: boolean } {
  let changed = false
  const rows = table.rows.map((row) => {
    if (row.id !== rowId) return row
    const cells = derive(table.columns, { ...row.cells, [column]: value })
    if (sameCells(cells, row.cells)) return row
    changed = true
    return { ...row, cells }
  })
  return { table: { ...table, rows }, changed }
}

export function deleteRow(table: ClayTableState, rowId: string): ClayTableState {
  return { ...table, rows: table.rows.filter((row) => row.id !== rowId) }
}

export class ColumnError extends Error {
  override name = 'ColumnError'
}

/** Adds a column (a name already in use is refused) and fills derived values in every row. */
export function addColumn(table: ClayTableState, column: ClayColumn): ClayTableState {
  const name = column.name.trim()
  if (name === '') throw new ColumnError('Give the column a name.')
  if (name.includes('{{') || name.includes('}}')) throw new ColumnError('A column name cannot contain {{ or }}.')
  if (table.columns.some((c) => c.name === name)) throw new ColumnError(`There is already a column "${name}".`)
  const columns = [...table.columns, { ...column, name }]
  return { ...table, columns, rows: table.rows.map((row) => ({ ...row, cells: derive(columns, row.cells) })) }
}

/**
 * "Add as column": maps the webhook attribute at `path` to a new column, or to an existing one (which becomes a
 * mapped column); every row with a webhook body is filled now, later rows as they arrive.
 */
export function mapAttribute(table: ClayTableState, path: string[], name: string): ClayTableState {
  const existing = table.columns.find((c) => c.name === name)
  if (!existing) return addColumn(table, { name, kind: 'mapped', path })
  if (existing.kind === 'webhook') throw new ColumnError('The Webhook column holds the request body; map into another column.')
  const columns = table.columns.map((c): ClayColumn => (c.name === name ? { name, kind: 'mapped', path } : c))
  return { ...table, columns, rows: table.rows.map((row) => ({ ...row, cells: derive(columns, row.cells) })) }
}

export function removeColumn(table: ClayTableState, name: string): ClayTableState {
  return {
    ...table,
    columns: table.columns.filter((c) => c.name !== name || c.kind === 'webhook'),
    rows: table.rows.map((row) => {
      const { [name]: _gone, ...cells } = row.cells
      return { ...row, cells }
    }),
  }
}

/** Adds imported rows (e.g. from a CSV file); columns the table lacks are added as text columns. */
export function importRows(table: ClayTableState, columns: readonly string[], rows: readonly Record<string, unknown>[]): ClayTableState {
  let next = table
  for (const name of columns) {
    if (name.trim() !== '' && !next.columns.some((c) => c.name === name.trim())) next = addColumn(next, { name, kind: 'text' })
  }
  for (const cells of rows) next = addRow(next, cells).table
  return next
}

export function setResult(table: ClayTableState, rowId: string, columnId: string, result: CellResult): ClayTableState {
  return { ...table, rows: table.rows.map((row) => (row.id === rowId ? { ...row, results: { ...row.results, [columnId]: result } } : row)) }
}

export function upsertHttpColumn(table: ClayTableState, column: HttpColumn): ClayTableState {
  const exists = table.http.some((c) => c.id === column.id)
  return { ...table, http: exists ? table.http.map((c) => (c.id === column.id ? column : c)) : [...table.http, column] }
}

export function removeHttpColumn(table: ClayTableState, id: string): ClayTableState {
  return {
    ...table,
    http: table.http.filter((c) => c.id !== id),
    rows: table.rows.map((row) => {
      const { [id]: _gone, ...results } = row.results
      return { ...row, results }
    }),
  }
}

/** A webhook delivery as the Webhooks inbox holds it (the fields Clay needs). */
export interface DeliveryLike {
  id: string
  eventName: string
  payload: unknown
  /** Clay sees a delivery once it has arrived: `delivered`. */
  state: string
}

/**
 * New `contact.created` deliveries that reached the table (`delivered`) become new rows (the Webhook cell holds
 * the full body); other events, pending or failed deliveries, and deliveries seen before are ignored. Returns the ids of the rows added, for Auto-update.
 */
export function applyDeliveries(table: ClayTableState, deliveries: readonly DeliveryLike[]): { table: ClayTableState; added: string[] } {
  const webhook = table.columns.find((c) => c.kind === 'webhook')
  const seen = new Set(table.seen)
  const fresh = deliveries.filter((d) => d.eventName === 'contact.created' && d.state === 'delivered' && !seen.has(d.id))
  if (!webhook || fresh.length === 0) return { table, added: [] }
  let next: ClayTableState = { ...table, seen: [...table.seen, ...fresh.map((d) => d.id)].slice(-500) }
  const added: string[] = []
  for (const delivery of fresh) {
    const result = addRow(next, { [webhook.name]: delivery.payload })
    next = result.table
    added.push(result.id)
  }
  return { table: next, added }
}

/** A cell as the table shows it. */
export function cellLabel(value: unknown): string {
  const text = cellText(value)
  return text.length > 80 ? `${text.slice(0, 80)}…` : text
}
