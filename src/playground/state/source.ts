import { signal } from '@preact/signals'
import { defaultPreset } from '../../core/index.ts'
import { examples } from '../examples/index.ts'
import { decodeState } from './share-url.ts'

export const DEFAULT_PRESET_TEXT = `${JSON.stringify(defaultPreset, null, 2)}\n`

const first = examples[0]
const initial = decodeState(globalThis.location?.hash ?? '', { script: first?.script ?? '' })

/** The Datafly.js script as typed (never evaluated). */
export const scriptText = signal(initial.script)
/** The preset JSON as typed. */
export const presetText = signal(initial.preset ?? DEFAULT_PRESET_TEXT)
/** The example last loaded, for the menu; null once the user edits or loads a shared link. */
export const exampleId = signal<string | null>(initial.script === first?.script ? first.id : null)
