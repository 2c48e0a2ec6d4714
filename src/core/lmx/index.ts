export { LMX_MAX_BYTES, LMX_TAGS, STYLE_ATTRIBUTES } from './lmx-tags.ts'
export { parseLmx, type LmxDocument, type LmxError, type LmxHref, type LmxResult, type LmxVariable, type LmxVariableKind, type LmxWarning } from './parse-lmx.ts'
