import fc from 'fast-check'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { setupServerMock as createMockServer } from '../../mock-server/hosts/setup-server.ts'
import { LMX_MAX_BYTES, parseLmx } from '../../src/core/lmx/index.ts'

const error = (lmx: string): string => {
  const result = parseLmx(lmx)
  if (result.ok) throw new Error(`expected ${JSON.stringify(lmx)} not to compile`)
  return result.error.message
}
const doc = (lmx: string, options?: { component?: boolean }) => {
  const result = parseLmx(lmx, options)
  if (!result.ok) throw new Error(result.error.message)
  return result.document
}

it('compiles the full example document of the LMX specification', () => {
  const example = `<Style themeId="st_123" bodyColor="#ffffff" backgroundColor="#f3f4f6" bodyYPadding="24" textBaseColor="#111827" />
<H1>Welcome, {contact.firstName}</H1>
<Paragraph fontSize="16" lineHeight="150">
  Thanks for joining. Read <Link href="https://loops.so/docs">the docs</Link> to get started.
</Paragraph>
<UnorderedList>
  <ListItem>Create your first campaign</ListItem>
  <ListItem>Add your audience</ListItem>
</UnorderedList>
<Button href="https://app.example.com/account/{contact.userId}" align="center" bgColor="#000000" textColor="#ffffff" borderRadius="12">Open account</Button>
<Divider width="80" color="#d1d5db" />
<Columns gap="24" widths="50,50" verticalAlignment="top">
  <ColumnItem><H3>Docs</H3><Paragraph>Start with the quickstart.</Paragraph></ColumnItem>
  <ColumnItem><Image src="https://example.com/logo.png" alt="Company logo" width="180" /></ColumnItem>
</Columns>
<Section blockColor="#f8fafc" blockBorderRadius="12"><Paragraph>Manage your subscription.</Paragraph></Section>
<Icons align="center" gap="20" size="24" color="#000000">
  <Icon name="twitter" href="https://x.com/loops" />
  <Icon name="linkedin" href="https://www.linkedin.com/company/loops" />
</Icons>`
  const d = doc(example)
  expect(d.blockCount).toBe(8)
  expect(d.style).toMatchObject({ themeId: 'st_123' })
  expect(d.variables.map((v) => v.raw)).toEqual(['{contact.firstName}', '{contact.userId}'])
  expect(d.hrefs.map((h) => [h.tag, h.label.trim()])).toEqual([['Link', 'the docs'], ['Button', 'Open account'], ['Icon', 'twitter'], ['Icon', 'linkedin']])
  expect(d.warnings).toEqual([])
})

it('reads data variables written {data.name} and {DATA_VARIABLE:name}, event and system variables, and bare contact names', () => {
  const d = doc('<Paragraph>{data.code} {DATA_VARIABLE:plan} {event.orderId} {system.unsubscribe_link} {firstName} {not a variable} {}</Paragraph>')
  expect(d.variables.map((v) => [v.kind, v.name, v.bare])).toEqual([['data', 'code', false], ['data', 'plan', false], ['event', 'orderId', false], ['system', 'unsubscribe_link', false], ['contact', 'firstName', true]])
})

it('reads array item references such as {data.products[].name} inside a <For> as data variables', () => {
  const d = doc('<For variable="{data.products}"><Paragraph>{data.products[].name}: {data.products[].price}</Paragraph></For>')
  expect(d.loops.map((v) => [v.kind, v.name])).toEqual([['data', 'products']])
  expect(d.variables.map((v) => [v.kind, v.name])).toEqual([['data', 'products[].name'], ['data', 'products[].price']])
})

it('keeps a {data.…} reference whose name LMX does not allow, for Guardian to report', () => {
  expect(doc('<Paragraph>{data.a/b} {DATA_VARIABLE:plan!} {contact.a/b}</Paragraph>').variables.map((v) => [v.kind, v.name])).toEqual([['data', 'a/b'], ['data', 'plan!']])
})

it('treats CodeBlock text as literal and keeps variables out of it', () => {
  expect(doc('<CodeBlock>const x = "{contact.firstName}";</CodeBlock>').variables).toEqual([])
})

