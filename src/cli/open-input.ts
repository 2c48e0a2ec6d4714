import { open, readFile, stat } from 'node:fs/promises'
import { constants } from 'node:buffer'
import { resolve } from 'node:path'
import { createIdentityIndex, IDENTITY_MARKERS, type IdentityIndex } from '../core/mapper/identity-index.ts'
import type { InputCall } from '../core/mapper/input-call.ts'
import { mapOneCall } from '../core/mapper/map-one-call.ts'
import { readNdjsonLine } from '../core/mapper/read-ndjson-line.ts'
import type { ContentIds } from '../core/mapper/read-envelopes.ts'
import { createContentIds } from '../core/util/content-id.ts'
import { inputKindOf, mapCalls, readInput, type InputKind, type MapResult, type Preset, type ResolvedIdentity } from '../core/index.ts'
import { readLines, MAX_LINE_LENGTH, type Line } from '../host/read-lines.ts'
import { scanMarkedLines } from '../host/scan-marked-lines.ts'
import { spoolToFile } from '../host/spool-to-file.ts'
import type { CliIo } from './cli-io.ts'
import { InputError } from './usage-error.ts'

/** An input opened for `map` and `send`: its size, and its results, produced as they are read. */
export interface MappedInput {
  /** Calls in the input: one result each. */
  total: number
  /** One result per call, in input order. NDJSON is mapped line by line while it is read (the second pass). */
  results: AsyncIterable<MapResult>
  /** Script warnings (ignored statements and the like), "file:line:column: severity: message". */
  warnings: string[]
  /** Deletes the temporary copy of stdin, if one was made. */
  close(): Promise<void>
}

/**
 * How each call of an opened input becomes what its `results` yield: one result under one preset (`openInput`),
 * or one under each of two (`openInputPair`), so the input is read, parsed and indexed once however many presets
 * map it.
 */
export interface Mapping<T> {
  /** a call read from an NDJSON line, its identity resolved by the index over the whole file */
  one(call: InputCall, identity: ResolvedIdentity | null): T
  /** an NDJSON line that is a dead-letter entry: already a result, the same under any preset */
  result(result: MapResult): T
  /** every call of a script or JSON array, read whole */
  all(calls: readonly InputCall[]): T[]
}

const nothing = async (): Promise<void> => {}

/** Scripts and JSON arrays are read whole; V8 cannot hold a longer string. NDJSON has no such limit. */
const WHOLE_FILE_MAX = constants.MAX_STRING_LENGTH
const KINDS: Record<string, InputKind> = { js: 'script', mjs: 'script', cjs: 'script', ts: 'script', ndjson: 'ndjson', jsonl: 'ndjson', json: 'json' }

/**
 * Opens `file` (`-` for stdin) and maps it with `preset`. NDJSON is streamed in two passes over the file, in
 * bounded memory: the first reads every line once to index identities (per visitor: the user id and merged
 * traits its whole session resolves to), the second maps and yields each line with that index. Stdin is first
 * copied to a temporary file so it can be read twice. Throws InputError (exit 2) when the input is not a script
 * or envelopes.
 */
export function openInput(file: string, preset: Preset, io: CliIo, options: { explain?: boolean } = {}): Promise<MappedInput> {
  const explain = options.explain === true
  const explainWith = explain ? { explain: true as const, callAt: () => undefined } : undefined
  return openMapped(file, io, explain, {
    one: (call, identity) => mapOneCall(call, identity, preset, explainWith),
    result: (result) => result,
    all: (calls) => mapCalls(calls, preset, { explain }),
  })
}

/**
 * `openInput` with the mapping of each call given: `results` yields `mapping.one` of each NDJSON line (after the
 * one index pass), or `mapping.all` of a whole script or JSON array. `explain` keeps the origins of identities.
 */
export async function openMapped<T>(
  file: string,
  io: CliIo,
  explain: boolean,
  mapping: Mapping<T>,
): Promise<{ total: number; results: AsyncIterable<T>; warnings: string[]; close(): Promise<void> }> {
  const name = file === '-' ? 'stdin' : file
  let path = file === '-' ? '' : resolve(io.cwd, file)
  let close = nothing
  let kind: InputKind
  if (file === '-') {
    const spooled = await spoolToFile(io.stdin)
    path = spooled.path
    close = spooled.remove
    kind = inputKindOf(undefined, await head(path))
  } else {
    await checkReadable(file, path)
    const ext = /\.([^./\\]+)$/.exec(file)?.[1]?.toLowerCase()
    if (ext !== undefined && !(ext in KINDS)) {
      throw new InputError(
        `${file}: a .${ext} file is not an input this tool reads. Give a Datafly.js script (.js), envelopes as NDJSON (.ndjson, .jsonl) or a JSON array (.json), or - for stdin.`,
      )
    }
    kind = ext !== undefined ? (KINDS[ext] as InputKind) : inputKindOf(undefined, await head(path))
  }
  try {
    if (kind === 'ndjson') return { ...(await openNdjson(path, name, explain, mapping)), warnings: [], close }
    const size = (await stat(path)).size
    if (size > WHOLE_FILE_MAX) {
      throw new InputError(
        `${name} is ${Math.round(size / 2 ** 20)} MiB; a ${kind === 'script' ? 'script' : 'JSON array'} is read whole, up to ${Math.floor(WHOLE_FILE_MAX / 2 ** 20)} MiB. Write the envelopes as NDJSON (one per line), which is streamed at any size.`,
      )
    }
    const text = await readFile(path, 'utf8')
    const read = readInput(text, kind)
    if (!read.ok) throw new InputError(`${name}: ${read.message}`)
    if (read.calls.length === 0) {
      throw new InputError(`${name}: no datafly.track / identify / page / group / setConsent calls found; nothing to map.`)
    }
    const warnings = read.issues.map((i) => `${name}${i.line !== undefined ? `:${i.line}:${i.column ?? 1}` : ''}: ${i.severity}: ${i.message}`)
    const results = mapping.all(read.calls)
    return { total: results.length, results: toAsync(results), warnings, close }
  } catch (error) {
    await close()
    throw error
  }
}

