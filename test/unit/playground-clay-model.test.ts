import { expect, it } from 'vitest'
import { parseClayTable } from '../../src/clay/parse-clay-table.ts'
import { addColumn, addRow, applyDeliveries, editCell, emptyTable, importRows, mapAttribute } from '../../src/playground/clay/clay-model.ts'
import { parseTableState, shareTextOf } from '../../src/playground/clay/parse-table-state.ts'

const created = (id: string, email: string, extra: Record<string, unknown> = {}) => ({
  id,
  eventName: 'contact.created',
  state: 'delivered',
  payload: { eventName: 'contact.created', eventTime: 1, webhookSchemaVersion: '1.0.0', contactIdentity: { id: `c_${id}`, email, userId: null }, contact: { id: `c_${id}`, email, firstName: null, ...extra } },
})

it('turns each new contact.created delivery into a row and ignores other events and repeats', () => {
  const first = applyDeliveries(emptyTable(), [created('m1', 'a@acme.dev'), { id: 'm2', eventName: 'contact.deleted', state: 'delivered', payload: {} }, { ...created('m4', 'p@acme.dev'), state: 'pending' }])
  expect(first.added).toHaveLength(1)
  const again = applyDeliveries(first.table, [created('m1', 'a@acme.dev'), created('m3', 'b@globex.com')])
  expect(again.added).toHaveLength(1)
  expect(again.table.rows).toHaveLength(2)
  expect(again.table.rows[1]?.cells['Webhook']).toMatchObject({ contact: { email: 'b@globex.com' } })
})

it('fills a column added from a webhook attribute now and for rows that arrive later', () => {
  let table = applyDeliveries(emptyTable(), [created('m1', 'a@acme.dev', { favoriteColor: 'blue' })]).table
  table = mapAttribute(table, ['contact', 'email'], 'Email')
  table = mapAttribute(table, ['contact', 'favoriteColor'], 'Color')
  table = applyDeliveries(table, [created('m2', 'b@globex.com')]).table
  expect(table.rows.map((r) => [r.cells['Email'], r.cells['Color']])).toEqual([
    ['a@acme.dev', 'blue'],
    ['b@globex.com', null],
  ])
})

it('maps an attribute into an existing typed column', () => {
  let table = addColumn(emptyTable(), { name: 'Email', kind: 'text' })
  table = applyDeliveries(table, [created('m1', 'a@acme.dev')]).table
  expect(table.rows[0]?.cells['Email']).toBeUndefined()
  table = mapAttribute(table, ['contact', 'email'], 'Email')
  expect(table.rows[0]?.cells['Email']).toBe('a@acme.dev')
})

it('enriches company and size from the email domain and recomputes when the email is edited', () => {
  let table = addColumn(emptyTable(), { name: 'Email', kind: 'text' })
  table = addColumn(table, { name: 'Company', kind: 'enrichment', field: 'company', from: 'Email' })
  table = addColumn(table, { name: 'Size', kind: 'enrichment', field: 'size', from: 'Email' })
  const { table: withRow, id } = addRow(table, { Email: 'ada@acme.dev' })
  expect(withRow.rows[0]?.cells).toMatchObject({ Company: 'Acme', Size: 120 })
  const edited = editCell(withRow, id, 'Email', 'lin@gmail.com')
  expect(edited.changed).toBe(true)
  expect(edited.table.rows[0]?.cells).toMatchObject({ Company: null, Size: null })
  expect(editCell(edited.table, id, 'Email', 'lin@gmail.com').changed).toBe(false)
})

it('refuses a duplicate or empty column name with a clear message', () => {
  const table = addColumn(emptyTable(), { name: 'Email', kind: 'text' })
  expect(() => addColumn(table, { name: 'Email', kind: 'text' })).toThrow('There is already a column "Email".')
  expect(() => addColumn(table, { name: ' ', kind: 'text' })).toThrow('Give the column a name.')
})

it('imports CSV rows, adding the columns the table lacks', () => {
  const { columns, rows } = parseClayTable('Email,Note\na@b.co,"x, ""y""\nz"\n', 'csv')
  const table = importRows(emptyTable(), columns, rows)
  expect(table.columns.map((c) => c.name)).toEqual(['Webhook', 'Email', 'Note'])
  expect(table.rows[0]?.cells).toEqual({ Email: 'a@b.co', Note: 'x, "y"\nz' })
})

it('says which line of an NDJSON file or which item of a JSON file is not a row', () => {
  expect(() => parseClayTable('{"a":1}\n[1]\n', 'ndjson')).toThrow('line 2 is not a JSON object')
  expect(() => parseClayTable('{"a":1}\n{oops\n', 'ndjson')).toThrow(/line 2 is not JSON/)
  expect(() => parseClayTable('{"a":1}', 'json')).toThrow('must hold an array of row objects')
  expect(() => parseClayTable('Email,Name\n"unclosed,x\n', 'csv')).toThrow(/CSV/)
})

it('restores a stored table, drops results left running, and shares it without results', () => {
  const table = addRow(addColumn(emptyTable(), { name: 'Email', kind: 'text' }), { Email: 'a@b.co' }).table
  const row = table.rows[0]!
  const stored = JSON.stringify({ ...table, rows: [{ ...row, results: { h1: { status: 'running' }, h2: { status: 200 } } }] })
  expect(parseTableState(stored)?.rows[0]?.results).toEqual({ h2: { status: 200 } })
  expect(parseTableState('{"columns": 1}')).toBeUndefined()
  expect(parseTableState('not json')).toBeUndefined()
  expect(JSON.parse(shareTextOf(parseTableState(stored)!)!).rows[0].results).toEqual({})
  expect(shareTextOf(emptyTable())).toBeUndefined()
})

it('carries the Clay table in a share link next to the script and preset', async () => {
  const { decodeState, encodeState } = await import('../../src/playground/state/share-url.ts')
  const state = { script: 'datafly.page()', clay: '{"columns":[]}' }
  expect(decodeState(encodeState(state), { script: 'x' })).toEqual(state)
})
