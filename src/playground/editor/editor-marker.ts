/** A diagnostic to show inline, independent of Monaco (1-based lines and columns). */
export interface EditorMarker {
  /** `hint`: a quiet note (dots under the start), e.g. why a call is skipped. */
  severity: 'error' | 'warning' | 'info' | 'hint'
  message: string
  startLineNumber: number
  startColumn: number
  endLineNumber: number
  endColumn: number
}
