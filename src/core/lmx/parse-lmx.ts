import { ICON_NAMES, INLINE_TAGS, LMX_TAGS, type LmxTagSpec } from './lmx-tags.ts'

export type LmxVariableKind = 'contact' | 'event' | 'data' | 'system'

/** A `{namespace.name}` reference; `bare` when written without a namespace (`{firstName}`, read as a contact property). */
export interface LmxVariable {
  kind: LmxVariableKind
  name: string
  /** as written, braces included */
  raw: string
  bare: boolean
  /** the tag whose text or attribute holds it */
  tag: string
  line: number
}

/** A link target: `<Button href>`, `<Link href>`, `<Section href>`, `<Image href>`, `<Icon href>`. */
export interface LmxHref {
  tag: string
  href: string | undefined
  /** the visible text (links and buttons), the alt text or icon name otherwise */
  label: string
  line: number
}

export interface LmxWarning {
  rule: string
  severity: 'warning'
  message: string
  path: string
}

/** What a compiled LMX document holds that the API cares about. */
export interface LmxDocument {
  /** top-level blocks, `<Style />` not counted */
  blockCount: number
  style: Record<string, string> | undefined
  variables: LmxVariable[]
  hrefs: LmxHref[]
  componentIds: string[]
  /** `<For variable="{data.items}">` expressions */
  loops: LmxVariable[]
  warnings: LmxWarning[]
}

export interface LmxError {
  message: string
  line: number
  column: number
  tag?: string
}

export type LmxResult = { ok: true; document: LmxDocument } | { ok: false; error: LmxError }

export interface ParseLmxOptions {
  /** a component body: no `<Style />` and no nested `<Component>` at the top level */
  component?: boolean
}

interface Frame {
  tag: string
  spec: LmxTagSpec
  children: number
  at: number
  /** collects the visible text of `<Link>` and `<Button>` */
  href?: LmxHref
}

const NAME = /[A-Za-z][A-Za-z0-9]*/y
const ATTR_NAME = /[A-Za-z_:][-\w:.]*/y
const SPACE = /\s*/y
const VARIABLE = /\{([^{}\s]+)\}/g
const VARIABLE_NAME = /^[A-Za-z_$][\w$-]*(\.[\w$-]+)*$/
const HEX = /^#(?:[0-9a-fA-F]{3}|[0-9a-fA-F]{6})$/
const ENTITIES: Readonly<Record<string, string>> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" }
const HTML_HINT: Readonly<Record<string, string>> = { p: 'Paragraph', h1: 'H1', h2: 'H2', h3: 'H3', a: 'Link', img: 'Image', hr: 'Divider', br: 'Br', b: 'Strong', strong: 'Strong', i: 'Em', em: 'Em', u: 'Underline', ul: 'UnorderedList', ol: 'OrderedList', li: 'ListItem', blockquote: 'Quote', code: 'Code', pre: 'CodeBlock', span: 'Text', div: 'Section', button: 'Button' }

class LmxSyntaxError extends Error {
  readonly at: number
  readonly tag: string | undefined
  constructor(message: string, at: number, tag?: string) {
    super(message)
    this.at = at
    this.tag = tag
  }
}

/**
 * Parses and validates LMX as Loops' LMX specification describes it: PascalCase documented tags only, nesting by
 * content kind, required attributes, `/>` on self-closing tags, escaped `<` and `&`, at most one `<Style />`.
 * Never throws: any input gives a compiled document or an error with the line, column and tag at fault.
 * Iterative (no recursion), so nesting depth cannot overflow the stack.
 */
