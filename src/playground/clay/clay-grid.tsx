import { cellText } from '../../core/clay/index.ts'
import { cellLabel, deleteRow, editCell, removeColumn, type CellResult, type ClayColumn } from './clay-model.ts'
import { clayTable, editingHttp, selectedCell } from './clay-store.ts'
import { autoRun } from './run-http-column.ts'

const statusClass = (status: CellResult['status'] | undefined): string =>
  typeof status === 'number' ? (status >= 200 && status < 300 ? 'delivered' : 'failed') : status === 'skipped' ? 'skipped' : status === 'running' ? 'sending' : status ? 'failed' : ''

const kindNote = (column: ClayColumn): string =>
  column.kind === 'webhook' ? 'Webhook source' : column.kind === 'mapped' ? `from ${column.path.join('.')}` : column.kind === 'enrichment' ? `enrichment of ${column.from}` : 'text'

function TextCell({ rowId, rowNumber, column, value }: { rowId: string; rowNumber: number; column: string; value: unknown }) {
  const text = cellText(value)
  // a textarea, not an input: a cell may hold line breaks (a CSV field), which an input would drop
  return (
    <textarea
      class="cell-input"
      rows={Math.min(3, text.split('\n').length)}
      aria-label={`Row ${rowNumber}, ${column}`}
      value={text}
      onChange={(e) => {
        const { table, changed } = editCell(clayTable.value, rowId, column, e.currentTarget.value)
        clayTable.value = table
        if (changed) autoRun([rowId])
      }}
    />
  )
}

/** The table: columns, then HTTP API columns; a click on a webhook or HTTP cell opens its details. */
export function ClayGrid() {
  const table = clayTable.value
  if (table.rows.length === 0 && table.columns.length <= 1 && table.http.length === 0) {
    return (
      <p class="empty">
        An empty table. Rows arrive from Loops' <code>contact.created</code> webhooks (Send an identify to the in-browser mock), or add them by hand, or
        import a CSV file. Then add an HTTP API column to write back to Loops. Or load the "Clay round trip" example.
      </p>
    )
  }
  return (
    <div class="clay-grid">
      <table>
        <thead>
          <tr>
            <th scope="col">#</th>
            {table.columns.map((column) => (
              <th scope="col" key={column.name} title={kindNote(column)}>
                <span>{column.name}</span>
                <small>{kindNote(column)}</small>
                {column.kind !== 'webhook' && (
                  <button type="button" class="btn link small-link" aria-label={`Remove column ${column.name}`} onClick={() => (clayTable.value = removeColumn(clayTable.value, column.name))}>
                    ×
                  </button>
                )}
              </th>
            ))}
            {table.http.map((column) => (
              <th scope="col" key={column.id} class="http-head">
                <button type="button" class="btn link" onClick={() => (editingHttp.value = column.id)} aria-label={`Edit HTTP API column ${column.name}`}>
                  {column.name}
                </button>
                <small>
                  {column.method} {column.endpoint.replace(/^https?:\/\/[^/]+/, '')}
                  {column.onlyIf ? ` · only if ${column.onlyIf}` : ''}
                  {column.autoUpdate ? ' · auto' : ''}
                </small>
              </th>
            ))}
            <th scope="col">
              <span class="sr-only">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {table.rows.map((row, index) => (
            <tr key={row.id} aria-label={`Row ${index + 1}`}>
              <th scope="row">{index + 1}</th>
              {table.columns.map((column) => (
                <td key={column.name}>
                  {column.kind === 'text' ? (
                    <TextCell rowId={row.id} rowNumber={index + 1} column={column.name} value={row.cells[column.name]} />
                  ) : column.kind === 'webhook' ? (
                    row.cells[column.name] === undefined ? (
                      <span class="muted">—</span>
                    ) : (
                      <button type="button" class="btn link" aria-label={`Row ${index + 1}, ${column.name}: open the request body`} onClick={() => (selectedCell.value = { rowId: row.id, column: column.name })}>
                        {String((row.cells[column.name] as { eventName?: unknown } | null)?.eventName ?? 'body')}
                      </button>
                    )
                  ) : (
                    <span class="cell-value" aria-label={`Row ${index + 1}, ${column.name}`}>
                      {cellLabel(row.cells[column.name])}
                    </span>
                  )}
                </td>
              ))}
              {table.http.map((column) => {
                const result = row.results[column.id]
                return (
                  <td key={column.id}>
                    <button
                      type="button"
                      class={`chip ${statusClass(result?.status)}`}
                      aria-label={`Row ${index + 1}, ${column.name}: ${result ? String(result.status) : 'not run'}`}
                      title={result?.message}
                      onClick={() => (selectedCell.value = { rowId: row.id, column: column.id })}
                    >
                      {result ? String(result.status) : '·'}
                    </button>
                  </td>
                )
              })}
              <td>
                <button type="button" class="btn link small-link" aria-label={`Delete row ${index + 1}`} onClick={() => (clayTable.value = deleteRow(clayTable.value, row.id))}>
                  Delete
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}
