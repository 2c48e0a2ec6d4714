import type { ConsentWhatIf } from '../../core/explain/with-consent.ts'
import { consentWhatIf, whatIfChanges } from '../state/what-if.ts'

const CHOICES: { value: ConsentWhatIf; label: string }[] = [
  { value: 'as-written', label: 'as the script says' },
  { value: 'granted', label: 'granted' },
  { value: 'denied', label: 'denied' },
  { value: 'absent', label: 'absent' },
]

const show = (value: unknown): string => JSON.stringify(value)

/**
 * "What if marketing consent were …": re-maps the script with every call's consent replaced and lists what would
 * change in the requests (subscribed appearing or disappearing), without editing the script or the preview.
 */
export function WhatIfControl() {
  const choice = consentWhatIf.value
  const changes = whatIfChanges.value
  return (
    <div class="what-if" role="group" aria-label="Consent what-if">
      <label>
        Marketing consent{' '}
        <select value={choice} onChange={(e) => (consentWhatIf.value = (e.currentTarget as HTMLSelectElement).value as ConsentWhatIf)}>
          {CHOICES.map((c) => (
            <option value={c.value} key={c.value}>
              {c.label}
            </option>
          ))}
        </select>
      </label>
      {choice !== 'as-written' && (
        <div class="what-if-result" role="status">
          {changes.length === 0 ? (
            <p>With consent {choice}, no request changes.</p>
          ) : (
            <ul>
              {changes.map((diff) => (
                <li key={diff.index}>
                  <strong>
                    #{diff.index + 1} {diff.event ?? diff.type}
                  </strong>
                  {diff.status && ` ${diff.status.from} → ${diff.status.to}`}
                  {diff.changes.map((c) => (
                    <span class={`change change-${c.kind}`} key={c.pointer}>
                      {c.kind === 'added' ? ` + ${c.pointer}: ${show(c.new)}` : c.kind === 'removed' ? ` − ${c.pointer}: ${show(c.old)}` : ` ~ ${c.pointer}: ${show(c.old)} → ${show(c.new)}`}
                    </span>
                  ))}
                </li>
              ))}
            </ul>
          )}
          <p class="hint">The preview and Send still follow the script; this only shows what would change.</p>
        </div>
      )}
    </div>
  )
}
