/**
 * The OpenAPI document and the TypeScript contract cannot drift apart: every
 * contract type has a schema of the same name with the same properties,
 * required set, types and enums, and the document is valid OpenAPI 3.1.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { Validator } from '@seriousme/openapi-schema-validator';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { API_PATHS, CSRF_HEADER, ERROR_CODES } from '@egov/auth-widgets/contract';
import { openApiDocument, type JsonObject, type OpenApiOperation } from '@egov/auth-widgets/openapi';
import { request, startServer, type TestServer } from './helpers.ts';
import {
  CONTRACT_PATH,
  compareSchemaSets,
  schemasFromOpenApi,
  schemasFromTypeScript,
  type JsonSchema,
  type SchemaSet,
} from './schema-drift.ts';

const operations = (): [string, string, OpenApiOperation][] =>
  Object.entries(openApiDocument.paths).flatMap(([path, item]) =>
    Object.entries(item).map(([method, operation]) => [path, method, operation] as [string, string, OpenApiOperation]),
  );

/** Follows a local `$ref` (`#/components/...`) through the document. */
function deref(value: JsonObject): JsonObject {
  const target = value.$ref;
  if (typeof target !== 'string') return value;
  let node: unknown = openApiDocument;
  for (const part of target.slice(2).split('/')) node = (node as Record<string, unknown>)[decodeURIComponent(part)];
  assert.ok(node, `${target} resolves`);
  return deref(node as JsonObject);
}

