import type { ComponentChildren } from 'preact'

/**
 * Where a panel sits: `source` (what the user writes), `preview` (what it becomes) or `outcome` (what happened).
 * Wide screens show the three groups side by side; narrower ones turn groups into tabs (see `layoutFor`).
 */
export type PanelGroup = 'source' | 'preview' | 'outcome'

/** What every panel may need from the page. */
export interface PanelContext {
  /** Sends the current script (the Send button's action). */
  send: () => void
  /** An editor reports that it exists (for the page's ready signal). */
  onEditorReady: (which: 'script' | 'request') => void
}

/** One entry of the playground's panel list: adding a panel (or a tab) is adding one of these. */
export interface PanelEntry {
  /** Stable id: the tab's key and `data-panel` on its slot. */
  id: string
  /** The tab's text; the panel's own heading says the same. */
  title: string
  group: PanelGroup
  /** Share of its group's height when panels are stacked (default 1). */
  weight?: number
  /** Starts folded when stacked (a secondary view that should not take room from the main ones). */
  folded?: boolean
  render: (context: PanelContext) => ComponentChildren
}
