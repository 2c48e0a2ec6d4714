// Clay body rendering vs building the same body with JSON.stringify (baseline), over 100 000 rows: the renderer
// (tokens, escaping, position-aware JSON scan, JSON.parse) and planClayRow (renderer + Loops rulebook).
import { parseBodyTemplate, planClayRow, renderBodyTemplate } from '../../src/core/clay/index.ts'
import { median, timeIt } from './time-it.ts'

const SIZE = 100_000
const TEMPLATE = '{\n  "email": "{{Email}}",\n  "firstName": "{{First name}}",\n  "company": "{{Company}}",\n  "note": "{{Note}}",\n  "seats": {{Seats}},\n  "vip": {{VIP}}\n}'

export default async function (): Promise<string> {
  const rows = Array.from({ length: SIZE }, (_, i) => ({
    Email: `person${i}@example.com`,
    'First name': i % 7 === 0 ? 'Zoë "Z" Ångström' : `Name${i}`,
    Company: `Company, Inc. ${i % 100}`,
    Note: i % 5 === 0 ? 'line one\nline two\t"quoted"' : 'plain note',
    Seats: String(i % 500),
    VIP: i % 2 === 0 ? 'true' : 'false',
  }))
  const template = parseBodyTemplate(TEMPLATE)
  const columns = Object.keys(rows[0] ?? {})
  let sink = 0
  const baseline = timeIt(5, () => {
    for (const row of rows) {
      sink += JSON.stringify({ email: row.Email, firstName: row['First name'], company: row.Company, note: row.Note, seats: Number(row.Seats), vip: row.VIP === 'true' }).length
    }
  })
  const render = timeIt(5, () => {
    rows.forEach((row, i) => {
      const result = renderBodyTemplate(template, row, { rowNumber: i + 1, columns })
      if (result.ok) sink += result.text.length
    })
  })
  const plan = timeIt(5, () => {
    rows.forEach((row, i) => {
      if (planClayRow(row, i + 1, { template, endpoint: 'contacts/update', columns }).kind === 'ready') sink++
    })
  })
  if (sink === 0) throw new Error('benchmark produced nothing')
  const base = median(baseline)
  const rate = (ms: number) => Math.round(SIZE / (ms / 1000)).toLocaleString('en-US')
  const lines = [
    ['JSON.stringify of the same body (baseline)', base],
    ['renderBodyTemplate (tokens, escaping, scan, parse)', median(render)],
    ['planClayRow (render + Loops rulebook)', median(plan)],
  ] as const
  return [
    `${SIZE.toLocaleString('en-US')} rows, 6 columns, median of 5 runs`,
    ...lines.map(([name, ms]) => `${name.padEnd(52)} ${ms.toFixed(0).padStart(6)} ms  ${rate(ms).padStart(11)} rows/s  ${(ms / base).toFixed(2)}× baseline`),
  ].join('\n')
}
