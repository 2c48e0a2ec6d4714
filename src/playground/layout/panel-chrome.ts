import { createContext } from 'preact'

/** What the layout lets a panel's header offer: folding a stacked panel away so its neighbours get the room. */
export interface PanelChrome {
  collapsed: boolean
  toggle?: () => void
}

export const PanelChromeContext = createContext<PanelChrome>({ collapsed: false })
