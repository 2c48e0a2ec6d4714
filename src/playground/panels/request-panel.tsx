import { MonacoEditor } from '../editor/monaco-editor.tsx'
import { mapping } from '../state/mapping.ts'
import { nestsContactProperties, requestText } from '../state/request-text.ts'
import { presetText } from '../state/source.ts'
import { CallList, StatusSummary } from './call-list.tsx'
import { Panel } from './panel.tsx'
import { WhatIfControl } from './what-if-control.tsx'

export const REQUEST_PATH = '/loops-request.json'

function useRootShape(): void {
  try {
    const value = JSON.parse(presetText.value) as Record<string, unknown>
    presetText.value = `${JSON.stringify({ ...value, contactProperties: 'root' }, null, 2)}\n`
  } catch {
    // the preset does not parse: its panel already says so
  }
}

/** The mapped Loops request(s), recomputed on every edit, with each call's status. */
export function RequestPanel({ onReady }: { onReady: () => void }) {
  const { results, scriptIssues, stale } = mapping.value
  const syntax = scriptIssues.find((i) => i.severity === 'error')
  return (
    <Panel label="Loops request" area="request" hint={<StatusSummary />}>
      {stale && syntax && (
        <div class="notice error" role="status">
          <p>
            {syntax.line !== undefined ? `Line ${syntax.line}: ` : ''}
            {syntax.message}
          </p>
          <p>The preview below is from the last version of the script that parsed.</p>
        </div>
      )}
      {results.length === 0 && !stale && (
        <p class="empty">
          No <code>datafly</code> calls yet. Type one, e.g. <code>datafly.track('Signed Up', {'{'} plan: 'pro' {'}'})</code>,
          or pick an example.
        </p>
      )}
      {nestsContactProperties.value && (
        <div class="notice info" role="group" aria-label="Contact properties shape">
          <p>
            Contact properties are <strong>nested</strong> under <code>contactProperties</code> (Datafly's shape); Loops
            documents them at the root.{' '}
            <button type="button" class="btn link" onClick={useRootShape}>
              Use the root shape
            </button>
          </p>
          <details>
            <summary>Why it matters</summary>
            <p>
              That is the Datafly document's shape. Loops documents contact properties at the <strong>root</strong> of
              the body, and its SDKs send them there. The mock accepts both; real Loops may not update the contact from
              a nested object. <strong>Use the root shape</strong> sets <code>"contactProperties": "root"</code> in the
              preset.
            </p>
          </details>
        </div>
      )}
      {results.length > 0 && <CallList />}
      {results.length > 0 && <WhatIfControl />}
      <MonacoEditor value={requestText.value} language="json" path={REQUEST_PATH} readOnly onReady={onReady} />
    </Panel>
  )
}
