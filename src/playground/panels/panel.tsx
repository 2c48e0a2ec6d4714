import type { ComponentChildren } from 'preact'
import { useContext } from 'preact/hooks'
import { PanelChromeContext } from '../layout/panel-chrome.ts'

export interface PanelProps {
  /** The region's accessible name; also its heading. */
  label: string
  /** Kept for callers; the layout places panels by their entry in the panel list. */
  area?: string
  hint?: ComponentChildren
  actions?: ComponentChildren
  children: ComponentChildren
}

/** A labelled region with a heading row: every pane of the playground is one. Stacked panes can be folded. */
export function Panel({ label, area, hint, actions, children }: PanelProps) {
  const chrome = useContext(PanelChromeContext)
  return (
    <section class={`panel${area ? ` area-${area}` : ''}`} aria-label={label}>
      <header>
        {chrome.toggle && (
          <button
            type="button"
            class="fold"
            aria-expanded={!chrome.collapsed}
            aria-label={`${chrome.collapsed ? 'Show' : 'Fold'} ${label}`}
            title={chrome.collapsed ? `Show ${label}` : `Fold ${label} away, so the pane beside it gets the room`}
            onClick={chrome.toggle}
          >
            {chrome.collapsed ? '▸' : '▾'}
          </button>
        )}
        <h2>{label}</h2>
        {hint !== undefined && (
          <span class="hint" {...(typeof hint === 'string' ? { title: hint } : {})}>
            {hint}
          </span>
        )}
        <span class="spacer" />
        {actions}
      </header>
      <div class="panel-body" hidden={chrome.collapsed}>
        {children}
      </div>
    </section>
  )
}
