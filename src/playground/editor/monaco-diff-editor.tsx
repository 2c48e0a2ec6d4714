import { useEffect, useRef, useState } from 'preact/hooks'
import { loadMonaco, type MonacoModule } from './load-monaco.ts'

type Models = { original: import('monaco-editor/editor').editor.ITextModel; modified: import('monaco-editor/editor').editor.ITextModel }

/** Monaco's side-by-side diff editor, read-only, over two texts that follow the props. */
export function MonacoDiffEditor(props: { original: string; modified: string; path: string }) {
  const host = useRef<HTMLDivElement | null>(null)
  const [models, setModels] = useState<Models | null>(null)
  const [monaco, setMonaco] = useState<MonacoModule['monaco'] | null>(null)

  useEffect(() => {
    let cleanup = (): void => {}
    let disposed = false
    void loadMonaco().then(({ monaco: m }) => {
      if (disposed || !host.current) return
      const original = m.editor.createModel(props.original, 'json', m.Uri.parse(`file://${props.path}.original.json`))
      const modified = m.editor.createModel(props.modified, 'json', m.Uri.parse(`file://${props.path}.modified.json`))
      const editor = m.editor.createDiffEditor(host.current, { readOnly: true, automaticLayout: true, renderSideBySide: true, minimap: { enabled: false }, fontSize: 12, scrollBeyondLastLine: false, originalEditable: false })
      editor.setModel({ original, modified })
      cleanup = () => {
        editor.dispose()
        original.dispose()
        modified.dispose()
      }
      setMonaco(m)
      setModels({ original, modified })
    })
    return () => {
      disposed = true
      cleanup()
    }
  }, [props.path])

  useEffect(() => {
    if (!models || !monaco) return
    if (models.original.getValue() !== props.original) models.original.setValue(props.original)
    if (models.modified.getValue() !== props.modified) models.modified.setValue(props.modified)
  }, [models, monaco, props.original, props.modified])

  return (
    <div class="editor-host">
      <div ref={host} class="editor" data-testid="preset-diff" />
      {!models && <div class="editor-loading">Loading the diff…</div>}
    </div>
  )
}
