/** Text as a JavaScript template literal that evaluates back to exactly the same text. */
export function toTemplateLiteral(text: string): string {
  return `\`${text.replaceAll('\\', '\\\\').replaceAll('`', '\\`').replaceAll('${', '\\${').replaceAll('\r', '\\r')}\``
}
