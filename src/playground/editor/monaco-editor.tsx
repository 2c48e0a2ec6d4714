import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks'
import type { EditorMarker } from './editor-marker.ts'
import { loadMonaco, type MonacoModule } from './load-monaco.ts'

export interface MonacoEditorProps {
  value: string
  language: 'javascript' | 'json' | 'plaintext'
  /** The model URI path, e.g. `/script.js`: the key for typings, JSON Schemas and the test hook. */
  path: string
  onChange?: (value: string) => void
  markers?: readonly EditorMarker[]
  readOnly?: boolean
  /** Ctrl/Cmd+Enter inside the editor. */
  onSubmit?: () => void
  /** Called once the editor exists. */
  onReady?: () => void
}

const SEVERITY = { error: 8, warning: 4, info: 2, hint: 1 } as const

/** The one component that shows Monaco. Monaco itself is loaded on first use; until then a calm placeholder. */
export function MonacoEditor(props: MonacoEditorProps) {
  const host = useRef<HTMLDivElement | null>(null)
  const latest = useRef(props)
  latest.current = props
  /** Texts this editor reported through onChange and not yet seen back as props (renders can lag keystrokes). */
  const emitted = useRef<string[]>([])
  const [api, setApi] = useState<{ monaco: MonacoModule['monaco']; model: import('monaco-editor/editor').editor.ITextModel } | null>(null)
  const [failed, setFailed] = useState<string | null>(null)

  useEffect(() => {
    let disposed = false
    let cleanup = (): void => {}
    loadMonaco().then(
      ({ monaco }) => {
        if (disposed || !host.current) return
        const uri = monaco.Uri.parse(`file://${props.path}`)
        const model = monaco.editor.getModel(uri) ?? monaco.editor.createModel(latest.current.value, props.language, uri)
        const editor = monaco.editor.create(host.current, {
          model,
          readOnly: props.readOnly ?? false,
          automaticLayout: true,
          minimap: { enabled: false },
          fontSize: 13,
          lineNumbersMinChars: 3,
          scrollBeyondLastLine: false,
          tabSize: 2,
          fixedOverflowWidgets: true,
          renderLineHighlight: props.readOnly ? 'none' : 'line',
          wordWrap: 'on',
          wrappingIndent: 'indent',
          ariaLabel: props.readOnly ? `${props.path} (read-only)` : props.path,
          quickSuggestions: { strings: true, other: true, comments: false },
        })
        const keys = editor.onKeyDown((event) => {
          if ((event.ctrlKey || event.metaKey) && event.keyCode === monaco.KeyCode.Enter && latest.current.onSubmit) {
            event.preventDefault()
            event.stopPropagation()
            latest.current.onSubmit()
          }
        })
        const sub = model.onDidChangeContent(() => {
          const value = model.getValue()
          if (value === latest.current.value) return
          emitted.current.push(value)
          latest.current.onChange?.(value)
        })
        cleanup = () => {
          sub.dispose()
          keys.dispose()
          editor.dispose()
        }
        setApi({ monaco, model })
        latest.current.onReady?.()
      },
      (error: unknown) => setFailed(error instanceof Error ? error.message : String(error)),
    )
    return () => {
      disposed = true
      cleanup()
    }
  }, [props.path])

  useLayoutEffect(() => {
    if (!api) return
    // Our own edits coming back (possibly a few keystrokes behind the model) are not written in again;
    // a change from outside (an example, a share link, the test hook) is.
    const own = emitted.current.lastIndexOf(props.value)
    if (own >= 0) {
      emitted.current = emitted.current.slice(own + 1)
      return
    }
    emitted.current = []
    if (props.value !== api.model.getValue()) {
      api.model.pushEditOperations([], [{ range: api.model.getFullModelRange(), text: props.value }], () => null)
    }
  }, [api, props.value])

  useEffect(() => {
    if (!api) return
    const markers = (props.markers ?? []).map((m) => ({ ...m, severity: SEVERITY[m.severity] }))
    api.monaco.editor.setModelMarkers(api.model, 'datafly', markers)
  }, [api, props.markers])

  return (
    <div class="editor-host">
      <div ref={host} class="editor" />
      {!api && <div class="editor-loading">{failed ? `The editor could not load: ${failed}. Reload the page.` : 'Loading editor…'}</div>}
    </div>
  )
}
