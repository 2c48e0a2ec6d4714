import { useState } from 'preact/hooks'
import { ColumnError, mapAttribute, type CellResult, type ClayRowState } from './clay-model.ts'
import { clayTable, selectedCell } from './clay-store.ts'
import { JsonTree } from './json-tree.tsx'

const pretty = (text: string): string => {
  try {
    return JSON.stringify(JSON.parse(text), null, 2)
  } catch {
    return text
  }
}

/** "Add as column": a new column (named after the attribute) or an existing one. */
function AddAsColumn({ path, onDone }: { path: string[]; onDone: () => void }) {
  const suggested = path.at(-1) ?? 'Value'
  const columns = clayTable.value.columns.filter((c) => c.kind !== 'webhook')
  const [target, setTarget] = useState('__new__')
  const [name, setName] = useState(suggested.charAt(0).toUpperCase() + suggested.slice(1))
  const [error, setError] = useState<string | null>(null)
  return (
    <form
      class="add-as-column"
      aria-label="Add as column"
      onSubmit={(event) => {
        event.preventDefault()
        try {
          clayTable.value = mapAttribute(clayTable.value, path, target === '__new__' ? name : target)
          onDone()
        } catch (e) {
          if (!(e instanceof ColumnError)) throw e
          setError(e.message)
        }
      }}
    >
      <p>
        Map <code>{path.join('.')}</code> to
      </p>
      <select aria-label="Column to fill" value={target} onChange={(e) => setTarget(e.currentTarget.value)}>
        <option value="__new__">a new column…</option>
        {columns.map((c) => (
          <option key={c.name} value={c.name}>
            {c.name}
          </option>
        ))}
      </select>
      {target === '__new__' && <input aria-label="New column name" value={name} onInput={(e) => setName(e.currentTarget.value)} />}
      <button type="submit" class="btn small primary">
        Add as column
      </button>
      <button type="button" class="btn small" onClick={onDone}>
        Cancel
      </button>
      {error && <p role="alert" class="bad">{error}</p>}
    </form>
  )
}

function ExchangeView({ result }: { result: CellResult }) {
  const { exchange } = result
  return (
    <div class="cell-exchange">
      <p>
        <strong>{String(result.status)}</strong> {result.message ?? ''}
      </p>
      {exchange ? (
        <>
          <h4>Request</h4>
          <pre aria-label="Request">{`${exchange.request.method} ${exchange.request.url}\n${Object.entries(exchange.request.headers).map(([k, v]) => `${k}: ${v}`).join('\n')}\n\n${pretty(exchange.request.body)}`}</pre>
          <h4>Response</h4>
          <pre aria-label="Response">{exchange.response ? `${exchange.response.status}\n\n${pretty(exchange.response.body)}` : 'no answer'}</pre>
        </>
      ) : (
        <p class="muted">Nothing was sent for this row.</p>
      )}
    </div>
  )
}

/** What a clicked cell opens: the webhook body as a tree (with "Add as column"), or a run's request and response. */
export function CellDetail({ row, column }: { row: ClayRowState; column: string }) {
  const [picking, setPicking] = useState<string[] | null>(null)
  const table = clayTable.value
  const http = table.http.find((c) => c.id === column)
  const index = table.rows.indexOf(row) + 1
  const title = http ? `${http.name}, row ${index}` : `${column}, row ${index}`
  return (
    <section class="cell-detail" aria-label="Cell details">
      <header>
        <h3>{title}</h3>
        <span class="spacer" />
        <button type="button" class="btn small" onClick={() => (selectedCell.value = null)}>
          Close
        </button>
      </header>
      {http ? (
        row.results[http.id] ? <ExchangeView result={row.results[http.id] as CellResult} /> : <p class="muted">Not run yet.</p>
      ) : (
        <>
          <p class="muted">The full request body Loops sent. Pick an attribute and "Add as column": later rows fill it too.</p>
          {picking && <AddAsColumn path={picking} onDone={() => setPicking(null)} />}
          <ul class="tree root">
            <JsonTree value={row.cells[column]} onPick={setPicking} />
          </ul>
        </>
      )}
    </section>
  )
}