describe('OpenAPI document and TypeScript contract', () => {
  let typescript: SchemaSet;
  const openapi = () => schemasFromOpenApi(openApiDocument.components.schemas as Record<string, JsonSchema>);

  before(() => {
    typescript = schemasFromTypeScript();
  });

  test('the generator sees the contract types the brief names', () => {
    for (const name of [
      'SessionResponse',
      'PasswordLoginRequest',
      'LoginResponse',
      'ErrorBody',
      'PublicConfig',
      'UserType',
      'RegistrationFields',
      'RegistrationAccepted',
      'ConfirmEmailRequest',
      'ConfirmEmailResponse',
      'EmailRequest',
      'Accepted',
      'PasswordResetCompleteRequest',
      'PasswordChanged',
      'DevAccountRequest',
      'OutboxMessage',
      'DevOutboxResponse',
      'DevRegistration',
      'DevRegistrationsResponse',
      'DevRejectRequest',
      'ErrorCode',
      'FieldErrorCode',
      'CertificationBody',
      'SignatureAlgorithm',
      'CertificateChallenge',
      'CertificateProof',
      'CertificateLoginRequest',
      'CertificateRegistrationRequest',
      'DevTestToken',
      'DevTestCertificate',
      'DevTestTokensResponse',
    ]) {
      assert.ok(typescript.schemas.has(name), `${name} generated from contract.ts`);
    }
  });

  test('every contract type has an identical OpenAPI schema, and no schema lacks a type', () => {
    assert.deepEqual(compareSchemaSets(typescript, openapi()), []);
  });

  test('the comparison reports a field added, renamed, made optional or retyped on one side only', () => {
    const mutations: [string, (schemas: Record<string, JsonSchema>) => void, RegExp][] = [
      [
        'a field added in OpenAPI',
        (s) => ((s.PasswordLoginRequest!.properties as JsonSchema).rememberMe = { type: 'boolean' }),
        /^PasswordLoginRequest\.rememberMe: property only in OpenAPI$/,
      ],
      [
        'a field renamed in OpenAPI',
        (s) => {
          const properties = s.EmailRequest!.properties as JsonSchema;
          properties.mail = properties.email;
          delete properties.email;
          s.EmailRequest!.required = ['mail'];
        },
        /^EmailRequest\.email: property only in TypeScript$/,
      ],
      [
        'a required field made optional in OpenAPI',
        (s) => (s.SessionResponse!.required = ['authenticated']),
        /^SessionResponse\.csrfToken: required in TypeScript, optional in OpenAPI$/,
      ],
      [
        'an optional field made required in OpenAPI',
        (s) => (s.EmailRequest!.required = ['email', 'locale']),
        /^EmailRequest\.locale: required in OpenAPI, optional in TypeScript$/,
      ],
      [
        'a nested field retyped',
        (s) => (((s.ErrorBody!.properties as JsonSchema).error as JsonSchema).properties as JsonSchema).retryAfter = { type: 'string' },
        /^ErrorBody\.error\.retryAfter: TypeScript type number, OpenAPI type string$/,
      ],
      [
        'an error code missing',
        (s) => (s.ErrorCode!.enum = ERROR_CODES.filter((code) => code !== 'token_invalid')),
        /^ErrorCode: values only in TypeScript: token_invalid$/,
      ],
      [
        'a literal changed',
        (s) => ((s.Accepted!.properties as JsonSchema).status = { type: 'string', const: 'ok' }),
        /^Accepted\.status: values only in TypeScript: accepted$/,
      ],
      ['a schema removed', (s) => delete s.DevRejectRequest, /^DevRejectRequest: type in the contract has no OpenAPI schema$/],
      ['a schema without a type', (s) => (s.Extra = { type: 'object' }), /^Extra: OpenAPI schema has no type in the contract$/],
    ];
    for (const [what, mutate, expected] of mutations) {
      const copy = structuredClone(openApiDocument.components.schemas) as Record<string, JsonSchema>;
      mutate(copy);
      const problems = compareSchemaSets(typescript, schemasFromOpenApi(copy));
      assert.ok(
        problems.some((problem) => expected.test(problem)),
        `${what}: expected a problem matching ${expected}, got ${JSON.stringify(problems)}`,
      );
    }
  });

  test('the comparison reports a change made in the TypeScript source only', () => {
    const source = readFileSync(CONTRACT_PATH, 'utf8');
    const edits: [string, string, string, RegExp][] = [
      ['a field made optional', '  csrfToken: string;\n}\n\n/** `POST /login/password` body', '  csrfToken?: string;\n}\n\n/** `POST /login/password` body', /^SessionResponse\.csrfToken: required in OpenAPI, optional in TypeScript$/],
      ['a field added', 'export interface PasswordChanged {\n', 'export interface PasswordChanged {\n  at: string;\n', /^PasswordChanged\.at: property only in TypeScript$/],
      ['a field renamed', 'export interface DevRejectRequest {\n  reason: string;', 'export interface DevRejectRequest {\n  why: string;', /^DevRejectRequest\.reason: property only in OpenAPI$/],
      ['a code added', "  'token_invalid',\n", "  'token_invalid',\n  'gone',\n", /^ErrorCode: values only in TypeScript: gone$/],
    ];
    const dir = mkdtempSync(join(tmpdir(), 'egov-contract-'));
    try {
      for (const [what, from, to, expected] of edits) {
        assert.ok(source.includes(from), `${what}: the contract still contains the text the edit replaces`);
        const file = join(dir, 'contract.ts');
        writeFileSync(file, source.replace(from, to));
        const problems = compareSchemaSets(schemasFromTypeScript(file, false), openapi());
        assert.ok(
          problems.some((problem) => expected.test(problem)),
          `${what}: expected a problem matching ${expected}, got ${JSON.stringify(problems)}`,
        );
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('OpenAPI document', () => {
  test('is valid OpenAPI 3.1', async () => {
    const validator = new Validator();
    const result = await validator.validate(structuredClone(openApiDocument) as unknown as Parameters<Validator["validate"]>[0]);
    assert.equal(validator.version, '3.1');
    assert.deepEqual(result.errors ?? [], []);
    assert.equal(result.valid, true);
  });

  test('its schemas compile as JSON Schema 2020-12 (strict)', () => {
    const ajv = new Ajv2020({ strict: true, allErrors: true });
    ajv.addFormat('email', true).addFormat('date', true).addFormat('date-time', true).addFormat('uri', true).addFormat('binary', true);
    const base = 'https://contract.egov.invalid/schemas/';
    const rewrite = (value: unknown): unknown => {
      if (Array.isArray(value)) return value.map(rewrite);
      if (value && typeof value === 'object') {
        return Object.fromEntries(
          Object.entries(value).map(([key, inner]) => [
            key,
            key === '$ref' && typeof inner === 'string' ? inner.replace('#/components/schemas/', base) : rewrite(inner),
          ]),
        );
      }
      return value;
    };
    for (const [name, schema] of Object.entries(openApiDocument.components.schemas)) {
      ajv.addSchema({ ...(rewrite(schema) as object), $id: `${base}${name}` });
    }
    for (const name of Object.keys(openApiDocument.components.schemas)) assert.ok(ajv.getSchema(`${base}${name}`), name);
  });

  test('has exactly the paths of API_PATHS', () => {
    assert.deepEqual(Object.keys(openApiDocument.paths).sort(), Object.values(API_PATHS).sort());
  });

  test('every operation is documented: id, description, responses, CSRF header on POST, 429 with Retry-After', () => {
    const ids = new Set<string>();
    for (const [path, method, operation] of operations()) {
      const where = `${method.toUpperCase()} ${path}`;
      assert.ok(!ids.has(operation.operationId), `${where}: unique operationId`);
      ids.add(operation.operationId);
      assert.ok(operation.description.length > 20, `${where}: described`);
      assert.ok(operation.responses['500'], `${where}: documents 500`);
      const successes = Object.keys(operation.responses).filter((status) => status.startsWith('2'));
      const isCertificate = operation.tags.includes('certificate');
      assert.ok(successes.length > 0 || isCertificate, `${where}: documents a success`);
      if (isCertificate) assert.ok(operation.responses['501'], `${where}: 501 not_implemented`);
      const parameterNames = (operation.parameters ?? []).map((parameter) => deref(parameter).name);
      if (method === 'post') {
        assert.ok(parameterNames.includes(CSRF_HEADER), `${where}: ${CSRF_HEADER} parameter`);
        assert.ok(operation.responses['403'], `${where}: documents 403`);
      }
      if (path.startsWith('/dev/')) {
        assert.deepEqual(operation.tags, ['development'], `${where}: tagged development`);
        assert.match(operation.description, /off unless the backend enables it/, `${where}: says it is off by default`);
        assert.ok(operation.responses['404'], `${where}: documents 404 when off`);
      }
      for (const [status, response] of Object.entries(operation.responses)) {
        const resolved = deref(response);
        assert.ok(typeof resolved.description === 'string', `${where} ${status}: described`);
        if (Number(status) >= 400) {
          const content = resolved.content as Record<string, { schema: JsonObject }>;
          assert.deepEqual(content['application/json']?.schema, { $ref: '#/components/schemas/ErrorBody' }, `${where} ${status}: ErrorBody`);
        }
        if (status === '429') {
          assert.ok((resolved.headers as Record<string, unknown>)['Retry-After'], `${where} 429: Retry-After header`);
        }
      }
    }
  });

  test('registration is multipart with binary documents', () => {
    const operation = openApiDocument.paths[API_PATHS.registration]!.post!;
    const content = (operation.requestBody!.content as Record<string, JsonObject>)['multipart/form-data']!;
    const schema = content.schema as { properties: Record<string, JsonObject> };
    assert.equal(schema.properties.documents!.type, 'array');
    assert.equal((schema.properties.documents!.items as JsonObject).contentMediaType, 'application/octet-stream');
    assert.ok((content.encoding as JsonObject).documents);
    for (const status of ['202', '400', '403', '413', '415', '429']) assert.ok(operation.responses[status], `registration ${status}`);
  });

  test('every local $ref resolves', () => {
    const visit = (value: unknown): void => {
      if (Array.isArray(value)) value.forEach(visit);
      else if (value && typeof value === 'object') {
        const object = value as JsonObject;
        if (typeof object.$ref === 'string') deref(object);
        Object.values(object).forEach(visit);
      }
    };
    visit(openApiDocument);
  });
});

describe('GET /openapi.json', () => {
  let server: TestServer;
  before(async () => {
    server = await startServer();
  });
  after(() => server.cleanup());

  test('serves the document with servers set to this API', async () => {
    const reply = await request(`${server.api}${API_PATHS.openapi}`);
    assert.equal(reply.status, 200);
    assert.match(String(reply.headers['content-type']), /^application\/json/);
    assert.equal(reply.headers['cache-control'], 'no-store');
    const served = JSON.parse(reply.text) as typeof openApiDocument;
    assert.deepEqual(served.servers.map((entry) => entry.url), [server.api]);
    assert.deepEqual({ ...served, servers: openApiDocument.servers }, JSON.parse(JSON.stringify(openApiDocument)));
  });

  test('takes the server URL from the server, not from the Host header; a foreign Host is refused', async () => {
    const port = new URL(server.api).port;
    const reply = await request(`${server.api}${API_PATHS.openapi}`, { headers: { Host: `localhost:${port}` } });
    assert.equal(reply.status, 200);
    const named = JSON.parse(reply.text) as typeof openApiDocument;
    assert.deepEqual(named.servers.map((entry) => entry.url), [server.api.replace('127.0.0.1', 'localhost')], 'the own origin the Host named');
    const plain = JSON.parse((await request(`${server.api}${API_PATHS.openapi}`)).text) as typeof openApiDocument;
    assert.deepEqual(plain.servers.map((entry) => entry.url), [server.api]);
    const foreign = await request(`${server.api}${API_PATHS.openapi}`, { headers: { Host: 'evil.example' } });
    assert.equal(foreign.status, 421);
  });
});
