import type { DevRegistration } from '@egov/auth-widgets/contract';
import type { RegistrationView } from './store.ts';

/** A registration as the reviewer operations show it (DevRegistration). */
export function toDevRegistration(view: RegistrationView): DevRegistration {
  return {
    id: view.id,
    email: view.email,
    state: view.state,
    userType: view.userType,
    fields: { ...view.fields },
    noForeignerNumber: view.noForeignerNumber,
    documents: view.documents.map((document) => ({
      id: document.id,
      name: document.displayName,
      type: document.type,
      size: document.size,
    })),
    registeredAt: new Date(view.createdAt).toISOString(),
  };
}

/** Path parameters are ids this server generated: anything else cannot name a registration or document. */
export function isPublicId(value: string | undefined): value is string {
  return value !== undefined && /^[A-Za-z0-9_-]{1,64}$/.test(value);
}
