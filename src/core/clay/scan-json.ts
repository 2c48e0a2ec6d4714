/** Where and why a text is not JSON; `offset` is a UTF-16 index into the text. */
export interface JsonFault {
  offset: number
  message: string
}

/** Deeper nesting is refused: a Loops body is flat, and later walks stay far from the stack limit. */
export const JSON_DEPTH_MAX = 64

const WS = new Set([' ', '\t', '\n', '\r'])

/**
 * Checks that `text` is one JSON value (RFC 8259) and says where it first is not. JSON.parse does not give the
 * position in every engine, and a template's issues need it. Never throws.
 */
export function scanJson(text: string): JsonFault | undefined {
  let i = 0
  const fault = (message: string, at = i): JsonFault => ({ offset: Math.min(at, text.length), message })
  const skip = (): void => {
    while (i < text.length && WS.has(text[i] as string)) i++
  }
  const describe = (): string => (i >= text.length ? 'the end of the body' : `"${text[i]}"`)

  const string = (): JsonFault | undefined => {
    const start = i
    i++ // opening quote
    while (i < text.length) {
      const c = text.charCodeAt(i)
      if (c === 0x22) {
        i++
        return undefined
      }
      if (c === 0x5c) {
        const next = text[i + 1]
        if (next === 'u') {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) return fault('a \\u escape needs four hex digits', i)
          i += 6
        } else if (next !== undefined && '"\\/bfnrt'.includes(next)) i += 2
        else return fault(`"\\${next ?? ''}" is not a JSON escape (use \\" \\\\ \\n \\t or \\uXXXX)`, i)
        continue
      }
      if (c < 0x20) return fault('a line break or control character inside a string must be escaped (\\n)', i)
      i++
    }
    return fault('this string is never closed (a missing ")', start)
  }

  const number = (): JsonFault | undefined => {
    const match = /^-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/.exec(text.slice(i, i + 400))
    if (!match) return fault(`${describe()} does not start a JSON value`)
    i += match[0].length
    return undefined
  }

  const value = (depth: number): JsonFault | undefined => {
    skip()
    if (depth > JSON_DEPTH_MAX) return fault(`nested deeper than ${JSON_DEPTH_MAX} levels`)
    const c = text[i]
    if (c === '"') return string()
    if (c === '{') {
      i++
      skip()
      if (text[i] === '}') {
        i++
        return undefined
      }
      for (;;) {
        skip()
        if (text[i] !== '"') return fault(`expected a property name in double quotes, found ${describe()}`)
        const key = string()
        if (key) return key
        skip()
        if (text[i] !== ':') return fault(`expected ":" after the property name, found ${describe()}`)
        i++
        const inner = value(depth + 1)
        if (inner) return inner
        skip()
        if (text[i] === ',') {
          i++
          skip()
          if (text[i] === '}') return fault('a trailing comma is not allowed in JSON')
          continue
        }
        if (text[i] === '}') {
          i++
          return undefined
        }
        return fault(`expected "," or "}" after a value, found ${describe()}`)
      }
    }
    if (c === '[') {
      i++
      skip()
      if (text[i] === ']') {
        i++
        return undefined
      }
      for (;;) {
        const inner = value(depth + 1)
        if (inner) return inner
        skip()
        if (text[i] === ',') {
          i++
          skip()
          if (text[i] === ']') return fault('a trailing comma is not allowed in JSON')
          continue
        }
        if (text[i] === ']') {
          i++
          return undefined
        }
        return fault(`expected "," or "]" after a value, found ${describe()}`)
      }
    }
    for (const word of ['true', 'false', 'null']) {
      if (text.startsWith(word, i)) {
        i += word.length
        if (/[A-Za-z0-9_]/.test(text[i] ?? '')) return fault(`${describe()} does not belong after ${word}`)
        return undefined
      }
    }
    if (c === '-' || (c !== undefined && c >= '0' && c <= '9')) return number()
    if (c === undefined) return fault('the body ends where a value should be')
    return fault(`${describe()} is not a JSON value (text must be in double quotes)`)
  }

  const result = value(0)
  if (result) return result
  skip()
  if (i < text.length) return fault(`unexpected ${describe()} after the JSON value`)
  return undefined
}
