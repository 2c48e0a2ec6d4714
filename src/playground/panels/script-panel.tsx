import { MonacoEditor } from '../editor/monaco-editor.tsx'
import { scriptMarkers } from '../state/markers.ts'
import { exampleId, scriptText } from '../state/source.ts'
import { Panel } from './panel.tsx'

export const SCRIPT_PATH = '/datafly-script.js'

/** The Datafly.js script: typed, parsed on every edit, never run. */
export function ScriptPanel({ onSubmit, onReady }: { onSubmit: () => void; onReady: () => void }) {
  return (
    <Panel label="Datafly.js script" area="script" hint="parsed, never run · Ctrl+Space completes">
      <MonacoEditor
        value={scriptText.value}
        language="javascript"
        path={SCRIPT_PATH}
        markers={scriptMarkers.value}
        onChange={(value) => {
          scriptText.value = value
          exampleId.value = null
        }}
        onSubmit={onSubmit}
        onReady={onReady}
      />
    </Panel>
  )
}
