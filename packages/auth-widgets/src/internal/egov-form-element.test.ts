import { expect, fixture, html } from '@open-wc/testing';
import type { TemplateResult } from 'lit';
import { API } from '../../test-support/backend.js';
import { AuthError } from '../client/auth-client.js';
import { catalog } from '../i18n/catalog.js';
import { commonTexts } from '../i18n/parts/common.js';
import { problemTexts } from '../i18n/parts/problems.js';
import { EgovFormElement } from './egov-form-element.js';

/** The smallest form element: it only runs backend calls, to see how they abort one another. */
class CallProbe extends EgovFormElement {
  constructor() {
    super(catalog(commonTexts, problemTexts));
  }
  run<T>(operation: string, task: (signal: AbortSignal) => Promise<T>): Promise<T> {
    return this.call(operation, (_client, signal) => task(signal));
  }
  protected override render(): TemplateResult {
    return html`<p>probe</p>`;
  }
}
customElements.define('egov-call-probe', CallProbe);

/** A request that runs until it is aborted (then fails as the client does: AuthError aborted) or released. */
function pending(signal: AbortSignal): { promise: Promise<string>; release(): void } {
  let release = () => {};
  const promise = new Promise<string>((resolve, reject) => {
    release = () => resolve('done');
    signal.addEventListener('abort', () => reject(new AuthError('aborted')));
  });
  return { promise, release };
}

async function outcome(promise: Promise<string>): Promise<string> {
  return promise.then(
    (value) => value,
    (error: unknown) => (error instanceof AuthError ? error.code : String(error)),
  );
}

describe('EgovFormElement: one abort per operation (issue 14)', () => {
  it('a call of another operation does not abort a running one (a certificate registration during a document upload)', async () => {
    const el = await fixture<CallProbe>(html`<egov-call-probe backend-url=${API}></egov-call-probe>`);
    let upload!: ReturnType<typeof pending>;
    const uploading = outcome(el.run('register', async (signal) => (upload = pending(signal)).promise));
    const certificate = outcome(el.run('certificate', async () => 'registered'));
    expect(await certificate).to.equal('registered');
    upload.release();
    expect(await uploading).to.equal('done', 'the upload ran on');
  });

  it('a newer call of the same operation aborts the older one', async () => {
    const el = await fixture<CallProbe>(html`<egov-call-probe backend-url=${API}></egov-call-probe>`);
    const first = outcome(el.run('login', async (signal) => pending(signal).promise));
    const second = outcome(el.run('login', async () => 'logged in'));
    expect(await first).to.equal('aborted');
    expect(await second).to.equal('logged in');
  });

  it('leaving the page aborts every running call', async () => {
    const el = await fixture<CallProbe>(html`<egov-call-probe backend-url=${API}></egov-call-probe>`);
    const register = outcome(el.run('register', async (signal) => pending(signal).promise));
    const resend = outcome(el.run('resend', async (signal) => pending(signal).promise));
    el.remove();
    expect(await register).to.equal('aborted');
    expect(await resend).to.equal('aborted');
  });
});
