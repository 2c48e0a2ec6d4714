import { effect } from '@preact/signals'
import { jsonSchemas } from '../../core/index.ts'
import { presetState } from '../state/mapping.ts'
import { dataflyTypings } from './datafly-typings.ts'
import { loadMonaco } from './load-monaco.ts'

/**
 * Once Monaco is loaded: the `datafly` typings (following the preset's event names) and the preset's JSON
 * Schema. Top-level keys may be left out of a preset (they come from the Default one), so none is required.
 */
export async function configureLanguages(presetPath: string): Promise<void> {
  const { setDataflyTypings, setJsonSchema } = await loadMonaco()
  const { required: _required, ...schema } = jsonSchemas.preset()
  setJsonSchema('https://loops-playground.local/preset.schema.json', `*${presetPath}`, schema)
  effect(() => setDataflyTypings(dataflyTypings(presetState.value.preset)))
}
