import { useEffect } from 'preact/hooks'
import { CLAY_ENDPOINTS } from '../../core/clay/index.ts'
import { CLAY_BODY_PATH_PREFIX, registerClayBodyCompletion } from '../editor/clay-body-completion.ts'
import { MonacoEditor } from '../editor/monaco-editor.tsx'
import { removeHttpColumn, upsertHttpColumn, type HttpColumn } from './clay-model.ts'
import { clayTable, editingHttp, previewRowId } from './clay-store.ts'
import { previewBody } from './preview-body.ts'
import { failedRowIds, runHttpColumn } from './run-http-column.ts'

const LOOPS_URL = 'https://app.loops.so'

/** The settings of an HTTP API column, as Clay's "Configure" section, with a live preview of the body. */
export function HttpColumnEditor({ column }: { column: HttpColumn }) {
  const table = clayTable.value
  const names = table.columns.map((c) => c.name)
  useEffect(() => void registerClayBodyCompletion(() => clayTable.value.columns.map((c) => c.name)), [])
  const set = (patch: Partial<HttpColumn>): void => {
    clayTable.value = upsertHttpColumn(clayTable.value, { ...clayTable.value.http.find((c) => c.id === column.id) ?? column, ...patch })
  }
  const rowIndex = Math.max(0, table.rows.findIndex((r) => r.id === previewRowId.value))
  const row = table.rows[rowIndex]
  const preview = previewBody(column, row?.cells, rowIndex + 1, names)
  const failed = failedRowIds(table, column)
  const id = `http-${column.id}`
  return (
    <section class="http-editor" aria-label={`HTTP API column ${column.name}`}>
      <header>
        <h3>HTTP API: {column.name}</h3>
        <span class="spacer" />
        <button type="button" class="btn small" onClick={() => (editingHttp.value = null)}>
          Close
        </button>
      </header>
      <div class="http-fields">
        <label>
          Name <input value={column.name} onChange={(e) => set({ name: e.currentTarget.value.trim() || column.name })} />
        </label>
        <label>
          Method
          <select
            value={column.method}
            onChange={(e) => {
              const method = e.currentTarget.value as HttpColumn['method']
              const endpoint = method === 'PUT' ? CLAY_ENDPOINTS['contacts/update'].path : CLAY_ENDPOINTS['events/send'].path
              set({ method, endpoint: `${LOOPS_URL}${endpoint}` })
            }}
          >
            <option value="PUT">PUT</option>
            <option value="POST">POST</option>
          </select>
        </label>
        <label class="grow">
          Endpoint
          <input list={`${id}-endpoints`} class="mono" value={column.endpoint} spellcheck={false} onChange={(e) => set({ endpoint: e.currentTarget.value })} />
          <datalist id={`${id}-endpoints`}>
            <option value={`${LOOPS_URL}${CLAY_ENDPOINTS['contacts/update'].path}`} />
            <option value={`${LOOPS_URL}${CLAY_ENDPOINTS['events/send'].path}`} />
          </datalist>
        </label>
      </div>
      <p class="muted small">
        Headers from the connection: <code>Authorization: Bearer &lt;key of the selected target&gt;</code>, <code>Content-Type: application/json</code>. Sent to the
        target chosen at the top, as Datafly sends are.
      </p>
      <div class="http-body">
        <div class="http-template">
          <span class="label">Body (type / to insert a column)</span>
          <MonacoEditor value={column.body} language="plaintext" path={`${CLAY_BODY_PATH_PREFIX}${column.id}.txt`} markers={preview.markers} onChange={(body) => set({ body })} />
        </div>
        <div class="http-preview" aria-label="Body preview" role="region">
          <span class="label">
            Preview for row{' '}
            <select aria-label="Preview row" value={row?.id ?? ''} onChange={(e) => (previewRowId.value = e.currentTarget.value)}>
              {table.rows.map((r, i) => (
                <option key={r.id} value={r.id}>
                  {i + 1}
                </option>
              ))}
            </select>
          </span>
          {preview.skipped && <p class="notice info">{preview.skipped}</p>}
          <pre class="mono">{preview.text || ' '}</pre>
          <ul class="problems" aria-label="Body problems">
            {preview.problems.map((p) => (
              <li key={p.message} class={p.severity}>
                {p.message}
              </li>
            ))}
          </ul>
        </div>
      </div>
      <div class="http-options">
        <label>
          Only run if
          <select value={column.onlyIf} onChange={(e) => set({ onlyIf: e.currentTarget.value })}>
            <option value="">(always run)</option>
            {names.map((name) => (
              <option key={name} value={name}>
                {name} is not empty
              </option>
            ))}
          </select>
        </label>
        <label>
          <input type="checkbox" checked={column.removeEmpty} onChange={(e) => set({ removeEmpty: e.currentTarget.checked })} /> Remove null &amp; undefined values
        </label>
        <label>
          <input type="checkbox" checked={column.autoUpdate} onChange={(e) => set({ autoUpdate: e.currentTarget.checked })} /> Auto-update
        </label>
        <span class="spacer" />
        <button type="button" class="btn small primary" disabled={table.rows.length === 0} onClick={() => void runHttpColumn(column.id, table.rows.map((r) => r.id))}>
          Run all rows ({table.rows.length})
        </button>
        <button type="button" class="btn small" disabled={failed.length === 0} onClick={() => void runHttpColumn(column.id, failed)}>
          Run rows that failed ({failed.length})
        </button>
        <button
          type="button"
          class="btn small"
          onClick={() => {
            clayTable.value = removeHttpColumn(clayTable.value, column.id)
            editingHttp.value = null
          }}
        >
          Delete column
        </button>
      </div>
    </section>
  )
}