it('refuses tags that are not PascalCase LMX, suggesting the right one', () => {
  expect(error('<p>Hi</p>')).toMatch(/Unknown tag <p>.*did you mean <Paragraph>/)
  expect(error('<paragraph>Hi</paragraph>')).toMatch(/did you mean <Paragraph>/)
  expect(error('<Heading>Hi</Heading>')).toMatch(/Unknown tag <Heading>/)
})

it('refuses a missing required attribute, naming the tag, the attribute, the line and the column', () => {
  const result = parseLmx('<Paragraph>ok</Paragraph>\n  <Image alt="x" />')
  expect(result).toMatchObject({ ok: false, error: { line: 2, column: 3, tag: 'Image', message: expect.stringMatching(/<Image> is missing the required attribute "src"/) } })
  for (const [lmx, attr] of [['<Paragraph><Link>docs</Link></Paragraph>', 'href'], ['<Component />', 'componentId'], ['<Icons><Icon /></Icons>', 'name']])
    expect(error(lmx as string)).toContain(`"${attr}"`)
})

it('requires /> on self-closing tags and a closing tag on the others', () => {
  expect(error('<Image src="x.png">')).toMatch(/must be self-closing/)
  expect(error('<Divider>')).toMatch(/must be self-closing/)
  expect(error('<Paragraph>Hi')).toMatch(/<Paragraph> is never closed/)
  expect(error('<Paragraph>Hi</H1>')).toMatch(/does not match the open <Paragraph>/)
})

it('requires escaping of < and & in text and attribute values, and decodes the XML entities', () => {
  expect(error('<Paragraph>a & b</Paragraph>')).toMatch(/Unescaped "&"/)
  expect(error('<Paragraph>1 < 2</Paragraph>')).toMatch(/Unescaped "<"/)
  expect(error('<Link href="a<b">x</Link>')).toMatch(/contains "<"/)
  expect(doc('<Paragraph><Link href="https://a.b/?x=1&amp;y=2">a &lt; b &amp; c &#169; &#x1F600;</Link></Paragraph>').hrefs[0]).toMatchObject({ href: 'https://a.b/?x=1&y=2', label: 'a < b & c © 😀' })
})

