// The Monaco bundle: loaded lazily (dynamic import from monaco-editor.tsx), never on the first paint.
import * as monaco from 'monaco-editor/editor'
import 'monaco-editor/features/inlineCompletions/register' // brings the suggest widget (stack.md §3.3)
import 'monaco-editor/features/suggest/register'
import 'monaco-editor/features/hover/register'
import 'monaco-editor/features/parameterHints/register'
import 'monaco-editor/features/find/register'
import 'monaco-editor/features/gotoError/register'
import 'monaco-editor/features/toggleTabFocusMode/register' // Ctrl+M: Tab moves focus instead of indenting
import 'monaco-editor/features/bracketMatching/register'
import 'monaco-editor/features/comment/register'
import 'monaco-editor/features/folding/register'
import 'monaco-editor/features/wordHighlighter/register'
// The JSON and TypeScript worker managers import every editor contribution when they load; these two need
// services that must exist before the first editor is created, or an editor made later (a Clay body) throws.
import 'monaco-editor/features/codelens/register'
import 'monaco-editor/features/dropOrPasteInto/register'
import 'monaco-editor/languages/definitions/javascript/register'
import { javascriptDefaults, ScriptTarget } from 'monaco-editor/languages/features/typescript/register'
import { jsonDefaults } from 'monaco-editor/languages/features/json/register'
import EditorWorker from 'monaco-editor/editor/editor.worker?worker'
import JsonWorker from 'monaco-editor/languages/features/json/json.worker?worker'
import TsWorker from 'monaco-editor/languages/features/typescript/ts.worker?worker'

// Explicit workers: without them the dev server falls back to the main thread (stack.md §3.3).
self.MonacoEnvironment = {
  getWorker: (_id: string, label: string) =>
    label === 'json' ? new JsonWorker() : label === 'typescript' || label === 'javascript' ? new TsWorker() : new EditorWorker(),
}

javascriptDefaults.setCompilerOptions({
  target: ScriptTarget.ES2020,
  allowJs: true,
  checkJs: false,
  allowNonTsExtensions: true,
  noLib: false,
  lib: ['es2020'],
})
// The playground reports syntax and mapping problems itself (readScript + mapCalls), at the same positions.
javascriptDefaults.setDiagnosticsOptions({ noSemanticValidation: true, noSyntaxValidation: true })
javascriptDefaults.setEagerModelSync(true)

// Follow the system's light or dark appearance, as the page does.
const dark = globalThis.matchMedia?.('(prefers-color-scheme: dark)')
monaco.editor.setTheme(dark?.matches ? 'vs-dark' : 'vs')
dark?.addEventListener('change', (event) => monaco.editor.setTheme(event.matches ? 'vs-dark' : 'vs'))

const TYPINGS_PATH = 'file:///node_modules/@types/datafly/index.d.ts'
let typings: monaco.IDisposable | undefined

/** Replaces the `datafly` declarations (they follow the preset's event names). */
export function setDataflyTypings(source: string): void {
  typings?.dispose()
  typings = javascriptDefaults.addExtraLib(source, TYPINGS_PATH)
}

/** Validates every model whose path matches `fileMatch` against a JSON Schema, inline. */
export function setJsonSchema(uri: string, fileMatch: string, schema: Record<string, unknown>): void {
  jsonDefaults.setDiagnosticsOptions({
    validate: true,
    allowComments: false,
    enableSchemaRequest: false,
    schemas: [{ uri, fileMatch: [fileMatch], schema }],
  })
}

export { monaco }
