/**
 * One row of a Clay table: column name → cell value. Cells from a CSV file are strings; from JSON, NDJSON or a
 * webhook they may be numbers, booleans, null or objects.
 */
export type ClayRow = Readonly<Record<string, unknown>>

/** True when a cell holds nothing: absent, null, or only whitespace. */
export function isEmptyCell(value: unknown): boolean {
  return value === undefined || value === null || (typeof value === 'string' && value.trim() === '')
}

/**
 * "Only run if": the row runs when the cell is non-empty and not false. `false`, `"false"` (any case), an empty or
 * whitespace-only cell and a missing one stop it; everything else (including `0` and `"no"`) lets it run.
 */
export function passesOnlyIf(value: unknown): boolean {
  if (isEmptyCell(value) || value === false) return false
  return !(typeof value === 'string' && value.trim().toLowerCase() === 'false')
}

/** A cell as text: strings as they are, objects as JSON, empty cells as "". */
export function cellText(value: unknown): string {
  if (value === undefined || value === null) return ''
  if (typeof value === 'string') return value
  if (typeof value === 'object') return JSON.stringify(value) ?? ''
  return String(value)
}
