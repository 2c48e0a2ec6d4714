import { MonacoEditor } from '../editor/monaco-editor.tsx'
import { examples } from '../examples/index.ts'
import { scriptMarkers } from '../state/markers.ts'
import { exampleId, scriptText } from '../state/source.ts'
import { Panel } from './panel.tsx'

export const SCRIPT_PATH = '/datafly-script.js'

/** The Datafly.js script: typed, parsed on every edit, never run. */
export function ScriptPanel({ onSubmit, onReady }: { onSubmit: () => void; onReady: () => void }) {
  const example = examples.find((e) => e.id === exampleId.value)
  return (
    <Panel label="Datafly.js script" area="script" hint="parsed, never run · Ctrl+Space completes">
      {example && <p class="about">{example.about}</p>}
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
