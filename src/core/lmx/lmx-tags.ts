/**
 * The LMX tag set, from Loops' LMX specification (`Loops-so/skills`, `skills/loops-lmx/references/lmx-spec.md`,
 * synced 2026-05-07; `<For>` from the earlier `skills/lmx/references/lmx-spec.md`). Tags are PascalCase and
 * case-sensitive; only these are valid.
 *
 * Content kinds: `inline` (text, variables, inline tags, `<Br />`), `text` (text and variables only), `raw`
 * (literal text, no variables), `blocks` (block tags), `children` (only the listed child tags), `none` (self-closing).
 */
export type LmxContent = 'inline' | 'text' | 'raw' | 'blocks' | 'children' | 'none'

export interface LmxTagSpec {
  content: LmxContent
  /** `children`: the allowed child tags; `blocks`: block tags excluded inside this one */
  children?: readonly string[]
  exclude?: readonly string[]
  /** how many children a `children` tag must have */
  min?: number
  max?: number
  required?: readonly string[]
  attributes: readonly string[]
  /** attributes whose value may hold `{variables}` */
  dynamic?: readonly string[]
  /** a block may stand at the top level or inside a block container */
  block: boolean
  /** `<Component>` may be written either way */
  selfClosingAllowed?: boolean
}

const BLOCK_STYLE = ['blockColor', 'blockBorderRadius', 'paddingTop', 'paddingRight', 'paddingBottom', 'paddingLeft']
const TEXT_BLOCK = ['fontSize', 'lineHeight', 'align', ...BLOCK_STYLE]
const INLINE_FORMAT = ['textColor']

/** `<Style />` attributes: the theme style names (Loops' ThemeStyles) plus `themeId` (and the older `styleTemplateId`). */
export const STYLE_ATTRIBUTES = [
  'backgroundColor', 'backgroundXPadding', 'backgroundYPadding', 'bodyColor', 'bodyXPadding', 'bodyYPadding',
  'bodyFontFamily', 'bodyFontCategory', 'borderColor', 'borderWidth', 'borderRadius', 'buttonBodyColor',
  'buttonBodyXPadding', 'buttonBodyYPadding', 'buttonBorderColor', 'buttonBorderWidth', 'buttonBorderRadius',
  'buttonTextColor', 'buttonTextFormat', 'buttonTextFontSize', 'dividerColor', 'dividerBorderWidth', 'textBaseColor',
  'textBaseFontSize', 'textBaseLineHeight', 'textBaseLetterSpacing', 'textLinkColor', 'heading1Color',
  'heading1FontSize', 'heading1LineHeight', 'heading1LetterSpacing', 'heading2Color', 'heading2FontSize',
  'heading2LineHeight', 'heading2LetterSpacing', 'heading3Color', 'heading3FontSize', 'heading3LineHeight',
  'heading3LetterSpacing',
] as const

const textBlock: LmxTagSpec = { content: 'inline', attributes: TEXT_BLOCK, block: true }
const inlineTag: LmxTagSpec = { content: 'inline', attributes: INLINE_FORMAT, block: false }

export const LMX_TAGS: Readonly<Record<string, LmxTagSpec>> = {
  H1: textBlock,
  H2: textBlock,
  H3: textBlock,
  Paragraph: textBlock,
  Quote: textBlock,
  CodeBlock: { content: 'raw', attributes: ['fontSize', 'lineHeight', ...BLOCK_STYLE], block: true },
  Button: {
    content: 'text',
    attributes: ['href', 'bgColor', 'textColor', 'borderColor', 'borderRadius', 'borderWidth', 'innerXPadding', 'innerYPadding', 'fontSize', 'align', 'notrack', ...BLOCK_STYLE],
    dynamic: ['href'],
    block: true,
  },
  Image: {
    content: 'none',
    required: ['src'],
    attributes: ['src', 'alt', 'href', 'width', 'align', 'borderRadius', 'borderWidth', 'borderColor', 'dynamicSrc', 'notrack', ...BLOCK_STYLE],
    dynamic: ['alt', 'href', 'dynamicSrc'],
    block: true,
  },
  Divider: { content: 'none', attributes: ['align', 'width', 'borderWidth', 'color', ...BLOCK_STYLE], block: true },
  OrderedList: { content: 'children', children: ['ListItem'], min: 1, attributes: ['start', 'align'], block: true },
  UnorderedList: { content: 'children', children: ['ListItem'], min: 1, attributes: ['align'], block: true },
  ListItem: { content: 'inline', attributes: TEXT_BLOCK.filter((a) => a !== 'align'), block: false },
  Columns: {
    content: 'children',
    children: ['ColumnItem'],
    min: 2,
    max: 2,
    attributes: ['gap', 'widths', 'verticalAlignment', 'stackOnMobile', 'reverseOnMobile', ...BLOCK_STYLE],
    block: true,
  },
  ColumnItem: { content: 'blocks', exclude: ['Style', 'Columns'], attributes: [], block: false },
  Component: { content: 'blocks', exclude: ['Style', 'Component'], required: ['componentId'], attributes: ['componentId', ...BLOCK_STYLE], block: true, selfClosingAllowed: true },
  Section: { content: 'blocks', exclude: ['Style', 'Section'], attributes: ['href', 'notrack', ...BLOCK_STYLE], dynamic: ['href'], block: true },
  Icons: { content: 'children', children: ['Icon'], min: 1, max: 100, attributes: ['align', 'gap', 'size', 'color', ...BLOCK_STYLE], block: true },
  Icon: { content: 'none', required: ['name'], attributes: ['name', 'href', 'notrack'], block: false },
  Style: { content: 'none', attributes: ['themeId', 'styleTemplateId', ...STYLE_ATTRIBUTES], block: false },
  For: { content: 'blocks', exclude: ['Style', 'For'], required: ['variable'], attributes: ['variable'], block: true },
  Br: { content: 'none', attributes: [], block: false },
  Strong: inlineTag,
  Em: inlineTag,
  Underline: inlineTag,
  Strike: inlineTag,
  Code: inlineTag,
  Text: inlineTag,
  Link: { content: 'inline', required: ['href'], attributes: ['href', 'notrack', 'textColor'], dynamic: ['href'], block: false },
}

export const INLINE_TAGS: ReadonlySet<string> = new Set(['Strong', 'Em', 'Underline', 'Strike', 'Code', 'Text', 'Link', 'Br'])

/** Icon names the mock knows (the spec's common ones plus a few more Font Awesome brand names). */
export const ICON_NAMES: ReadonlySet<string> = new Set([
  'twitter', 'x-twitter', 'instagram', 'linkedin', 'youtube', 'github', 'discord', 'envelope', 'link', 'phone',
  'facebook', 'tiktok', 'threads', 'bluesky', 'mastodon', 'reddit', 'slack', 'twitch', 'whatsapp', 'telegram',
  'pinterest', 'medium', 'dribbble', 'behance', 'globe', 'rss', 'apple', 'android', 'spotify', 'snapchat',
])

/** The LMX limit of the content API: "LMX sent through the email-message API must be at most 100 KB". */
export const LMX_MAX_BYTES = 100 * 1024