export function parseLmx(source: string, options: ParseLmxOptions = {}): LmxResult {
  const lineStarts = [0]
  for (let i = source.indexOf('\n'); i >= 0; i = source.indexOf('\n', i + 1)) lineStarts.push(i + 1)
  const position = (at: number): { line: number; column: number } => {
    let lo = 0
    let hi = lineStarts.length - 1
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1
      if ((lineStarts[mid] ?? 0) <= at) lo = mid
      else hi = mid - 1
    }
    return { line: lo + 1, column: at - (lineStarts[lo] ?? 0) + 1 }
  }
  try {
    return { ok: true, document: parse(source, options, (at) => position(at).line) }
  } catch (error) {
    if (!(error instanceof LmxSyntaxError)) throw error
    const { line, column } = position(error.at)
    return { ok: false, error: { message: `${error.message} (line ${line}, column ${column})`, line, column, ...(error.tag !== undefined ? { tag: error.tag } : {}) } }
  }
}

function parse(source: string, options: ParseLmxOptions, lineOf: (at: number) => number): LmxDocument {
  const doc: LmxDocument = { blockCount: 0, style: undefined, variables: [], hrefs: [], componentIds: [], loops: [], warnings: [] }
  const root: Frame = { tag: '', spec: { content: 'blocks', exclude: options.component ? ['Style', 'Component'] : [], attributes: [], block: false }, children: 0, at: 0 }
  const stack: Frame[] = [root]
  let i = 0
  while (i < source.length) {
    const lt = source.indexOf('<', i)
    const end = lt < 0 ? source.length : lt
    if (end > i) readText(source, i, end, stack, doc, lineOf)
    if (lt < 0) break
    i = source.startsWith('</', lt) ? closeTag(source, lt, stack) : openTag(source, lt, stack, doc, lineOf)
  }
  const open = stack.at(-1)
  if (open && open !== root) throw new LmxSyntaxError(`<${open.tag}> is never closed: add </${open.tag}>`, open.at, open.tag)
  return doc
}

function describe(frame: Frame): string {
  return frame.tag === '' ? 'the top level' : `<${frame.tag}>`
}

function readText(source: string, from: number, to: number, stack: Frame[], doc: LmxDocument, lineOf: (at: number) => number): void {
  const frame = stack.at(-1) as Frame
  const text = decode(source.slice(from, to), from)
  const kind = frame.spec.content
  if (kind === 'blocks' || kind === 'children') {
    if (text.trim() === '') return
    const shown = text.trim().slice(0, 30)
    throw new LmxSyntaxError(
      frame.tag === '' || kind === 'blocks'
        ? `Text "${shown}" at ${describe(frame)} is not valid LMX: wrap text and variables in a block tag such as <Paragraph>`
        : `Text "${shown}" is not allowed inside <${frame.tag}>: it holds only ${(frame.spec.children ?? []).map((c) => `<${c}>`).join(', ')} children`,
      from + (text.length - text.trimStart().length),
      frame.tag || undefined,
    )
  }
  if (kind === 'raw') return
  for (const f of stack) if (f.href && f.spec.content !== 'none') f.href.label += text
  if (text.includes('{')) collectVariables(text, frame.tag, lineOf(from), doc.variables)
}

function collectVariables(text: string, tag: string, line: number, into: LmxVariable[]): void {
  for (const match of text.matchAll(VARIABLE)) {
    const variable = readVariable(match[0], match[1] ?? '', tag, line)
    if (variable) into.push(variable)
  }
}

/**
 * A braced expression as a variable, or undefined when it is not one. A data variable keeps any name (`{data.a/b}`,
 * `{data.products[].name}`): whether the name is allowed is for the content's checks (Guardian) to say.
 */
function readVariable(raw: string, inner: string, tag: string, line: number): LmxVariable | undefined {
  const data = /^(?:DATA_VARIABLE:|data\.)(.*)$/.exec(inner)
  if (data) return { kind: 'data', name: data[1] ?? '', raw, bare: false, tag, line }
  if (!VARIABLE_NAME.test(inner)) return undefined
  const dot = inner.indexOf('.')
  const prefix = dot < 0 ? '' : inner.slice(0, dot)
  if (prefix === 'contact' || prefix === 'event' || prefix === 'system')
    return { kind: prefix, name: inner.slice(dot + 1), raw, bare: false, tag, line }
  return { kind: 'contact', name: inner, raw, bare: true, tag, line }
}

