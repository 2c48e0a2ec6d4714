import type { PanelGroup } from './panel-entry.ts'

export type LayoutMode = 'wide' | 'medium' | 'narrow'

/** The widths (CSS pixels) at which the layout changes: at least `wide` → three columns, below `medium` → tabs only. */
export const BREAKPOINTS = { wide: 1200, medium: 900 } as const

export function layoutModeOf(width: number): LayoutMode {
  if (width >= BREAKPOINTS.wide) return 'wide'
  if (width >= BREAKPOINTS.medium) return 'medium'
  return 'narrow'
}

/**
 * Which groups become tabs in each mode: wide shows every group as a column; medium keeps what the user writes
 * on the left and tabs the preview and outcomes on the right; narrow tabs everything in one column.
 */
export function tabbedGroups(mode: LayoutMode): readonly PanelGroup[] {
  if (mode === 'wide') return []
  if (mode === 'medium') return ['preview', 'outcome']
  return ['source', 'preview', 'outcome']
}
