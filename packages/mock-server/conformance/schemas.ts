/**
 * Response validation against the contract's OpenAPI document: each JSON
 * body is checked with the schema the document gives for that operation and
 * status (JSON Schema 2020-12, formats included). A status the document does
 * not list for the operation is a failure too.
 */
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import { openApiDocument, SCHEMA_REF_PREFIX, type JsonObject } from '@egov/auth-widgets/openapi';

// ajv-formats is CommonJS: its default export arrives wrapped under `default` in some loaders.
const addFormats = ((addFormatsModule as unknown as { default?: typeof addFormatsModule }).default ?? addFormatsModule) as typeof addFormatsModule;

const SCHEMA_BASE = 'https://contract.egov.invalid/schemas/';

function rewriteRefs(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(rewriteRefs);
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value).map(([key, inner]) => [
        key,
        key === '$ref' && typeof inner === 'string' && inner.startsWith(SCHEMA_REF_PREFIX)
          ? `${SCHEMA_BASE}${inner.slice(SCHEMA_REF_PREFIX.length)}`
          : rewriteRefs(inner),
      ]),
    );
  }
  return value;
}

const ajv = new Ajv2020({ strict: true, allErrors: true });
addFormats(ajv);
ajv.addFormat('binary', true);
for (const [name, schema] of Object.entries(openApiDocument.components.schemas)) {
  ajv.addSchema({ ...(rewriteRefs(schema) as object), $id: `${SCHEMA_BASE}${name}` });
}

/** Follows `#/components/...` references through the document. */
function deref(value: JsonObject): JsonObject {
  const target = value.$ref;
  if (typeof target !== 'string') return value;
  let node: unknown = openApiDocument;
  for (const part of target.replace(/^#\//, '').split('/')) node = (node as Record<string, unknown>)?.[decodeURIComponent(part)];
  if (!node) throw new Error(`unresolvable $ref ${target} in the OpenAPI document`);
  return deref(node as JsonObject);
}

export interface DocumentedResponse {
  /** The schema of `application/json` content, when the response has one. */
  validate: ValidateFunction | null;
  /** Media types the document lists for the response (none for 204). */
  mediaTypes: string[];
  headers: Record<string, JsonObject>;
}

const cache = new Map<string, DocumentedResponse | null>();

/** The document's response for an operation and status, or null when it lists no such status. */
export function documentedResponse(method: string, pathTemplate: string, status: number): DocumentedResponse | null {
  const key = `${method} ${pathTemplate} ${status}`;
  if (cache.has(key)) return cache.get(key)!;
  const item = openApiDocument.paths[pathTemplate];
  if (!item) throw new Error(`${pathTemplate} is not a path of the contract`);
  const operation = item[method.toLowerCase() as 'get' | 'post'];
  if (!operation) throw new Error(`${method} ${pathTemplate} is not an operation of the contract`);
  const raw = operation.responses[String(status)];
  let result: DocumentedResponse | null = null;
  if (raw) {
    const response = deref(raw);
    const content = (response.content ?? {}) as Record<string, { schema?: JsonObject }>;
    const json = content['application/json']?.schema;
    result = {
      validate: json ? ajv.compile(rewriteRefs(json) as object) : null,
      mediaTypes: Object.keys(content),
      headers: (response.headers ?? {}) as Record<string, JsonObject>,
    };
  }
  cache.set(key, result);
  return result;
}

/** Explains ajv's errors in one line each. */
export function describeErrors(validate: ValidateFunction): string {
  return (validate.errors ?? []).map((error) => `${error.instancePath || '(body)'} ${error.message ?? ''} ${JSON.stringify(error.params)}`).join('; ');
}

/** Validates a value against a named component schema (e.g. `ErrorBody`). */
export function schemaValidator(name: string): ValidateFunction {
  const validate = ajv.getSchema(`${SCHEMA_BASE}${name}`);
  if (!validate) throw new Error(`no schema ${name} in the OpenAPI document`);
  return validate;
}