/** XML text: the five XML entities and numeric references; a bare `&` or `<` is an error. */
function decode(text: string, offset: number): string {
  if (!text.includes('&') && !text.includes('>')) return text
  let out = ''
  let i = 0
  while (i < text.length) {
    const amp = text.indexOf('&', i)
    if (amp < 0) {
      out += text.slice(i)
      break
    }
    out += text.slice(i, amp)
    const semi = text.indexOf(';', amp)
    const name = semi < 0 ? '' : text.slice(amp + 1, semi)
    let char: string | undefined = ENTITIES[name]
    if (char === undefined && /^#(\d{1,7}|x[0-9a-fA-F]{1,6})$/.test(name)) {
      const code = name[1] === 'x' ? Number.parseInt(name.slice(2), 16) : Number(name.slice(1))
      if (code > 0 && code <= 0x10ffff) char = String.fromCodePoint(code)
    }
    if (char === undefined) throw new LmxSyntaxError('Unescaped "&": write &amp; (LMX escapes < and & in text, " and & in attribute values)', offset + amp)
    out += char
    i = semi + 1
  }
  return out
}

function closeTag(source: string, lt: number, stack: Frame[]): number {
  NAME.lastIndex = lt + 2
  const name = NAME.exec(source)?.[0]
  if (name === undefined) throw new LmxSyntaxError('A closing tag "</" must be followed by a tag name', lt)
  SPACE.lastIndex = lt + 2 + name.length
  SPACE.exec(source)
  const gt = SPACE.lastIndex
  if (source[gt] !== '>') throw new LmxSyntaxError(`The closing tag </${name} is not terminated with ">"`, lt, name)
  const frame = stack.at(-1) as Frame
  if (frame.tag !== name) {
    const message = frame.tag === '' ? `</${name}> closes a tag that is not open` : `</${name}> does not match the open <${frame.tag}>: close <${frame.tag}> first`
    throw new LmxSyntaxError(message, lt, name)
  }
  checkChildCount(frame)
  stack.pop()
  return gt + 1
}

function checkChildCount(frame: Frame): void {
  const { min, max, children } = frame.spec
  if (frame.spec.content !== 'children') return
  const names = (children ?? []).map((c) => `<${c}>`).join(', ')
  if (min !== undefined && max !== undefined && min === max && frame.children !== min)
    throw new LmxSyntaxError(`<${frame.tag}> must contain exactly ${min} ${names} children, found ${frame.children}`, frame.at, frame.tag)
  if (min !== undefined && frame.children < min) throw new LmxSyntaxError(`<${frame.tag}> must contain at least ${min} ${names} child${min === 1 ? '' : 'ren'}`, frame.at, frame.tag)
  if (max !== undefined && frame.children > max) throw new LmxSyntaxError(`<${frame.tag}> may contain at most ${max} ${names} children, found ${frame.children}`, frame.at, frame.tag)
}

