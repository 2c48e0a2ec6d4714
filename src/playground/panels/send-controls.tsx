import { mapping } from '../state/mapping.ts'
import { readyResults } from '../state/request-text.ts'
import { apiKey, mockServerUrl, setApiKey, target, TARGET_LABELS, type TargetKind } from '../state/target.ts'
import { cancelSend, sending } from '../send/run-send.ts'

const isMac = /Mac|iPhone|iPad/.test(globalThis.navigator?.platform ?? '')

/** Target, API key and Send (also Ctrl/Cmd+Enter); inside the page's send form, which submits. */
export function SendControls() {
  const ready = readyResults.value.length
  const total = mapping.value.results.length
  return (
    <>
      <div class="field">
        <label for="target">Target</label>
        <select id="target" value={target.value} onChange={(e) => (target.value = e.currentTarget.value as TargetKind)}>
          {(Object.keys(TARGET_LABELS) as TargetKind[]).map((kind) => (
            <option key={kind} value={kind}>
              {TARGET_LABELS[kind]}
            </option>
          ))}
        </select>
      </div>
      {target.value === 'mock-server' && (
        <div class="field">
          <label for="mock-url">URL</label>
          <input id="mock-url" class="url" type="url" value={mockServerUrl.value} spellcheck={false} onChange={(e) => (mockServerUrl.value = e.currentTarget.value.trim())} />
        </div>
      )}
      <div class="field">
        <label for="api-key">API key</label>
        <input
          id="api-key"
          type="password"
          autocomplete="off"
          spellcheck={false}
          value={apiKey.value}
          placeholder={target.value === 'loops-proxy' ? 'held by the proxy' : 'the mock key'}
          onInput={(e) => setApiKey(e.currentTarget.value)}
        />
      </div>
      {sending.value ? (
        <button type="button" class="btn" onClick={cancelSend}>
          Cancel
        </button>
      ) : (
        <button
          type="submit"
          class="btn primary"
          disabled={total === 0 || mapping.value.stale}
          title={
            mapping.value.stale
              ? 'Fix the syntax error in the script first'
              : `Send the ${ready} ready request${ready === 1 ? '' : 's'} (${isMac ? '⌘' : 'Ctrl'}+Enter)`
          }
        >
          Send
          <kbd aria-hidden="true">{isMac ? '⌘↵' : 'Ctrl+↵'}</kbd>
        </button>
      )}
    </>
  )
}
