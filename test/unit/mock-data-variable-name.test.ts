import { expect, it } from 'vitest'
import { dataVariableRoot, isDataVariableName } from '../../mock-server/content/data-variable-name.ts'

it('accepts names of letters, numbers, underscores and dashes, dotted paths and array notation', () => {
  for (const name of ['code', 'order-total', 'order_2', '2fa', 'order.id', 'products[].name', 'items[]']) expect(isDataVariableName(name), name).toBe(true)
})

it('refuses empty names, other characters, empty segments and brackets that are not []', () => {
  for (const name of ['', 'total$', 'a/b', 'naïve', 'a..b', '.a', 'a.', 'a[0].b', 'a[]b', 'plan!']) expect(isDataVariableName(name), name).toBe(false)
})

it('names the variable a send must supply: the part before the first dot or array bracket', () => {
  expect(dataVariableRoot('code')).toBe('code')
  expect(dataVariableRoot('order.id')).toBe('order')
  expect(dataVariableRoot('products[].name')).toBe('products')
})