function openTag(source: string, lt: number, stack: Frame[], doc: LmxDocument, lineOf: (at: number) => number): number {
  if (source.startsWith('<!--', lt)) throw new LmxSyntaxError('Comments (<!-- -->) are not LMX', lt)
  NAME.lastIndex = lt + 1
  const name = NAME.exec(source)?.[0]
  if (name === undefined) throw new LmxSyntaxError('Unescaped "<": write &lt; in text, or start a tag such as <Paragraph>', lt)
  const spec = LMX_TAGS[name]
  if (!spec) {
    const hint = HTML_HINT[name.toLowerCase()] ?? Object.keys(LMX_TAGS).find((t) => t.toLowerCase() === name.toLowerCase())
    throw new LmxSyntaxError(`Unknown tag <${name}>: LMX tags are PascalCase and only the documented ones are valid${hint ? ` (did you mean <${hint}>?)` : ''}`, lt, name)
  }
  const { attrs, end, selfClosing } = readAttributes(source, lt + 1 + name.length, name)
  const parent = stack.at(-1) as Frame
  checkPlacement(parent, name, spec, lt)
  parent.children++
  const isRoot = parent.tag === ''
  const path = `body.${isRoot ? doc.blockCount : Math.max(0, doc.blockCount - 1)}`
  if (isRoot && name !== 'Style') doc.blockCount++
  if (name === 'Style') {
    if (doc.style) throw new LmxSyntaxError('Only one <Style /> tag is allowed', lt, name)
    doc.style = attrs
  }
  if (spec.content === 'none' && !selfClosing) throw new LmxSyntaxError(`<${name}> must be self-closing: write <${name} … />`, lt, name)
  for (const required of spec.required ?? [])
    if (attrs[required] === undefined) throw new LmxSyntaxError(`<${name}> is missing the required attribute "${required}"`, lt, name)
  const line = lineOf(lt)
  for (const [attr, value] of Object.entries(attrs)) {
    if (!spec.attributes.includes(attr)) {
      doc.warnings.push({ rule: 'unknown_attr', severity: 'warning', message: `<${name}> has unknown attribute "${attr}"`, path })
      continue
    }
    checkAttribute(name, attr, value, lt)
    if (spec.dynamic?.includes(attr) && value.includes('{')) collectVariables(value, name, line, doc.variables)
  }
  let href: LmxHref | undefined
  if (name === 'Link' || name === 'Button' || name === 'Icon' || ((name === 'Image' || name === 'Section') && attrs.href !== undefined)) {
    href = { tag: name, href: attrs.href, label: name === 'Icon' ? (attrs.name ?? '') : name === 'Image' ? (attrs.alt ?? attrs.src ?? '') : '', line }
    doc.hrefs.push(href)
  }
  if (name === 'Component') doc.componentIds.push(attrs.componentId ?? '')
  if (name === 'For') {
    const match = /^\{([^{}\s]+)\}$/.exec(attrs.variable ?? '')
    const variable = match ? readVariable(match[0], match[1] ?? '', name, line) : undefined
    if (!variable) throw new LmxSyntaxError(`<For variable="${attrs.variable ?? ''}"> needs one braced expression such as "{data.products}"`, lt, name)
    doc.loops.push(variable)
  }
  if (!selfClosing) stack.push({ tag: name, spec, children: 0, at: lt, ...(href && name !== 'Section' ? { href } : {}) })
  else if (spec.content === 'children') checkChildCount({ tag: name, spec, children: 0, at: lt })
  return end
}

function checkPlacement(parent: Frame, name: string, spec: LmxTagSpec, at: number): void {
  const kind = parent.spec.content
  if (kind === 'inline') {
    if (!INLINE_TAGS.has(name)) throw new LmxSyntaxError(`<${name}> cannot be inside <${parent.tag}>: it holds text, variables and inline tags (Strong, Em, Underline, Strike, Code, Text, Link, Br)`, at, name)
    return
  }
  if (kind === 'text' || kind === 'raw')
    throw new LmxSyntaxError(`<${name}> cannot be inside <${parent.tag}>: <${parent.tag}> takes ${kind === 'raw' ? 'literal text only' : 'text and variables only, no inline tags'}`, at, name)
  if (kind === 'children') {
    if (!(parent.spec.children ?? []).includes(name))
      throw new LmxSyntaxError(`<${name}> cannot be inside <${parent.tag}>: it holds only ${(parent.spec.children ?? []).map((c) => `<${c}>`).join(', ')}`, at, name)
    return
  }
  // blocks
  if (parent.spec.exclude?.includes(name)) throw new LmxSyntaxError(`<${name}> cannot be inside ${describe(parent)}`, at, name)
  if (name === 'Style') {
    if (parent.tag !== '') throw new LmxSyntaxError('<Style /> is top-level metadata: put it at the top level', at, name)
    return
  }
  if (!spec.block) {
    const where = name === 'ListItem' ? 'an <OrderedList> or <UnorderedList>' : name === 'ColumnItem' ? '<Columns>' : name === 'Icon' ? '<Icons>' : 'a block such as <Paragraph>'
    throw new LmxSyntaxError(`<${name}> is not valid at ${describe(parent)}: put it inside ${where}`, at, name)
  }
}

