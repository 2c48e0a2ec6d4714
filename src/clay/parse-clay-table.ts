import Papa from 'papaparse'
import type { ClayRow } from '../core/clay/index.ts'

export type ClayTableFormat = 'csv' | 'ndjson' | 'json'

/** A table read from a file: its columns (in first-seen order) and rows. */
export interface ClayTable {
  columns: string[]
  rows: ClayRow[]
}

export class ClayTableError extends Error {
  override name = 'ClayTableError'
}

/** The format a file name implies: `.csv`, `.ndjson`/`.jsonl`, `.json`; undefined for anything else. */
export function clayTableFormatOf(name: string): ClayTableFormat | undefined {
  const lower = name.toLowerCase()
  if (lower.endsWith('.csv')) return 'csv'
  if (lower.endsWith('.ndjson') || lower.endsWith('.jsonl')) return 'ndjson'
  if (lower.endsWith('.json')) return 'json'
  return undefined
}

/**
 * Reads a Clay table export. CSV goes through papaparse (header row, quoted fields with commas, `""` and line
 * breaks, as Clay exports them); every CSV cell is a string. NDJSON is one JSON object per line; JSON is an array
 * of objects. Throws `ClayTableError` naming the line or row and what to do.
 */
export function parseClayTable(text: string, format: ClayTableFormat): ClayTable {
  const source = text.startsWith('\uFEFF') ? text.slice(1) : text
  if (format === 'csv') return parseCsv(source)
  const columns: string[] = []
  const seen = new Set<string>()
  const rows: ClayRow[] = []
  const take = (value: unknown, where: string): void => {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      throw new ClayTableError(`${where} is not a JSON object ({"Column": value, …}); each row must be one`)
    }
    for (const key of Object.keys(value)) {
      if (!seen.has(key)) {
        seen.add(key)
        columns.push(key)
      }
    }
    rows.push(value as ClayRow)
  }
  if (format === 'ndjson') {
    source.split('\n').forEach((line, index) => {
      if (line.trim() === '') return
      let value: unknown
      try {
        value = JSON.parse(line)
      } catch (error) {
        throw new ClayTableError(`line ${index + 1} is not JSON (${(error as Error).message}); NDJSON holds one JSON object per line`)
      }
      take(value, `line ${index + 1}`)
    })
    return { columns, rows }
  }
  let value: unknown
  try {
    value = JSON.parse(source)
  } catch (error) {
    throw new ClayTableError(`the file is not JSON (${(error as Error).message}); give a JSON array of row objects, or use .ndjson or .csv`)
  }
  if (!Array.isArray(value)) throw new ClayTableError('the JSON file must hold an array of row objects ([{"Email": …}, …])')
  value.forEach((item, index) => take(item, `item ${index + 1}`))
  return { columns, rows }
}

function parseCsv(text: string): ClayTable {
  const parsed = Papa.parse<Record<string, string>>(text, { header: true, skipEmptyLines: true, delimiter: ',' })
  const errors = parsed.errors.filter((e) => e.type !== 'Delimiter')
  const first = errors[0]
  if (first) {
    const where = first.row !== undefined ? `row ${first.row + 1}` : 'the file'
    throw new ClayTableError(`CSV ${where}: ${first.message}; check its quotes and the number of commas`)
  }
  const columns = (parsed.meta.fields ?? []).filter((name) => name !== '')
  if (columns.length === 0) throw new ClayTableError('the CSV file has no header row naming its columns')
  return { columns, rows: parsed.data }
}
