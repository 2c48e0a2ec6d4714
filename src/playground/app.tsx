import { useEffect, useState } from 'preact/hooks'
import { browserMockStatus } from './mock/start-in-browser-mock.ts'
import { sending, runSend } from './send/run-send.ts'
import { mapping } from './state/mapping.ts'
import { refreshMock } from './state/mock-state.ts'
import { shareLink } from './state/share-sync.ts'
import { apiKey, baseUrl, target, TARGET_LABELS } from './state/target.ts'
import { ExamplesMenu } from './panels/examples-menu.tsx'
import { SendControls } from './panels/send-controls.tsx'
import { LatestOutcome } from './panels/latest-outcome.tsx'
import { PANELS } from './panels/panel-list.tsx'
import { Workspace } from './layout/workspace.tsx'

/** Sends every call of the current script to the current target (ready ones go out). */
export async function send(): Promise<void> {
  // Nothing to send, or the script does not parse: the preview then shows an older script, which is not what to send.
  if (sending.value || mapping.value.results.length === 0 || mapping.value.stale) return
  const mock = browserMockStatus.value
  const notReady = target.value === 'browser-mock' && mock.state !== 'ready'
  const key = notReady ? '' : apiKey.value.trim()
  const proxyKey = key === '' && target.value === 'loops-proxy'
  const timer = setInterval(() => void refreshMock(), 800)
  try {
    await runSend(mapping.value.results, {
      label: target.value === 'mock-server' ? baseUrl.value : TARGET_LABELS[target.value],
      baseUrl: baseUrl.value,
      // Through the proxy, an empty field means the proxy adds the key it holds (LOOPS_API_KEY).
      apiKey: proxyKey ? 'held-by-proxy' : key,
      ...(notReady ? { note: mock.message ?? 'The in-browser mock is still starting: send again in a moment.' } : {}),
      ...(proxyKey
        ? { note: "No key typed: the proxy adds LOOPS_API_KEY from the dev server's environment. Without one there, Loops answers 401." }
        : {}),
    })
  } finally {
    clearInterval(timer)
    await refreshMock()
  }
}

function ShareButton() {
  const [copied, setCopied] = useState(false)
  const copy = async (): Promise<void> => {
    try {
      await navigator.clipboard.writeText(shareLink())
      setCopied(true)
      setTimeout(() => setCopied(false), 1500)
    } catch {
      history.replaceState(null, '', shareLink())
    }
  }
  return (
    <button type="button" class="btn" onClick={() => void copy()} title="Copy a link to this script and preset (never the API key)">
      {copied ? 'Link copied' : 'Share link'}
    </button>
  )
}

export function App({ onEditorReady }: { onEditorReady: (which: 'script' | 'request') => void }) {
  useEffect(() => {
    const onKey = (event: KeyboardEvent): void => {
      if ((event.ctrlKey || event.metaKey) && event.key === 'Enter' && !event.defaultPrevented) {
        event.preventDefault()
        void send()
      }
    }
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  }, [])
  useEffect(() => void refreshMock(), [target.value, baseUrl.value])

  return (
    <div class="app">
      <header class="topbar">
        <div class="brand">
          <strong>Loops playground</strong>
          <span>Datafly.js → Loops</span>
        </div>
        <ExamplesMenu />
        <ShareButton />
        <span class="spacer" />
        <form
          class="send-form"
          aria-label="Sending"
          onSubmit={(event) => {
            event.preventDefault()
            void send()
          }}
        >
          <SendControls />
        </form>
        <LatestOutcome />
      </header>
      <Workspace panels={PANELS} context={{ send: () => void send(), onEditorReady }} />
    </div>
  )
}
