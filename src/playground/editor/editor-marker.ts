/** A diagnostic to show inline, independent of Monaco (1-based lines and columns). */
export interface EditorMarker {
  severity: 'error' | 'warning' | 'info'
  message: string
  startLineNumber: number
  startColumn: number
  endLineNumber: number
  endColumn: number
}
