import type { LoopsRequest } from '../../core/index.ts'
import { toJsLiteral } from './to-js-literal.ts'

/**
 * The request as a `fetch` call for real Loops: the same method, path, headers and body bytes the sender sends;
 * the key is read from `process.env.LOOPS_API_KEY`, never written into the code.
 */
export function toFetchCode(request: LoopsRequest, origin = 'https://app.loops.so'): string {
  const headers = Object.entries(request.headers).map(([name, value]) => `    ${toJsLiteral(name)}: ${toJsLiteral(value)},`)
  return [
    `const response = await fetch(${toJsLiteral(`${origin}${request.path}`)}, {`,
    `  method: ${toJsLiteral(request.method)},`,
    '  headers: {',
    "    Authorization: `Bearer ${process.env.LOOPS_API_KEY}`,",
    ...headers,
    '  },',
    `  body: JSON.stringify(${toJsLiteral(request.body, '  ')}),`,
    '})',
    'console.log(response.status, await response.text())',
    '',
  ].join('\n')
}