async function openNdjson<T>(path: string, name: string, explain: boolean, mapping: Mapping<T>): Promise<{ total: number; results: AsyncIterable<T> }> {
  const { identities, calls } = await indexIdentities(path, name, explain)
  // second pass: map each line as it is read. Nothing of a line is kept once its result is taken, but for an
  // envelope without messageId, anonymousId or timestamp: the ordinal counter of its content (createContentIds)
  async function* results(): AsyncGenerator<T> {
    let index = 0
    const ids = createContentIds()
    for await (const line of readLines(path)) {
      if (!line.tooLong && line.text.trim() === '') continue
      const read = readLine(line, index, ids)
      yield read.kind === 'result' ? mapping.result(read.result) : mapping.one(read.call, identities.resolve(read.call.envelope))
      index++
    }
  }
  return { total: calls, results: results() }
}

/**
 * The first pass: who is who. Only lines that can change an identity are decoded and parsed (plus the first
 * lines, until one parses, to tell a file that is not NDJSON at all); the rest are only counted. A function of
 * its own so that nothing but the index outlives it.
 */
async function indexIdentities(path: string, name: string, explain: boolean): Promise<{ identities: IdentityIndex; calls: number }> {
  const identities = createIdentityIndex({ origins: explain })
  // identical lines are all marked or all not, so this pass counts their ordinals as the second does
  const firstIds = createContentIds()
  let calls = 0
  let parsed = 0
  let firstBad = ''
  await scanMarkedLines(
    path,
    IDENTITY_MARKERS,
    (line) => {
      if (line.blank) return
      if (line.tooLong) firstBad ||= tooLongMessage(line.lineNumber)
      else if (line.text === undefined) parsed++
      else {
        const read = readNdjsonLine(line.text, calls, line.lineNumber, firstIds)
        if (read.kind === 'call' && read.call.issues[0]?.line !== undefined) firstBad ||= read.call.issues[0].message
        else parsed++
        if (read.kind === 'call' && read.call.envelope) identities.learn(read.call.envelope, read.call.index)
      }
      calls++
    },
    { maxLineLength: MAX_LINE_LENGTH, always: () => parsed === 0 },
  )
  if (calls === 0) throw new InputError(`${name}: no envelopes: the input is empty.`)
  if (parsed === 0) throw new InputError(`${name}: not NDJSON envelopes: ${firstBad}`)
  return { identities, calls }
}

const tooLongMessage = (lineNumber: number): string =>
  `Line ${lineNumber} is longer than ${MAX_LINE_LENGTH / 2 ** 20} MiB, far over Loops' 1 MB request limit; fix or remove it.`

function readLine(line: Line, index: number, ids: ContentIds): ReturnType<typeof readNdjsonLine> {
  if (!line.tooLong) return readNdjsonLine(line.text, index, line.lineNumber, ids)
  const message = tooLongMessage(line.lineNumber)
  return { kind: 'call', call: { index, type: 'unknown', envelope: null, issues: [{ severity: 'error', path: 'envelope', message, line: line.lineNumber }] } }
}

async function checkReadable(file: string, path: string): Promise<void> {
  try {
    const info = await stat(path)
    if (info.isDirectory()) throw Object.assign(new Error('is a directory'), { code: 'EISDIR' })
    await (await open(path, 'r')).close()
  } catch (error) {
    throw new InputError(`cannot read ${file}: ${why(error)}`, { cause: error })
  }
}

/** A file system error in words. */
export function why(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code
  if (code === 'ENOENT') return 'the file does not exist'
  if (code === 'EISDIR') return 'it is a directory'
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied'
  return (error as Error).message
}

/** The first 64 KiB of a file, to sniff its format. */
async function head(path: string): Promise<string> {
  const handle = await open(path, 'r')
  try {
    const buffer = Buffer.alloc(64 * 1024)
    const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0)
    return buffer.subarray(0, bytesRead).toString('utf8')
  } finally {
    await handle.close()
  }
}

async function* toAsync<T>(items: readonly T[]): AsyncGenerator<T> {
  yield* items
}