it('enforces the nesting of the specification: top-level blocks, inline tags in text blocks, text-only buttons', () => {
  expect(error('Hello')).toMatch(/wrap text and variables in a block tag/)
  expect(error('<Strong>bold</Strong>')).toMatch(/not valid at the top level/)
  expect(error('<ListItem>x</ListItem>')).toMatch(/OrderedList/)
  expect(error('<Button href="x"><Strong>Go</Strong></Button>')).toMatch(/text and variables only/)
  expect(error('<Paragraph><Paragraph>x</Paragraph></Paragraph>')).toMatch(/cannot be inside <Paragraph>/)
  expect(error('<Section><Section><Paragraph>x</Paragraph></Section></Section>')).toMatch(/<Section> cannot be inside <Section>/)
  expect(error('<Columns><ColumnItem></ColumnItem></Columns>')).toMatch(/exactly 2 <ColumnItem>/)
  expect(error('<UnorderedList></UnorderedList>')).toMatch(/at least 1 <ListItem>/)
  expect(error('<Style /><Style />')).toMatch(/Only one <Style \/>/)
  expect(error('<Paragraph><Style /></Paragraph>')).toMatch(/cannot be inside/)
  expect(error('<Paragraph><Text textColor="red">x</Text></Paragraph>')).toMatch(/hex color/)
  expect(error('<Icons color="#334155"><Icon name="github" /></Icons>')).toMatch(/#000000, #808080, #ffffff/)
  expect(error('<Image src="{contact.avatar}" />')).toMatch(/dynamicSrc/)
})

it('compiles component bodies without <Style /> or nested components', () => {
  expect(doc('<Paragraph>Footer</Paragraph>', { component: true }).blockCount).toBe(1)
  expect(parseLmx('<Style />', { component: true }).ok).toBe(false)
  expect(parseLmx('<Component componentId="c" />', { component: true }).ok).toBe(false)
})

it('warns about unknown attributes instead of failing', () => {
  expect(doc('<H1 foo="1">x</H1>').warnings).toEqual([{ rule: 'unknown_attr', severity: 'warning', message: '<H1> has unknown attribute "foo"', path: 'body.0' }])
})

it('never throws: any string compiles or gives an error with a line and column inside the input', () => {
  const pieces = ['<Paragraph>', '</Paragraph>', '<Image src="x" />', '<Image', '/>', '{data.a}', '{contact.', '&amp;', '&', '<', '>', 'text', ' ', '\n', '<Button href="https://a.b">', '</Button>', '<Strong>', '</Strong>', '<Columns>', '<ColumnItem>', '</ColumnItem>', '</Columns>', '"', '=', '<Link href=', '<!--', '</', '<Style />']
  const lmxish = fc.array(fc.constantFrom(...pieces), { maxLength: 40 }).map((p) => p.join(''))
  fc.assert(
    fc.property(fc.oneof(fc.string({ unit: 'binary', maxLength: 200 }), lmxish), (input) => {
      const result = parseLmx(input)
      if (!result.ok) {
        const lines = input.split('\n').length
        expect(result.error.line).toBeGreaterThanOrEqual(1)
        expect(result.error.line).toBeLessThanOrEqual(lines)
        expect(result.error.column).toBeGreaterThanOrEqual(1)
        expect(result.error.message).not.toBe('')
      }
    }),
    { numRuns: 500 },
  )
}, 60_000)

it('parses 10,000 nested inline tags without overflowing the stack', () => {
  const deep = `<Paragraph>${'<Strong>'.repeat(10_000)}x${'</Strong>'.repeat(10_000)}</Paragraph>`
  expect(parseLmx(deep).ok).toBe(true)
  expect(parseLmx(`<Paragraph>${'<Strong>'.repeat(10_000)}`).ok).toBe(false)
})

const KEY = 'lmx-property-key'
const ORIGIN = 'http://lmx.mock.test'
const { server, mock } = createMockServer({ keys: { [KEY]: 'LMX Team' }, origin: ORIGIN, rateLimit: 1_000_000 })
let messageId = ''
const api = async (method: string, path: string, body?: unknown) => {
  const res = await fetch(`${ORIGIN}/api/v1/${path}`, { method, headers: { Authorization: `Bearer ${KEY}`, 'Content-Type': 'application/json' }, ...(body !== undefined ? { body: JSON.stringify(body) } : {}) })
  return { status: res.status, json: (await res.json()) as Record<string, unknown> }
}
beforeAll(async () => {
  server.listen({ onUnhandledFrame: 'error' })
  await mock.ready
  messageId = String((await api('POST', 'campaigns', { name: 'LMX property' })).json.emailMessageId)
})
afterAll(() => server.close())

it('answers any LMX sent to the email-message API with 200 or 422 (413 over 100 KB), never a 500', async () => {
  const pieces = ['<Paragraph>', '</Paragraph>', '<Image src="x" />', '{data.a}', '&amp;', '&', '<', 'text', '<Button href="https://a.b">', '</Button>', '<Component componentId="nope" />', '<Style />']
  await fc.assert(
    fc.asyncProperty(fc.oneof(fc.string({ maxLength: 100 }), fc.array(fc.constantFrom(...pieces), { maxLength: 20 }).map((p) => p.join(''))), async (lmx) => {
      const { status, json } = await api('POST', `email-messages/${messageId}`, { lmx })
      expect([200, 422]).toContain(status)
      if (status === 422) expect(json).toMatchObject({ success: false, message: expect.stringMatching(/^LMX failed to compile: /) })
      else expect(json.lmx).toBe(lmx)
    }),
    { numRuns: 100 },
  )
  const big = `<Paragraph>${'x'.repeat(LMX_MAX_BYTES)}</Paragraph>`
  expect((await api('POST', `email-messages/${messageId}`, { lmx: big })).status).toBe(413)
}, 60_000)
