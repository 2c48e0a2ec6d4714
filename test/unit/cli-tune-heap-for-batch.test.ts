import { expect, it } from 'vitest'
import { tuneHeapForBatch } from '../../src/cli/tune-heap-for-batch.ts'

it('bounds heap growth only for the commands that stream files, not for servers', () => {
  expect(['mock-server', 'proxy', 'webhooks', undefined, '--help'].map((name) => tuneHeapForBatch(name))).toEqual([false, false, false, false, false])
  expect(tuneHeapForBatch('send')).toBe(true)
})
