import type { MonacoModule } from './load-monaco.ts'
import { explainRequestLine, explainScriptPlace, type RequestFieldExplained } from '../state/explained.ts'
import type { Provenance } from '../../core/mapper/provenance.ts'

type Monaco = MonacoModule['monaco']

const at = (p: Provenance): string => (p.line !== undefined ? ` (line ${p.line}${p.column !== undefined ? `:${p.column}` : ''})` : '')
const describe = (p: Provenance): string =>
  `\`${p.from}\` of call #${p.call + 1}${at(p)} · rule: \`${p.rule}\`${p.transform ? ` · transform: ${p.transform}` : ''}`

function requestHover(found: RequestFieldExplained): string {
  if (found.provenance) return `**${found.pointer}** ← ${describe(found.provenance)}\n\nClick to select it in the script.`
  if (found.children.length > 0) return `**${found.pointer}**: ${found.children.length} field(s); hover one to see where it came from.`
  if (found.pointer.startsWith('/headers')) return `**${found.pointer}**: set by the mapper (the Idempotency-Key is derived from the call's content).`
  return `**${found.pointer}**`
}

/**
 * Explains the preview in the editors: hovering a field of the Loops request shows its provenance and clicking it
 * selects its source in the script; hovering a key in the script shows where it lands, or why it is dropped.
 * Installed once per page (Monaco's providers are global), for the two models by path.
 */
const isModel = (model: { uri: { path: string } }, path: string): boolean => model.uri.path === path

export function installExplain(monaco: Monaco, paths: { script: string; request: string }): void {
  monaco.languages.registerHoverProvider('json', {
    provideHover(model, position) {
      if (!isModel(model, paths.request)) return null
      const found = explainRequestLine(position.lineNumber)
      if (!found) return null
      return { range: new monaco.Range(position.lineNumber, 1, position.lineNumber, model.getLineMaxColumn(position.lineNumber)), contents: [{ value: requestHover(found) }] }
    },
  })

  monaco.languages.registerHoverProvider('javascript', {
    provideHover(model, position) {
      if (!isModel(model, paths.script)) return null
      const found = explainScriptPlace(position.lineNumber, position.column)
      if (!found) return null
      const lines = [
        ...found.landings.map((l) => `→ **${l.pointer}** of call #${l.call + 1}'s request (rule: \`${l.provenance.rule}\`${l.provenance.transform ? `, ${l.provenance.transform}` : ''})`),
        ...found.dropped.map((d) => `✕ \`${d.from}\` is not sent: ${d.reason}${d.route ? `. To send it: \`${d.route}\`` : ''}`),
      ]
      if (lines.length === 0) return null
      return { contents: [{ value: `\`${found.from}\`\n\n${lines.join('\n\n')}` }] }
    },
  })

  const wire = (editor: import('monaco-editor/editor').editor.ICodeEditor): void => {
    editor.onMouseDown((event) => {
      const model = editor.getModel()
      const line = event.target.position?.lineNumber
      if (!model || !isModel(model, paths.request) || line === undefined) return
      const provenance = explainRequestLine(line)?.provenance
      if (provenance?.line !== undefined) selectInScript(monaco, paths.script, provenance)
    })
  }
  for (const editor of monaco.editor.getEditors()) wire(editor)
  monaco.editor.onDidCreateEditor(wire)
}

/** Selects the input part (its key) in the script editor and scrolls to it. */
export function selectInScript(monaco: Monaco, scriptPath: string, provenance: Provenance): void {
  const editor = monaco.editor.getEditors().find((e) => e.getModel()?.uri.path === scriptPath)
  const model = editor?.getModel()
  if (!editor || !model || provenance.line === undefined) return
  const column = provenance.column ?? 1
  const word = model.getWordAtPosition({ lineNumber: provenance.line, column })
  const end = word ? word.endColumn : model.getLineMaxColumn(provenance.line)
  const range = new monaco.Range(provenance.line, column, provenance.line, Math.max(end, column + 1))
  editor.setSelection(range)
  editor.revealRangeInCenter(range)
  editor.focus()
}
