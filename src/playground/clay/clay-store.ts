import { computed, effect, signal } from '@preact/signals'
import { decodeState } from '../state/share-url.ts'
import { emptyTable, type ClayTableState } from './clay-model.ts'
import { parseTableState, shareTextOf } from './parse-table-state.ts'

const STORAGE_KEY = 'loops-playground:clay-table'

const storage = (): Storage | undefined => {
  try {
    return globalThis.localStorage
  } catch {
    return undefined
  }
}

function initialTable(): ClayTableState {
  const shared = decodeState(globalThis.location?.hash ?? '', { script: '' }).clay
  const fromLink = parseTableState(shared)
  if (fromLink) return fromLink
  let stored: string | null = null
  try {
    stored = storage()?.getItem(STORAGE_KEY) ?? null
  } catch {
    stored = null
  }
  return parseTableState(stored) ?? emptyTable()
}

/** The Clay table: columns, rows, HTTP API columns and their last results. Saved in local storage; no API key. */
export const clayTable = signal<ClayTableState>(initialTable())

/** What the share link carries (undefined for an empty table). */
export const clayShareText = computed(() => shareTextOf(clayTable.value))

/** The cell whose details are open. */
export const selectedCell = signal<{ rowId: string; column: string } | null>(null)
/** The HTTP API column whose settings are open, and the row its preview renders. */
export const editingHttp = signal<string | null>(null)
export const previewRowId = signal<string | null>(null)

let saveTimer: ReturnType<typeof setTimeout> | undefined
effect(() => {
  const text = JSON.stringify(clayTable.value)
  clearTimeout(saveTimer)
  saveTimer = setTimeout(() => {
    try {
      storage()?.setItem(STORAGE_KEY, text)
    } catch {
      // storage full or unavailable: the table lives for this page only
    }
  }, 200)
})
