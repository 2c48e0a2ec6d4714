import { MonacoDiffEditor } from '../editor/monaco-diff-editor.tsx'
import { presetState } from '../state/mapping.ts'
import { requestText } from '../state/request-text.ts'
import { defaultPresetText } from '../state/what-if.ts'
import { Panel } from './panel.tsx'

/** The current script's requests under the Default preset (left) and under the edited preset (right). */
export function ComparePanel() {
  const name = presetState.value.preset.name
  return (
    <Panel label="Compare with Default" area="compare" hint={`Default ↔ ${name && name !== 'Default' ? `"${name}"` : 'your preset'}`}>
      <MonacoDiffEditor original={defaultPresetText.value} modified={requestText.value} path="/compare-presets" />
    </Panel>
  )
}
