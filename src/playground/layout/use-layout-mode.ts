import { useEffect, useState } from 'preact/hooks'
import { BREAKPOINTS, layoutModeOf, type LayoutMode } from './layout-for.ts'

/** The layout mode for the window's current width, following resizes (and a device rotating). */
export function useLayoutMode(): LayoutMode {
  const [mode, setMode] = useState<LayoutMode>(() => layoutModeOf(window.innerWidth))
  useEffect(() => {
    const queries = [BREAKPOINTS.wide, BREAKPOINTS.medium].map((px) => window.matchMedia(`(min-width: ${px}px)`))
    const update = (): void => setMode(layoutModeOf(window.innerWidth))
    for (const query of queries) query.addEventListener('change', update)
    update()
    return () => {
      for (const query of queries) query.removeEventListener('change', update)
    }
  }, [])
  return mode
}
