import type { ComponentChildren } from 'preact'

export interface PanelProps {
  /** The region's accessible name; also its heading. */
  label: string
  area: string
  hint?: ComponentChildren
  actions?: ComponentChildren
  children: ComponentChildren
}

/** A labelled region with a heading row: every pane of the playground is one. */
export function Panel({ label, area, hint, actions, children }: PanelProps) {
  return (
    <section class={`panel area-${area}`} aria-label={label}>
      <header>
        <h2>{label}</h2>
        {hint !== undefined && <span class="hint">{hint}</span>}
        <span class="spacer" />
        {actions}
      </header>
      <div class="panel-body">{children}</div>
    </section>
  )
}
