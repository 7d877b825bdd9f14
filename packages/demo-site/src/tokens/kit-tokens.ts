// The kit's design tokens, from its public custom-elements manifest (each
// element's `cssProperties`): the editor shows what the kit documents.
import manifest from '@egov/auth-widgets/custom-elements.json';

export type TokenKind = 'color' | 'font' | 'size' | 'radius' | 'space' | 'other';

export interface KitToken {
  name: string;
  /** The manifest's words (English). */
  description: string;
  /** The kit's default: the one most of the elements document. */
  default: string;
  kind: TokenKind;
  /** The tags whose look depends on it. */
  usedBy: string[];
}

interface CssProperty {
  name: string;
  description?: string;
  default?: string;
}

interface Declaration {
  tagName?: string;
  cssProperties?: CssProperty[];
}

function kindOf(name: string): TokenKind {
  if (name.startsWith('--egov-color-')) return 'color';
  if (name === '--egov-font-family') return 'font';
  if (name === '--egov-font-size') return 'size';
  if (name === '--egov-radius') return 'radius';
  if (name === '--egov-space') return 'space';
  return 'other';
}

const mostCommon = (values: string[]): string => {
  const counts = new Map<string, number>();
  for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1])[0]?.[0] ?? '';
};

/** Every token, in the order the most complete element documents them. */
export function kitTokens(declarations: Declaration[]): KitToken[] {
  const seen = new Map<string, { descriptions: string[]; defaults: string[]; usedBy: string[] }>();
  const ordered = [...declarations].sort((a, b) => (b.cssProperties?.length ?? 0) - (a.cssProperties?.length ?? 0));
  for (const declaration of ordered) {
    for (const property of declaration.cssProperties ?? []) {
      const entry = seen.get(property.name) ?? { descriptions: [], defaults: [], usedBy: [] };
      if (property.description) entry.descriptions.push(property.description);
      if (property.default !== undefined) entry.defaults.push(property.default);
      if (declaration.tagName && !entry.usedBy.includes(declaration.tagName)) entry.usedBy.push(declaration.tagName);
      seen.set(property.name, entry);
    }
  }
  return [...seen].map(([name, entry]) => ({
    name,
    // The most complete element's words: an element that documents only its own use (egov-auth) says less.
    description: entry.descriptions[0] ?? '',
    default: mostCommon(entry.defaults),
    kind: kindOf(name),
    usedBy: entry.usedBy.sort(),
  }));
}

const declarations = (manifest as { modules: { declarations?: Declaration[] }[] }).modules.flatMap((module) => module.declarations ?? []);

export const KIT_TOKENS: readonly KitToken[] = kitTokens(declarations);
