import { revealPanel } from '../layout/active-panel.ts'
import type { ClayTableState } from './clay-model.ts'
import { clayTable, editingHttp, selectedCell } from './clay-store.ts'

/** Loads an example's Clay table (keeping the deliveries already seen, so old webhooks add no rows) and shows it. */
export function loadClayExample(table: ClayTableState): void {
  clayTable.value = { ...structuredClone(table), seen: clayTable.value.seen }
  selectedCell.value = null
  editingHttp.value = null
  revealPanel('clay')
}
