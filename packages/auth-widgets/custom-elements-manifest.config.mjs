import { fileURLToPath } from 'node:url';
import ts from 'typescript';

/*
 * Custom Elements Manifest of @egov/auth-widgets, generated from the element
 * classes' JSDoc by `node tools/manifest.mjs` (which loads this file). The
 * README's API tables and the React types and wrappers are generated from
 * the manifest in turn (tools/api-docs.mjs, tools/react.mjs).
 */

const packageDir = fileURLToPath(new URL('.', import.meta.url));

/**
 * The base classes are analyzed only so that their public attributes are
 * inherited into the elements; `elementModulesOnly` leaves them out of the
 * output (src/internal/ has no semver promise).
 */
const BASE_CLASSES = ['src/internal/egov-element.ts', 'src/internal/egov-config-element.ts', 'src/internal/egov-form-element.ts'];

/**
 * The analyzer reads syntax only, so a field typed `LoginMode` stays
 * `LoginMode`. For documentation and JSX the values matter: a type that is a
 * union of string or number literals (plus `undefined`) is spelled out, using
 * the workspace's TypeScript and the package's tsconfig.
 */
function literalUnionTypes() {
  return {
    name: 'egov-literal-union-types',
    packageLinkPhase({ customElementsManifest }) {
      const parsed = ts.getParsedCommandLineOfConfigFile(`${packageDir}tsconfig.json`, {}, {
        ...ts.sys,
        onUnRecoverableConfigFileDiagnostic: (diagnostic) => {
          throw new Error(ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n'));
        },
      });
      const files = customElementsManifest.modules.map((module) => `${packageDir}${module.path}`);
      const program = ts.createProgram(files, { ...parsed.options, noEmit: true });
      const checker = program.getTypeChecker();

      for (const module of customElementsManifest.modules) {
        const source = program.getSourceFile(`${packageDir}${module.path}`);
        for (const declaration of module.declarations) {
          if (declaration.kind !== 'class' || !declaration.customElement) continue;
          const node = source?.statements.find((s) => ts.isClassDeclaration(s) && s.name?.text === declaration.name);
          if (!node?.name) continue;
          const instance = checker.getDeclaredTypeOfSymbol(checker.getSymbolAtLocation(node.name));
          for (const member of declaration.members ?? []) {
            if (member.kind !== 'field' || !member.type) continue;
            const property = instance.getProperty(member.name);
            const text = property && literalUnionText(checker.getTypeOfSymbol(property));
            if (!text) continue;
            member.type = { text };
            for (const attribute of declaration.attributes ?? []) {
              if (attribute.fieldName === member.name) attribute.type = { text };
            }
          }
        }
      }
    },
  };
}

/** `'a' | 'b' | undefined` for a union of literals, else undefined (the analyzer's text stays). */
function literalUnionText(type) {
  const parts = type.isUnion() ? type.types : [type];
  if (!parts.some((part) => part.isLiteral())) return undefined;
  if (!parts.every((part) => part.isLiteral() || part.flags & ts.TypeFlags.Undefined)) return undefined;
  return parts
    .map((part) => (part.isStringLiteral() ? `'${part.value}'` : part.isNumberLiteral() ? String(part.value) : 'undefined'))
    .join(' | ');
}

/**
 * Only public API: no `#private`, `private` or `protected` members (that also
 * removes `@state()` fields, which are private), no statics. `@internal`
 * members are already dropped by the analyzer itself.
 */
function publicApiOnly() {
  return {
    name: 'egov-public-api-only',
    packageLinkPhase({ customElementsManifest }) {
      for (const module of customElementsManifest.modules) {
        for (const declaration of module.declarations) {
          if (declaration.kind !== 'class') continue;
          declaration.members = declaration.members?.filter(
            (member) => !member.name.startsWith('#') && (member.privacy ?? 'public') === 'public' && !member.static,
          );
        }
      }
    },
  };
}

/**
 * The element modules only, in path order, so the output does not depend on
 * the file system's order. The analyzer names a superclass by its import
 * specifier (`/src/internal/egov-element.js`); it becomes the module's path,
 * as every other reference in the manifest is.
 */
function elementModulesOnly() {
  return {
    name: 'egov-element-modules-only',
    packageLinkPhase({ customElementsManifest }) {
      customElementsManifest.modules = customElementsManifest.modules
        .filter((module) => !BASE_CLASSES.includes(module.path))
        .sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
      for (const module of customElementsManifest.modules) {
        for (const declaration of module.declarations) {
          if (declaration.superclass?.module) declaration.superclass.module = modulePath(declaration.superclass.module);
        }
      }
    },
  };
}

function modulePath(specifier) {
  return specifier.replace(/^\//, '').replace(/\.js$/, '.ts');
}

export default {
  globs: ['src/components/*/egov-*.ts', ...BASE_CLASSES],
  exclude: ['**/*.test.ts'],
  outdir: '.',
  litelement: true,
  // The `customElements` field of package.json is maintained by hand.
  packagejson: false,
  plugins: [literalUnionTypes(), publicApiOnly(), elementModulesOnly()],
};
