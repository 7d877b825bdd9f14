/**
 * Compares the contract's TypeScript types with the OpenAPI document's
 * schemas: JSON Schemas are generated from the TypeScript source (with
 * ts-json-schema-generator), both sides are brought to one canonical form
 * (references resolved, annotations and value constraints dropped, integer
 * counted as number, enums as sorted sets), and the differences are listed
 * in words.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { createGenerator, type Config } from 'ts-json-schema-generator';
import ts from 'typescript';

export type JsonSchema = { [key: string]: unknown };

/** The contract module and the tsconfig the generator compiles it with. */
export const CONTRACT_PATH = fileURLToPath(new URL('../../auth-widgets/src/client/contract.ts', import.meta.url));
const TSCONFIG_PATH = fileURLToPath(new URL('../tsconfig.json', import.meta.url));

/** Names of the exported interfaces and type aliases of a TypeScript module. */
export function exportedTypeNames(sourcePath: string): string[] {
  const source = ts.createSourceFile(sourcePath, readFileSync(sourcePath, 'utf8'), ts.ScriptTarget.Latest, false);
  const names: string[] = [];
  for (const statement of source.statements) {
    if (!ts.isInterfaceDeclaration(statement) && !ts.isTypeAliasDeclaration(statement)) continue;
    const exported = ts.getModifiers(statement)?.some((modifier) => modifier.kind === ts.SyntaxKind.ExportKeyword);
    if (exported) names.push(statement.name.text);
  }
  return names;
}

/** A generated schema and the definitions its `$ref`s point into. */
export interface SchemaSet {
  schemas: Map<string, JsonSchema>;
  resolve(ref: string): JsonSchema;
}

/** JSON Schemas for every exported type of a TypeScript module. */
export function schemasFromTypeScript(sourcePath = CONTRACT_PATH, useProjectConfig = true): SchemaSet {
  const config: Config = {
    path: sourcePath,
    ...(useProjectConfig ? { tsconfig: TSCONFIG_PATH } : {}),
    type: '*',
    expose: 'export',
    topRef: true,
    jsDoc: 'none',
    skipTypeCheck: true,
    additionalProperties: false,
  };
  const generator = createGenerator(config);
  const definitions: Record<string, JsonSchema> = {};
  const schemas = new Map<string, JsonSchema>();
  for (const name of exportedTypeNames(sourcePath)) {
    const generated = generator.createSchema(name) as JsonSchema & { definitions?: Record<string, JsonSchema> };
    Object.assign(definitions, generated.definitions ?? {});
    const own = definitions[name];
    if (!own) throw new Error(`ts-json-schema-generator produced no definition for ${name}`);
    schemas.set(name, own);
  }
  return { schemas, resolve: pointerResolver('#/definitions/', definitions) };
}

/** OpenAPI `components.schemas` as a SchemaSet. */
export function schemasFromOpenApi(components: Record<string, JsonSchema>): SchemaSet {
  return { schemas: new Map(Object.entries(components)), resolve: pointerResolver('#/components/schemas/', components) };
}

function pointerResolver(prefix: string, table: Record<string, JsonSchema>): (ref: string) => JsonSchema {
  return (ref) => {
    if (!ref.startsWith(prefix)) throw new Error(`unsupported $ref ${ref} (expected ${prefix}…)`);
    const name = decodeURIComponent(ref.slice(prefix.length));
    const target = table[name];
    if (!target) throw new Error(`$ref ${ref} points nowhere`);
    return target;
  };
}

// ---------------------------------------------------------------- canonical form

export type Canonical =
  | { kind: 'any' }
  | { kind: 'primitive'; type: string }
  | { kind: 'enum'; type: string; values: string[] }
  | { kind: 'array'; items: Canonical }
  | { kind: 'object'; properties: Record<string, Canonical>; required: string[]; additional: boolean | Canonical }
  | { kind: 'union'; of: Canonical[] };

const PRIMITIVES = new Set(['string', 'number', 'integer', 'boolean', 'null']);

function primitiveName(type: string): string {
  return type === 'integer' ? 'number' : type;
}

function valueType(value: unknown): string {
  return value === null ? 'null' : typeof value;
}

/**
 * The shape of a schema, and only its shape: which properties, which are
 * required, which types and allowed values. Descriptions, formats, patterns,
 * lengths and bounds are documentation the TypeScript side cannot express.
 */
