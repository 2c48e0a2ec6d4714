import { useState } from 'preact/hooks'
import { clayTableFormatOf, ClayTableError, parseClayTable } from '../../clay/parse-clay-table.ts'
import { Panel } from '../panels/panel.tsx'
import { webhookDeliveries } from '../state/webhook-inbox.ts'
import { addColumn, addRow, ColumnError, emptyTable, importRows, upsertHttpColumn, type ClayColumn } from './clay-model.ts'
import { clayTable, editingHttp, selectedCell } from './clay-store.ts'
import { CellDetail } from './cell-detail.tsx'
import { ClayGrid } from './clay-grid.tsx'
import { HttpColumnEditor } from './http-column-editor.tsx'
import { LOOKUP_FIELDS, type LookupField } from './enrichment-lookup.ts'
import { autoRun } from './run-http-column.ts'
import { connectWebhookSource } from './webhook-source.ts'

// The Webhook source column follows the in-browser mock's deliveries for the page's lifetime.
connectWebhookSource(webhookDeliveries)

/** Reads a chosen CSV (or NDJSON / JSON) file into new rows. */
async function importFile(file: File): Promise<string | null> {
  const format = clayTableFormatOf(file.name) ?? 'csv'
  try {
    const { columns, rows } = parseClayTable(await file.text(), format)
    const before = new Set(clayTable.value.rows.map((r) => r.id))
    clayTable.value = importRows(clayTable.value, columns, rows)
    autoRun(clayTable.value.rows.filter((r) => !before.has(r.id)).map((r) => r.id))
    return null
  } catch (error) {
    if (error instanceof ClayTableError || error instanceof ColumnError) return `${file.name}: ${error.message}.`
    throw error
  }
}

function AddColumnForm({ onDone }: { onDone: () => void }) {
  const columns = clayTable.value.columns
  const [name, setName] = useState('')
  const [kind, setKind] = useState<'text' | LookupField>('text')
  const [from, setFrom] = useState(columns.find((c) => /e-?mail/i.test(c.name))?.name ?? columns[0]?.name ?? '')
  const [error, setError] = useState<string | null>(null)
  return (
    <form
      class="inline-form"
      aria-label="Add column"
      onSubmit={(event) => {
        event.preventDefault()
        const column: ClayColumn = kind === 'text' ? { name, kind: 'text' } : { name, kind: 'enrichment', field: kind, from }
        try {
          const before = clayTable.value
          clayTable.value = addColumn(before, column)
          if (kind !== 'text') autoRun(before.rows.map((r) => r.id))
          onDone()
        } catch (e) {
          if (!(e instanceof ColumnError)) throw e
          setError(e.message)
        }
      }}
    >
      <input aria-label="Column name" placeholder="Column name" value={name} onInput={(e) => setName(e.currentTarget.value)} />
      <select aria-label="Column kind" value={kind} onChange={(e) => setKind(e.currentTarget.value as 'text' | LookupField)}>
        <option value="text">Text</option>
        {(Object.keys(LOOKUP_FIELDS) as LookupField[]).map((field) => (
          <option key={field} value={field}>
            Enrichment: {LOOKUP_FIELDS[field]}
          </option>
        ))}
      </select>
      {kind !== 'text' && (
        <select aria-label="Email column" value={from} onChange={(e) => setFrom(e.currentTarget.value)}>
          {columns.map((c) => (
            <option key={c.name} value={c.name}>
              {c.name}
            </option>
          ))}
        </select>
      )}
      <button type="submit" class="btn small primary">
        Add
      </button>
      <button type="button" class="btn small" onClick={onDone}>
        Cancel
      </button>
      {error && (
        <span role="alert" class="bad">
          {error}
        </span>
      )}
    </form>
  )
}

function newHttpColumn(): void {
  const table = clayTable.value
  const id = `h${table.nextId}`
  const email = table.columns.find((c) => /e-?mail/i.test(c.name))?.name ?? 'Email'
  clayTable.value = {
    ...upsertHttpColumn(table, {
      id,
      name: `HTTP API ${table.http.length + 1}`,
      method: 'PUT',
      endpoint: 'https://app.loops.so/api/v1/contacts/update',
      body: `{\n  "email": "{{${email}}}"\n}\n`,
      onlyIf: '',
      removeEmpty: true,
      autoUpdate: false,
    }),
    nextId: table.nextId + 1,
  }
  editingHttp.value = id
}

/** The Clay view: a table fed by Loops webhooks, typed rows or a CSV file, with HTTP API columns that call Loops. */
export function ClayPanel() {
  const [adding, setAdding] = useState(false)
  const [notice, setNotice] = useState<string | null>(null)
  const table = clayTable.value
  const selected = selectedCell.value
  const selectedRow = selected ? table.rows.find((r) => r.id === selected.rowId) : undefined
  const editing = table.http.find((c) => c.id === editingHttp.value)
  return (
    <Panel
      label="Clay table"
      area="clay"
      hint={`${table.rows.length} row${table.rows.length === 1 ? '' : 's'} · ${table.http.length} HTTP API column${table.http.length === 1 ? '' : 's'}`}
      actions={
        <>
          <button
            type="button"
            class="btn small"
            onClick={() => {
              const { table: next, id } = addRow(clayTable.value, {})
              clayTable.value = next
              autoRun([id])
            }}
          >
            Add row
          </button>
          <label class="btn small file-button">
            Import CSV
            <input
              type="file"
              accept=".csv,.ndjson,.jsonl,.json,text/csv"
              class="sr-only"
              onChange={(e) => {
                const input = e.currentTarget
                const file = input.files?.[0]
                if (file) void importFile(file).then((message) => setNotice(message))
                input.value = ''
              }}
            />
          </label>
          <button type="button" class="btn small" onClick={() => setAdding(true)}>
            Add column
          </button>
          <button type="button" class="btn small" onClick={newHttpColumn}>
            Add HTTP API column
          </button>
          <button
            type="button"
            class="btn small"
            onClick={() => {
              clayTable.value = { ...emptyTable(), seen: clayTable.value.seen }
              selectedCell.value = null
              editingHttp.value = null
            }}
          >
            Clear
          </button>
        </>
      }
    >
      {notice && (
        <div class="notice error" role="alert">
          {notice}
        </div>
      )}
      {adding && <AddColumnForm onDone={() => setAdding(false)} />}
      <ClayGrid />
      {selected && selectedRow && <CellDetail row={selectedRow} column={selected.column} />}
      {editing && <HttpColumnEditor key={editing.id} column={editing} />}
    </Panel>
  )
}
