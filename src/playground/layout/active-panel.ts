import { signal } from '@preact/signals'

/** The panel the user last chose in a tab bar (or asked to see); tabbed layouts show it. */
export const activePanel = signal<string>('script')

/** Brings a panel into view: selects its tab when tabbed, then scrolls it into view. */
export function revealPanel(id: string): void {
  activePanel.value = id
  queueMicrotask(() => document.querySelector(`[data-panel="${id}"]`)?.scrollIntoView({ block: 'nearest' }))
}
