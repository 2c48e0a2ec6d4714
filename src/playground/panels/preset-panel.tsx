import { MonacoEditor } from '../editor/monaco-editor.tsx'
import { presetState } from '../state/mapping.ts'
import { presetLabel } from '../state/preset-label.ts'
import { DEFAULT_PRESET_TEXT, presetText } from '../state/source.ts'
import { Panel } from './panel.tsx'

export const PRESET_PATH = '/preset.json'

/** The preset, validated inline against its JSON Schema; the preview follows it. */
export function PresetPanel({ onSubmit }: { onSubmit: () => void }) {
  const { issues, preset } = presetState.value
  const isDefault = presetText.value === DEFAULT_PRESET_TEXT
  return (
    <Panel
      label="Preset"
      area="preset"
      hint={issues.length ? 'not in use: fix the errors below' : `"${presetLabel(preset)}" in use`}
      actions={
        <button type="button" class="btn small" disabled={isDefault} onClick={() => (presetText.value = DEFAULT_PRESET_TEXT)}>
          Restore Default
        </button>
      }
    >
      {issues.length > 0 && (
        <div class="notice error" role="status">
          <p>
            The preset has {issues.length === 1 ? 'an error' : `${issues.length} errors`}; the preview uses the last valid
            preset ("{presetLabel(preset)}").
          </p>
          {issues.slice(0, 3).map((issue) => (
            <p key={issue.path + issue.message}>
              <code>{issue.path}</code>: {issue.message}
            </p>
          ))}
        </div>
      )}
      <MonacoEditor
        value={presetText.value}
        language="json"
        path={PRESET_PATH}
        onChange={(value) => (presetText.value = value)}
        onSubmit={onSubmit}
      />
    </Panel>
  )
}
