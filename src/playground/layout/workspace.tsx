import { useState } from 'preact/hooks'
import { activePanel } from './active-panel.ts'
import { tabbedGroups } from './layout-for.ts'
import type { PanelContext, PanelEntry, PanelGroup } from './panel-entry.ts'
import { PanelChromeContext } from './panel-chrome.ts'
import { useLayoutMode } from './use-layout-mode.ts'

const GROUPS: readonly PanelGroup[] = ['source', 'preview', 'outcome']

/**
 * Lays the panel list out for the screen: three columns when wide; narrower, the tabbed groups share one area
 * with a tab bar. Every panel stays mounted in the same place of the DOM (editors keep their state); a tabbed
 * panel that is not selected is `hidden`.
 */
export function Workspace({ panels, context }: { panels: readonly PanelEntry[]; context: PanelContext }) {
  const mode = useLayoutMode()
  const [collapsed, setCollapsed] = useState<ReadonlySet<string>>(() => new Set(panels.filter((panel) => panel.folded).map((panel) => panel.id)))
  const tabbed = tabbedGroups(mode)
  const tabs = panels.filter((panel) => tabbed.includes(panel.group))
  const active = tabs.find((panel) => panel.id === activePanel.value)?.id ?? tabs[0]?.id
  const toggle = (id: string): void => {
    const next = new Set(collapsed)
    if (!next.delete(id)) next.add(id)
    setCollapsed(next)
  }
  return (
    <main class={`workspace mode-${mode}`} data-layout={mode}>
      {tabs.length > 0 && (
        <div class="panel-tabs" role="tablist" aria-label="Panels">
          {tabs.map((panel) => (
            <button
              key={panel.id}
              type="button"
              role="tab"
              id={`tab-${panel.id}`}
              aria-selected={panel.id === active}
              aria-controls={`slot-${panel.id}`}
              onClick={() => (activePanel.value = panel.id)}
            >
              {panel.title}
            </button>
          ))}
        </div>
      )}
      {GROUPS.map((group) => {
        const members = panels.filter((panel) => panel.group === group)
        const isTabbed = tabbed.includes(group)
        const stacked = !isTabbed && members.length > 1
        return (
          <div key={group} class={`group group-${group}`} hidden={isTabbed && !members.some((panel) => panel.id === active)}>
            {members.map((panel) => {
              const folded = stacked && collapsed.has(panel.id)
              return (
                <div
                  key={panel.id}
                  id={`slot-${panel.id}`}
                  class={`slot${folded ? ' folded' : ''}`}
                  data-panel={panel.id}
                  hidden={isTabbed && panel.id !== active}
                  {...(isTabbed ? { role: 'tabpanel', 'aria-labelledby': `tab-${panel.id}` } : {})}
                  style={folded ? undefined : { flexGrow: panel.weight ?? 1 }}
                >
                  <PanelChromeContext.Provider value={stacked ? { collapsed: folded, toggle: () => toggle(panel.id) } : { collapsed: false }}>
                    {panel.render(context)}
                  </PanelChromeContext.Provider>
                </div>
              )
            })}
          </div>
        )
      })}
    </main>
  )
}
