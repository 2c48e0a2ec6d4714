import type { LoopsRequest } from '../../core/index.ts'

const quote = (text: string): string => `'${text.replaceAll("'", `'\\''`)}'`

/** The request as a curl command for real Loops; the key stays in `$LOOPS_API_KEY`, never in the text. */
export function toCurl(request: LoopsRequest, origin = 'https://app.loops.so'): string {
  const headers = Object.entries(request.headers).map(([name, value]) => `  -H ${quote(`${name}: ${value}`)}`)
  return [
    `curl -X ${request.method} ${quote(`${origin}${request.path}`)}`,
    `  -H "Authorization: Bearer $LOOPS_API_KEY"`,
    ...headers,
    `  --data ${quote(JSON.stringify(request.body))}`,
  ].join(' \\\n')
}
