import type { EditorMarker } from './editor-marker.ts'
import { loadMonaco } from './load-monaco.ts'

export interface PlaygroundHook {
  setScript(text: string): void
  getScript(): Promise<string>
  setPreset(text: string): void
  getRequestText(): Promise<string>
  /** Markers on a model (`/datafly-script.js`, `/preset.json`), from every owner (ours and Monaco's JSON service). */
  markers(path: string): Promise<(EditorMarker & { owner: string })[]>
  /** The text of any editor model by path (the compare view's `/compare-presets.original.json`, …). */
  modelText(path: string): Promise<string>
  /** Scrolls the editor at `path` so the first line holding `text` is in view (Monaco renders only visible lines). */
  reveal(path: string, text: string): Promise<void>
  /** The text selected in the script editor (click-to-source selects there). */
  scriptSelection(): Promise<string>
  /** Calls `listener` whenever the Loops request model changes (for latency measurements). */
  onRequestChange(listener: () => void): Promise<void>
}

const SEVERITY: Record<number, EditorMarker['severity']> = { 8: 'error', 4: 'warning', 2: 'info', 1: 'hint' }

async function model(path: string) {
  const { monaco } = await loadMonaco()
  const found = monaco.editor.getModel(monaco.Uri.parse(`file://${path}`))
  if (!found) throw new Error(`No editor model at ${path} yet`)
  return found
}

/** `window.__playground`: Playwright drives and reads the editors through Monaco's models, not its DOM. */
export function createTestHook(paths: { script: string; preset: string; request: string }, set: { script(v: string): void; preset(v: string): void }): PlaygroundHook {
  return {
    setScript: set.script,
    setPreset: set.preset,
    getScript: async () => (await model(paths.script)).getValue(),
    getRequestText: async () => (await model(paths.request)).getValue(),
    markers: async (path) => {
      const { monaco } = await loadMonaco()
      return monaco.editor.getModelMarkers({ resource: monaco.Uri.parse(`file://${path}`) }).map((m) => ({
        owner: m.owner,
        severity: SEVERITY[m.severity] ?? 'info',
        message: m.message,
        startLineNumber: m.startLineNumber,
        startColumn: m.startColumn,
        endLineNumber: m.endLineNumber,
        endColumn: m.endColumn,
      }))
    },
    modelText: async (path) => (await model(path)).getValue(),
    reveal: async (path, text) => {
      const { monaco } = await loadMonaco()
      const editor = monaco.editor.getEditors().find((e) => e.getModel()?.uri.path === path)
      const match = editor?.getModel()?.findMatches(text, false, false, true, null, false)[0]
      if (match) editor?.revealLineInCenter(match.range.startLineNumber)
    },
    scriptSelection: async () => {
      const { monaco } = await loadMonaco()
      const editor = monaco.editor.getEditors().find((e) => e.getModel()?.uri.path === paths.script)
      const selection = editor?.getSelection()
      return selection ? (editor?.getModel()?.getValueInRange(selection) ?? '') : ''
    },
    onRequestChange: async (listener) => {
      ;(await model(paths.request)).onDidChangeContent(listener)
    },
  }
}
