// Reading the kit's Custom Elements Manifest (schema 1.0) for the API
// reference: what each element offers a page, in the manifest's order.
// Nothing here names an element: the page follows the manifest.

export interface TypeText {
  text: string;
}

export interface ManifestAttribute {
  name: string;
  type?: TypeText;
  default?: string;
  description?: string;
  fieldName?: string;
}

export interface ManifestParameter {
  name: string;
  type?: TypeText;
  description?: string;
  optional?: boolean;
}

export interface ManifestMember {
  kind: 'field' | 'method';
  name: string;
  privacy?: 'public' | 'private' | 'protected';
  static?: boolean;
  readonly?: boolean;
  type?: TypeText;
  default?: string;
  description?: string;
  attribute?: string;
  parameters?: ManifestParameter[];
  return?: { type?: TypeText; description?: string };
}

export interface ManifestEvent {
  name: string;
  type?: TypeText;
  description?: string;
}

export interface ManifestNamed {
  name: string;
  description?: string;
  default?: string;
}

export interface ManifestDeclaration {
  kind: string;
  name: string;
  tagName?: string;
  customElement?: boolean;
  summary?: string;
  description?: string;
  attributes?: ManifestAttribute[];
  members?: ManifestMember[];
  events?: ManifestEvent[];
  cssProperties?: ManifestNamed[];
  cssParts?: ManifestNamed[];
  slots?: ManifestNamed[];
}

export interface CustomElementsManifest {
  schemaVersion: string;
  modules: { kind?: string; path: string; declarations?: ManifestDeclaration[] }[];
}

/** A declaration with a tag name: one element of the reference. */
export interface ElementDoc {
  tagName: string;
  declaration: ManifestDeclaration;
  modulePath: string;
}

export function elementsOf(manifest: CustomElementsManifest): ElementDoc[] {
  return manifest.modules.flatMap((module) =>
    (module.declarations ?? [])
      .filter((declaration): declaration is ManifestDeclaration & { tagName: string } => Boolean(declaration.tagName))
      .map((declaration) => ({ tagName: declaration.tagName, declaration, modulePath: module.path })),
  );
}

/** What a page may use: neither private nor protected, nor static, nor named as internal (`_x`, `#x`). */
function isPublic(member: ManifestMember): boolean {
  return (member.privacy ?? 'public') === 'public' && !member.static && !/^[_#]/.test(member.name);
}

export const propertiesOf = (element: ElementDoc) => (element.declaration.members ?? []).filter((m) => m.kind === 'field' && isPublic(m));
export const methodsOf = (element: ElementDoc) => (element.declaration.members ?? []).filter((m) => m.kind === 'method' && isPublic(m));

/** `CustomEvent<EgovLoginSuccessDetail>` → `EgovLoginSuccessDetail`; undefined for another shape. */
export function detailTypeOf(event: ManifestEvent): string | undefined {
  return /^CustomEvent<(.+)>$/s.exec(event.type?.text.trim() ?? '')?.[1]?.trim();
}

/**
 * The fields of a detail type, when the manifest describes it (an interface,
 * class or type with members, by its name); undefined when it does not.
 */
export function detailFieldsOf(manifest: CustomElementsManifest, typeName: string | undefined): ManifestMember[] | undefined {
  if (!typeName) return undefined;
  for (const module of manifest.modules) {
    for (const declaration of module.declarations ?? []) {
      if (declaration.name === typeName && !declaration.tagName && declaration.members) {
        return declaration.members.filter((m) => m.kind === 'field' && isPublic(m));
      }
    }
  }
  return undefined;
}
