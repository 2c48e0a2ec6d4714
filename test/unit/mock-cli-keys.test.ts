import { expect, it } from 'vitest'
import { parseKeys } from '../../src/cli/commands/mock-server.ts'

it('reads team switches after a colon: no-content turns the content API off, attachments turns attachments on', () => {
  expect(parseKeys('k1=Acme,k2=Solo:no-content,k3=Big:attachments+no-content')).toEqual({
    keys: { k1: 'Acme', k2: 'Solo', k3: 'Big' },
    teams: { Solo: { contentApi: false }, Big: { attachments: true, contentApi: false } },
  })
})

it('refuses an unknown team switch, naming it', () => {
  expect(() => parseKeys('k1=Acme:sparkles')).toThrow(/unknown team switch "sparkles"/)
})
