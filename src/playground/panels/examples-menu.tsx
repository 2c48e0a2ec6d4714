import { loadClayExample } from '../clay/load-clay-example.ts'
import { examples } from '../examples/index.ts'
import { exampleId, presetText, DEFAULT_PRESET_TEXT, scriptText } from '../state/source.ts'

/** Loads an example's script (and preset, or the Default one). */
export function loadExample(id: string): void {
  const example = examples.find((e) => e.id === id)
  if (!example) return
  scriptText.value = example.script
  presetText.value = example.preset ? `${JSON.stringify(example.preset, null, 2)}\n` : DEFAULT_PRESET_TEXT
  exampleId.value = example.id
  if (example.clay) loadClayExample(example.clay)
}

export function ExamplesMenu() {
  const current = examples.find((e) => e.id === exampleId.value)
  return (
    <div class="field">
      <label for="examples">Examples</label>
      <select id="examples" value={exampleId.value ?? ''} onChange={(e) => loadExample(e.currentTarget.value)} title={current?.about}>
        {exampleId.value === null && <option value="">Your script</option>}
        {examples.map((example) => (
          <option key={example.id} value={example.id}>
            {example.title}
          </option>
        ))}
      </select>
    </div>
  )
}