export function canonicalize(schema: unknown, resolve: (ref: string) => JsonSchema, depth = 0): Canonical {
  if (depth > 50) throw new Error('schema nests too deep (a reference cycle?)');
  if (schema === true || schema === undefined) return { kind: 'any' };
  if (schema === false) return { kind: 'union', of: [] };
  if (typeof schema !== 'object' || schema === null) throw new Error(`not a schema: ${JSON.stringify(schema)}`);
  const s = schema as JsonSchema;
  if (typeof s.$ref === 'string') return canonicalize(resolve(s.$ref), resolve, depth + 1);
  if (Array.isArray(s.allOf)) {
    if (s.allOf.length !== 1) throw new Error('allOf with several parts is not supported by the comparison');
    return canonicalize(s.allOf[0], resolve, depth + 1);
  }
  const variants = (Array.isArray(s.anyOf) ? s.anyOf : Array.isArray(s.oneOf) ? s.oneOf : null) as unknown[] | null;
  if (variants) return union(variants.map((variant) => canonicalize(variant, resolve, depth + 1)));

  const values = 'const' in s ? [s.const] : Array.isArray(s.enum) ? (s.enum as unknown[]) : null;
  if (values) {
    const types = [...new Set(values.map(valueType))];
    return union(
      types.map((type) => ({
        kind: 'enum' as const,
        type: primitiveName(type),
        values: [...new Set(values.filter((value) => valueType(value) === type).map((value) => String(value)))].sort(),
      })),
    );
  }

  const types = (Array.isArray(s.type) ? s.type : s.type === undefined ? [] : [s.type]) as string[];
  if (types.length > 1) return union(types.map((type) => canonicalize({ ...s, type }, resolve, depth + 1)));
  const type = types[0] ?? (s.properties || s.additionalProperties !== undefined ? 'object' : s.items ? 'array' : undefined);
  if (type === undefined) return { kind: 'any' };
  if (type === 'object') {
    const properties: Record<string, Canonical> = {};
    for (const [name, property] of Object.entries((s.properties ?? {}) as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : 1))) {
      properties[name] = canonicalize(property, resolve, depth + 1);
    }
    const additional = s.additionalProperties;
    return {
      kind: 'object',
      properties,
      required: [...((s.required ?? []) as string[])].sort(),
      additional: additional === undefined || additional === true ? true : additional === false ? false : canonicalize(additional, resolve, depth + 1),
    };
  }
  if (type === 'array') return { kind: 'array', items: canonicalize(s.items, resolve, depth + 1) };
  if (PRIMITIVES.has(type)) return { kind: 'primitive', type: primitiveName(type) };
  throw new Error(`unsupported type ${JSON.stringify(type)}`);
}

/** One variant stays itself; enums of one type merge; the rest is a set ordered by its JSON. */
function union(variants: Canonical[]): Canonical {
  const flat = variants.flatMap((variant) => (variant.kind === 'union' ? variant.of : [variant]));
  const enums = new Map<string, Set<string>>();
  const others: Canonical[] = [];
  for (const variant of flat) {
    if (variant.kind === 'enum') {
      const set = enums.get(variant.type) ?? new Set<string>();
      for (const value of variant.values) set.add(value);
      enums.set(variant.type, set);
    } else others.push(variant);
  }
  const merged: Canonical[] = [
    ...[...enums].map(([type, values]) => ({ kind: 'enum' as const, type, values: [...values].sort() })),
    ...others,
  ];
  const unique = [...new Map(merged.map((variant) => [JSON.stringify(variant), variant])).values()].sort((a, b) =>
    JSON.stringify(a) < JSON.stringify(b) ? -1 : 1,
  );
  return unique.length === 1 ? unique[0]! : { kind: 'union', of: unique };
}

// ---------------------------------------------------------------- differences

function describeShape(shape: Canonical): string {
  switch (shape.kind) {
    case 'any':
      return 'anything';
    case 'primitive':
      return shape.type;
    case 'enum':
      return `${shape.type} enum [${shape.values.join(', ')}]`;
    case 'array':
      return `array of ${describeShape(shape.items)}`;
    case 'object':
      return `object {${Object.keys(shape.properties).join(', ')}}`;
    case 'union':
      return shape.of.map(describeShape).join(' | ');
  }
}

