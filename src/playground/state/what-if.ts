import { computed, signal } from '@preact/signals'
import { diffResults, type CallDiff } from '../../core/explain/diff-results.ts'
import { withConsent, type ConsentWhatIf } from '../../core/explain/with-consent.ts'
import { defaultPreset, mapCalls } from '../../core/index.ts'
import { mapping, presetState } from './mapping.ts'
import { entriesFor } from './request-text.ts'

/** The consent "what if" the user picked; `as-written` maps the script as it is. */
export const consentWhatIf = signal<ConsentWhatIf>('as-written')

/** What would change in the requests if every call had the chosen consent (nothing when `as-written`). */
export const whatIfChanges = computed((): CallDiff[] => {
  const choice = consentWhatIf.value
  if (choice === 'as-written') return []
  const { calls, results } = mapping.value
  const other = mapCalls(withConsent(calls, choice), presetState.value.preset)
  return results.flatMap((result, i) => {
    const next = other[i]
    const diff = next ? diffResults(result, next) : undefined
    return diff ? [diff] : []
  })
})

/** The request editor's text for the current script under the Default preset: the left side of "Compare with Default". */
export const defaultPresetText = computed((): string => {
  const { calls } = mapping.value
  return `${JSON.stringify(entriesFor(mapCalls(calls, defaultPreset), calls), null, 2)}\n`
})
