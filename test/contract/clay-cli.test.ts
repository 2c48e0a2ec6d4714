import { execFile } from 'node:child_process'
import { mkdtemp, readFile, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, beforeEach, expect, it } from 'vitest'
import { startHttpServerMock, type HttpServerMock } from '../../mock-server/hosts/http-server.ts'

const KEY = '0123456789abcdef0123456789abcdef'
const BIN = join(import.meta.dirname, '../../src/cli/bin.js')
let server: HttpServerMock
let dir: string

function clay(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [BIN, 'clay', ...args], { env: { ...process.env, LOOPS_API_KEY: '' } }, (error, stdout, stderr) => {
      resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr })
    })
  })
}

const file = async (name: string, text: string): Promise<string> => {
  const path = join(dir, name)
  await writeFile(path, text)
  return path
}

const CSV = [
  'Email,First name,Company,Note,Qualified',
  'ana@example.com,Ana,"Acme, Inc.","She said ""hi""",true',
  'zoe@example.com,Zoë,東京 Labs,"line one',
  'line two",',
  ',Nobody,Ghost Co,no email here,true',
  '',
].join('\n')

const UPDATE = '{\n  "email": "{{Email}}",\n  "firstName": "{{First name}}",\n  "company": "{{Company}}",\n  "note": "{{Note}}"\n}\n'

beforeAll(async () => {
  server = await startHttpServerMock({ port: 0, host: '127.0.0.1', keys: { [KEY]: 'Acme' }, rateLimit: 10_000 })
  dir = await mkdtemp(join(tmpdir(), 'clay-cli-'))
})

beforeEach(async () => {
  await server.mock.reset()
})

afterAll(async () => {
  await server.close()
})

it('writes CSV values with quotes, commas, line breaks and non-ASCII to Loops exactly, one JSON outcome per row', async () => {
  const rows = await file('rows.csv', CSV)
  const body = await file('update.json', UPDATE)
  const endpoint = 'https://app.loops.so/api/v1/contacts/update'
  const { code, stdout, stderr } = await clay([rows, '--method', 'PUT', '--endpoint', endpoint, '--body', body, '--target', server.url, '--key', KEY, '--rate', '100', '--json'])
  expect(code).toBe(1)
  const outcomes = stdout.trim().split('\n').map((l) => JSON.parse(l) as { row: number; status: string; httpStatus?: number; message?: string })
  expect(outcomes.toSorted((a, b) => a.row - b.row).map((o) => [o.row, o.status, o.httpStatus])).toEqual([
    [1, 'success', 200],
    [2, 'success', 200],
    [3, 'failed', 400],
  ])
  expect(outcomes.find((o) => o.row === 3)?.message).toMatch(/email/i)
  expect(stderr).toContain('3 rows')
  expect(stdout + stderr).not.toContain(KEY)
  const contacts = server.mock.contacts('Acme').map((c) => c.contact as Record<string, unknown>)
  const ana = contacts.find((c) => c['email'] === 'ana@example.com')
  const zoe = contacts.find((c) => c['email'] === 'zoe@example.com')
  expect(ana).toMatchObject({ firstName: 'Ana', company: 'Acme, Inc.', note: 'She said "hi"' })
  expect(zoe).toMatchObject({ firstName: 'Zoë', company: '東京 Labs', note: 'line one\nline two' })
})

it('sends events only for rows that pass "Only run if", counting the others as skipped, not failed', async () => {
  const rows = await file('events.csv', CSV)
  const body = await file('event.json', '{"email": "{{Email}}", "eventName": "clay_enriched", "company": "{{Company}}"}')
  const deadLetter = join(dir, 'dead.ndjson')
  const { code, stdout } = await clay([rows, '--method', 'POST', '--endpoint', '/api/v1/events/send', '--body', body, '--only-if', 'Qualified', '--target', server.url, '--key', KEY, '--dead-letter', deadLetter])
  expect(stdout).toContain('3 rows')
  expect(stdout).toMatch(/1 delivered, 0 duplicates, 1 skipped, 1 failed/)
  expect(code).toBe(1)
  const events = server.mock.events('Acme') as unknown as { eventName: string }[]
  expect(events.map((e) => e.eventName)).toEqual(['clay_enriched'])
  const dead = (await readFile(deadLetter, 'utf8')).trim().split('\n').map((l) => JSON.parse(l) as { index: number; outcome: string; httpStatus?: number })
  expect(dead.map((d) => [d.index, d.outcome, d.httpStatus])).toEqual([
    [1, 'skipped', undefined],
    [2, 'failed', 400],
  ])
})

it('exits 0 when every row succeeds or is skipped, and drops null values with --remove-empty', async () => {
  const rows = await file('rows.ndjson', '{"Email":"sam@example.com","Plan":"pro","Seats":null}\n{"Email":"kim@example.com","Plan":"","Seats":3}\n')
  const body = await file('seats.json', '{"email": "{{Email}}", "plan": "{{Plan}}", "seats": {{Seats}}}')
  const { code } = await clay([rows, '--method', 'PUT', '--endpoint', '/api/v1/contacts/update', '--body', body, '--remove-empty', '--target', server.url, '--key', KEY])
  expect(code).toBe(0)
  const contacts = server.mock.contacts('Acme').map((c) => c.contact as Record<string, unknown>)
  expect(contacts.find((c) => c['email'] === 'sam@example.com')).toMatchObject({ plan: 'pro' })
  expect(contacts.find((c) => c['email'] === 'sam@example.com')).not.toHaveProperty('seats')
  expect(contacts.find((c) => c['email'] === 'kim@example.com')).toMatchObject({ plan: '', seats: 3 })
})

it('stops before sending anything on a column the file lacks, a bad template or an unreadable file', async () => {
  const rows = await file('cols.csv', CSV)
  const missing = await file('missing.json', '{"email": "{{Email}}", "seats": {{Seats}}}')
  const unclosed = await file('unclosed.json', '{"email": "{{Email"}')
  const common = ['--method', 'PUT', '--endpoint', '/api/v1/contacts/update', '--target', server.url, '--key', KEY]
  const a = await clay([rows, '--body', missing, ...common])
  expect(a.code).toBe(2)
  expect(a.stderr).toMatch(/\{\{Seats\}\} but .*cols\.csv has no such column/)
  const b = await clay([rows, '--body', unclosed, ...common])
  expect(b.code).toBe(2)
  expect(b.stderr).toMatch(/line 1, character 12: This "\{\{" is never closed/)
  const c = await clay([join(dir, 'nope.csv'), '--body', missing, ...common])
  expect(c.code).toBe(2)
  expect(c.stderr).toMatch(/cannot read the table file .*nope\.csv: no such file/)
  const d = await clay([rows, '--body', missing, '--method', 'POST', '--endpoint', '/api/v1/contacts/update', '--target', server.url, '--key', KEY])
  expect(d.code).toBe(2)
  expect(d.stderr).toMatch(/contacts\/update takes PUT, not POST/)
  const e = await clay([rows, '--body', missing, ...common, '--bogus'])
  expect(e.code).toBe(2)
  expect(server.mock.requests()).toEqual([])
})
