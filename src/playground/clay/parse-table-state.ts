import * as z from 'zod'
import type { ClayTableState } from './clay-model.ts'

const Column = z.discriminatedUnion('kind', [
  z.object({ name: z.string().min(1), kind: z.literal('text') }),
  z.object({ name: z.string().min(1), kind: z.literal('webhook') }),
  z.object({ name: z.string().min(1), kind: z.literal('mapped'), path: z.array(z.string()).min(1) }),
  z.object({ name: z.string().min(1), kind: z.literal('enrichment'), field: z.enum(['company', 'size']), from: z.string() }),
])

const Http = z.object({
  id: z.string().min(1),
  name: z.string(),
  method: z.enum(['PUT', 'POST']),
  endpoint: z.string(),
  body: z.string(),
  onlyIf: z.string(),
  removeEmpty: z.boolean(),
  autoUpdate: z.boolean(),
})

const Result = z.object({
  status: z.union([z.number(), z.enum(['skipped', 'invalid', 'error', 'running'])]),
  message: z.string().optional(),
  exchange: z
    .object({
      request: z.object({ method: z.string(), url: z.string(), headers: z.record(z.string(), z.string()), body: z.string() }),
      response: z.object({ status: z.number(), body: z.string() }).optional(),
    })
    .optional(),
})

const Table = z.object({
  columns: z.array(Column),
  rows: z.array(z.object({ id: z.string(), cells: z.record(z.string(), z.unknown()), results: z.record(z.string(), Result).default({}) })),
  http: z.array(Http),
  seen: z.array(z.string()).default([]),
  nextId: z.int().positive(),
})

/** Reads a stored or shared table (JSON text); undefined when it is not one (a foreign or damaged value). */
export function parseTableState(text: string | null | undefined): ClayTableState | undefined {
  if (!text) return undefined
  try {
    const parsed = Table.safeParse(JSON.parse(text))
    if (!parsed.success) return undefined
    // a result left "running" by a closed page never finishes
    const rows = parsed.data.rows.map((row) => ({
      ...row,
      results: Object.fromEntries(Object.entries(row.results).filter(([, r]) => r.status !== 'running')),
    }))
    return { ...parsed.data, rows } as ClayTableState
  } catch {
    return undefined
  }
}

/** The table as a share link carries it: columns, rows and templates, without run results. */
export function shareTextOf(table: ClayTableState): string | undefined {
  if (table.rows.length === 0 && table.http.length === 0 && table.columns.length <= 1) return undefined
  return JSON.stringify({ ...table, rows: table.rows.map((row) => ({ ...row, results: {} })) })
}