/** Every difference between the TypeScript shape and the OpenAPI shape, as sentences naming the path. */
export function diffShapes(ts: Canonical, openapi: Canonical, path: string): string[] {
  if (ts.kind !== openapi.kind) {
    return [`${path}: TypeScript has ${describeShape(ts)}, OpenAPI has ${describeShape(openapi)}`];
  }
  const problems: string[] = [];
  switch (ts.kind) {
    case 'any':
      break;
    case 'primitive':
      if (ts.type !== (openapi as typeof ts).type) problems.push(`${path}: TypeScript type ${ts.type}, OpenAPI type ${(openapi as typeof ts).type}`);
      break;
    case 'enum': {
      const other = openapi as typeof ts;
      if (ts.type !== other.type) problems.push(`${path}: TypeScript enum of ${ts.type}, OpenAPI enum of ${other.type}`);
      const onlyTs = ts.values.filter((value) => !other.values.includes(value));
      const onlyOpenApi = other.values.filter((value) => !ts.values.includes(value));
      if (onlyTs.length) problems.push(`${path}: values only in TypeScript: ${onlyTs.join(', ')}`);
      if (onlyOpenApi.length) problems.push(`${path}: values only in OpenAPI: ${onlyOpenApi.join(', ')}`);
      break;
    }
    case 'array':
      problems.push(...diffShapes(ts.items, (openapi as typeof ts).items, `${path}[]`));
      break;
    case 'object': {
      const other = openapi as typeof ts;
      for (const name of Object.keys(ts.properties)) {
        if (!(name in other.properties)) problems.push(`${path}.${name}: property only in TypeScript`);
      }
      for (const name of Object.keys(other.properties)) {
        if (!(name in ts.properties)) problems.push(`${path}.${name}: property only in OpenAPI`);
      }
      for (const name of ts.required) {
        if (!other.required.includes(name)) problems.push(`${path}.${name}: required in TypeScript, optional in OpenAPI`);
      }
      for (const name of other.required) {
        if (!ts.required.includes(name)) problems.push(`${path}.${name}: required in OpenAPI, optional in TypeScript`);
      }
      for (const name of Object.keys(ts.properties)) {
        if (name in other.properties) problems.push(...diffShapes(ts.properties[name]!, other.properties[name]!, `${path}.${name}`));
      }
      if (typeof ts.additional === 'boolean' || typeof other.additional === 'boolean') {
        if (ts.additional !== other.additional) {
          const show = (value: boolean | Canonical) => (typeof value === 'boolean' ? String(value) : describeShape(value));
          problems.push(`${path}: additional properties ${show(ts.additional)} in TypeScript, ${show(other.additional)} in OpenAPI`);
        }
      } else {
        problems.push(...diffShapes(ts.additional, other.additional, `${path}{*}`));
      }
      break;
    }
    case 'union': {
      const other = openapi as typeof ts;
      const key = (shape: Canonical) => JSON.stringify(shape);
      const otherKeys = new Set(other.of.map(key));
      const ownKeys = new Set(ts.of.map(key));
      for (const variant of ts.of) {
        if (!otherKeys.has(key(variant))) problems.push(`${path}: variant only in TypeScript: ${describeShape(variant)}`);
      }
      for (const variant of other.of) {
        if (!ownKeys.has(key(variant))) problems.push(`${path}: variant only in OpenAPI: ${describeShape(variant)}`);
      }
      break;
    }
  }
  return problems;
}

/**
 * Compares every TypeScript type with the OpenAPI schema of the same name.
 * A type without a schema, or a schema without a type, is a difference too.
 */
export function compareSchemaSets(typescript: SchemaSet, openapi: SchemaSet): string[] {
  const problems: string[] = [];
  for (const name of typescript.schemas.keys()) {
    if (!openapi.schemas.has(name)) problems.push(`${name}: type in the contract has no OpenAPI schema`);
  }
  for (const name of openapi.schemas.keys()) {
    if (!typescript.schemas.has(name)) problems.push(`${name}: OpenAPI schema has no type in the contract`);
  }
  for (const [name, schema] of typescript.schemas) {
    const other = openapi.schemas.get(name);
    if (!other) continue;
    problems.push(...diffShapes(canonicalize(schema, typescript.resolve), canonicalize(other, openapi.resolve), name));
  }
  return problems;
}
