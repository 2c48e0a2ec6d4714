import { render } from 'preact'
import { App } from './app.tsx'
import { configureLanguages } from './editor/configure-languages.ts'
import { installExplain } from './editor/install-explain.ts'
import { loadMonaco } from './editor/load-monaco.ts'
import { createTestHook, type PlaygroundHook } from './editor/test-hook.ts'
import { startInBrowserMock } from './mock/start-in-browser-mock.ts'
import { PRESET_PATH } from './panels/preset-panel.tsx'
import { REQUEST_PATH } from './panels/request-panel.tsx'
import { SCRIPT_PATH } from './panels/script-panel.tsx'
import { refreshMock } from './state/mock-state.ts'
import { syncShareHash } from './state/share-sync.ts'
import { presetText, scriptText, exampleId } from './state/source.ts'
import './styles.css'

declare global {
  interface Window {
    __playground?: PlaygroundHook
  }
}

const ready = new Set<string>()
const markReady = (part: string): void => {
  ready.add(part)
  performance.mark(`playground:${part}-ready`)
  if (ready.has('script') && ready.has('request') && ready.has('mock')) document.body.dataset.ready = 'true'
}

const root = document.getElementById('app')
if (root) {
  root.textContent = ''
  render(<App onEditorReady={markReady} />, root)
}
const hook = createTestHook(
  { script: SCRIPT_PATH, preset: PRESET_PATH, request: REQUEST_PATH },
  {
    script: (value) => {
      scriptText.value = value
      exampleId.value = null
    },
    preset: (value) => (presetText.value = value),
  },
)
Object.defineProperty(window, '__playground', { value: hook, configurable: true })
syncShareHash()
void configureLanguages(PRESET_PATH)
void loadMonaco().then(({ monaco }) => installExplain(monaco, { script: SCRIPT_PATH, request: REQUEST_PATH }))
void startInBrowserMock().then(() => {
  markReady('mock')
  return refreshMock()
})
