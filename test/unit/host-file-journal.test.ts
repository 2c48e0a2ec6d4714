import { appendFileSync, mkdtempSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { expect, it } from 'vitest'
import { openFileJournal } from '../../src/host/file-journal.ts'

const entry = (key: string, final: boolean) => ({ key, status: final ? ('delivered' as const) : ('failed' as const), final, index: 0 })

it('remembers final outcomes across opens, and not the ones worth sending again', async () => {
  const path = join(mkdtempSync(join(tmpdir(), 'journal-')), 'j.ndjson')
  const first = await openFileJournal(path)
  expect(first.doneAtOpen).toBe(0)
  first.record(entry('POST /api/v1/events/send k1', true))
  first.record({ ...entry('POST /api/v1/events/send k2', false), code: 'cancelled' })
  first.close()
  const second = await openFileJournal(path)
  expect(second.isDone('POST /api/v1/events/send k1')).toBe(true)
  expect(second.isDone('POST /api/v1/events/send k2')).toBe(false)
  expect(second.doneAtOpen).toBe(1)
  second.close()
})

it('ignores a torn last line and starts the next record on a line of its own', async () => {
  const path = join(mkdtempSync(join(tmpdir(), 'journal-')), 'j.ndjson')
  const first = await openFileJournal(path)
  first.record(entry('k1', true))
  first.close()
  appendFileSync(path, '{"key":"k2","status":"deliv')
  const second = await openFileJournal(path)
  expect(second.ignoredAtOpen).toBe(1)
  expect(second.isDone('k2')).toBe(false)
  second.record(entry('k3', true))
  second.close()
  const lines = readFileSync(path, 'utf8').split('\n')
  expect(lines[1]).toBe('{"key":"k2","status":"deliv')
  expect(JSON.parse(lines[2] ?? '')).toMatchObject({ key: 'k3' })
  const third = await openFileJournal(path)
  expect([third.isDone('k1'), third.isDone('k2'), third.isDone('k3'), third.ignoredAtOpen]).toEqual([true, false, true, 1])
  third.close()
})
