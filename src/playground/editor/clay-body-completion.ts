import { loadMonaco } from './load-monaco.ts'

/** Model paths of Clay body templates start with this; the `/` completion applies to them only. */
export const CLAY_BODY_PATH_PREFIX = '/clay-body-'

let columnsOf: () => readonly string[] = () => []
let registered = false

/**
 * Typing `/` in a Clay body template offers the table's columns, as Clay does; picking one replaces the `/` with
 * `{{Column name}}`. `getColumns` is read at each completion, so new columns appear at once.
 */
export async function registerClayBodyCompletion(getColumns: () => readonly string[]): Promise<void> {
  columnsOf = getColumns
  if (registered) return
  registered = true
  const { monaco } = await loadMonaco()
  monaco.languages.registerCompletionItemProvider('plaintext', {
    triggerCharacters: ['/'],
    provideCompletionItems(model, position) {
      if (!model.uri.path.startsWith(CLAY_BODY_PATH_PREFIX)) return { suggestions: [] }
      const before = model.getValueInRange({ startLineNumber: position.lineNumber, startColumn: 1, endLineNumber: position.lineNumber, endColumn: position.column })
      const slash = before.lastIndexOf('/')
      if (slash === -1 || before.slice(slash + 1).includes('"')) return { suggestions: [] }
      const range = { startLineNumber: position.lineNumber, startColumn: slash + 1, endLineNumber: position.lineNumber, endColumn: position.column }
      return {
        suggestions: columnsOf().map((name, i) => ({
          label: `/${name}`,
          filterText: `/${name}`,
          kind: monaco.languages.CompletionItemKind.Field,
          detail: 'Clay column',
          insertText: `{{${name}}}`,
          sortText: String(i).padStart(4, '0'),
          range,
        })),
      }
    },
  })
}
