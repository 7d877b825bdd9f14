import { pipeline } from 'node:stream/promises';
import { API_PATHS } from '@egov/auth-widgets/contract';
import { requireReviewer } from '../dev-access.ts';
import { isPublicId } from '../dev-registrations.ts';
import { EXTENSIONS } from '../file-types.ts';
import { HttpError } from '../http.ts';
import type { Route } from '../services.ts';

/** `filename*` (RFC 8187): every byte outside the unreserved set percent-encoded. */
function encodeRfc8187(value: string): string {
  return encodeURIComponent(value).replace(/['()*]/g, (char) => `%${char.charCodeAt(0).toString(16).toUpperCase()}`);
}

/**
 * `GET /dev/registrations/{id}/documents/{documentId}` (reviewer): one
 * uploaded document, always as an attachment (SECURITY.md 26), with the
 * type sniffed from its content at upload — never the client's claim. The
 * user's file name is only offered as the download name, encoded.
 */
export function devRegistrationDocumentRoute(): Route {
  return {
    path: API_PATHS.devRegistrationDocument,
    methods: {
      GET: async (context) => {
        requireReviewer(context);
        const { id, documentId } = context.params;
        if (!isPublicId(id) || !isPublicId(documentId)) throw new HttpError(404, 'not_found');
        const { store, uploads } = context.services;
        const document = await store.findDocument(id, documentId);
        if (!document) throw new HttpError(404, 'not_found');
        let size: number;
        try {
          size = await uploads.size(document.storedName);
        } catch {
          throw new HttpError(404, 'not_found');
        }
        const { res } = context;
        res.statusCode = 200;
        res.setHeader('Content-Type', document.type);
        res.setHeader('Content-Length', size);
        res.setHeader(
          'Content-Disposition',
          `attachment; filename="document-${document.id}.${EXTENSIONS[document.type]}"; filename*=UTF-8''${encodeRfc8187(document.displayName)}`,
        );
        // Not to be embedded by another site, whatever the browser thinks of the content.
        res.setHeader('Cross-Origin-Resource-Policy', 'same-origin');
        await pipeline(uploads.open(document.storedName), res);
      },
    },
  };
}
