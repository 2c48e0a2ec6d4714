import { effect } from '@preact/signals'
import { clayShareText } from '../clay/clay-store.ts'
import { encodeState } from './share-url.ts'
import { DEFAULT_PRESET_TEXT, presetText, scriptText } from './source.ts'

/** The share link for the current script, preset and Clay table (never the API key). */
export function shareLink(): string {
  const preset = presetText.value === DEFAULT_PRESET_TEXT ? undefined : presetText.value
  const clay = clayShareText.value
  const hash = encodeState({ script: scriptText.value, ...(preset !== undefined ? { preset } : {}), ...(clay !== undefined ? { clay } : {}) })
  return `${location.origin}${location.pathname}${hash}`
}

/** Keeps the URL hash in step with the editors, so a reload or a copied address restores them. */
export function syncShareHash(): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined
  return effect(() => {
    const link = shareLink()
    clearTimeout(timer)
    timer = setTimeout(() => history.replaceState(null, '', link), 400)
  })
}
