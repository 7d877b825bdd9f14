/**
 * A value inside a sentence of another direction (a file name or an e-mail
 * address in Arabic text), isolated so the sentence around it keeps its
 * order: U+2068 FIRST STRONG ISOLATE … U+2069 POP DIRECTIONAL ISOLATE.
 */
export function isolate(value: string | number): string {
  return `\u2068${value}\u2069`;
}