function checkAttribute(tag: string, attr: string, value: string, at: number): void {
  if (attr === 'textColor' && !HEX.test(value)) throw new LmxSyntaxError(`<${tag} textColor="${value}"> must be a 3- or 6-digit hex color such as "#f00"`, at, tag)
  if (tag === 'Icons' && attr === 'color' && !['#000000', '#808080', '#ffffff'].includes(value.toLowerCase()))
    throw new LmxSyntaxError(`<Icons color="${value}"> must be one of #000000, #808080, #ffffff`, at, tag)
  if (tag === 'Icon' && attr === 'name' && !ICON_NAMES.has(value)) throw new LmxSyntaxError(`<Icon name="${value}"> is not a known icon name (e.g. twitter, github, linkedin)`, at, tag)
  if (tag === 'Image' && attr === 'src' && value.includes('{'))
    throw new LmxSyntaxError('<Image src> cannot hold variables: keep a static src and put the dynamic URL in dynamicSrc', at, tag)
  if (attr === 'align' && !['left', 'center', 'right'].includes(value)) throw new LmxSyntaxError(`<${tag} align="${value}"> must be left, center or right`, at, tag)
}

function readAttributes(source: string, from: number, tag: string): { attrs: Record<string, string>; end: number; selfClosing: boolean } {
  const attrs: Record<string, string> = Object.create(null) as Record<string, string>
  let i = from
  for (;;) {
    SPACE.lastIndex = i
    SPACE.exec(source)
    const spaced = SPACE.lastIndex > i
    i = SPACE.lastIndex
    if (i >= source.length) throw new LmxSyntaxError(`<${tag} is not terminated with ">" or "/>"`, from - tag.length - 1, tag)
    if (source.startsWith('/>', i)) return { attrs, end: i + 2, selfClosing: true }
    if (source[i] === '>') return { attrs, end: i + 1, selfClosing: false }
    ATTR_NAME.lastIndex = i
    const name = ATTR_NAME.exec(source)?.[0]
    if (name === undefined || !spaced) throw new LmxSyntaxError(`Unexpected "${source[i] ?? ''}" in <${tag}>: attributes are written name="value"`, i, tag)
    i += name.length
    if (source[i] !== '=') throw new LmxSyntaxError(`Attribute "${name}" of <${tag}> has no value: LMX attribute values are quoted strings, e.g. ${name}="true"`, i, tag)
    const quote = source[i + 1]
    if (quote !== '"' && quote !== "'") throw new LmxSyntaxError(`The value of "${name}" in <${tag}> must be quoted`, i + 1, tag)
    const close = source.indexOf(quote, i + 2)
    if (close < 0) throw new LmxSyntaxError(`The value of "${name}" in <${tag}> is never closed with ${quote}`, i + 1, tag)
    const raw = source.slice(i + 2, close)
    if (raw.includes('<')) throw new LmxSyntaxError(`The value of "${name}" in <${tag}> contains "<": write &lt;`, i + 2 + raw.indexOf('<'), tag)
    if (Object.hasOwn(attrs, name)) throw new LmxSyntaxError(`<${tag}> has the attribute "${name}" twice`, i - name.length, tag)
    attrs[name] = decode(raw, i + 2)
    i = close + 1
  }
}
