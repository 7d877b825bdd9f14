// The certificate picker in each of its states, for designers (states.html).
// A page cannot put the real Fortify app into "not installed", "denied" or
// "locked" on demand, so those states are played by a scripted agent that
// answers the way Fortify does in them; the list and the PIN warnings come
// from the demo agent with the mock server's TEST keys.
import '@egov/auth-widgets/define/egov-certificate-picker';
import {
  AgentError,
  SoftAgent,
  type AgentProblem,
  type CertificateAgent,
  type ConnectOptions,
  type PinState,
  type SignResult,
  type TokenCertificate,
} from '@egov/auth-widgets/agent';
import { html, render } from 'lit';

const never = <T>() => new Promise<T>(() => undefined);

/** Fortify stopped in one moment: still looking, showing the approval code, or failing with a problem. */
class ScriptedAgent implements CertificateAgent {
  readonly kind = 'fortify';
  readonly label = 'Fortify';

  constructor(private readonly script: { connect?: AgentProblem; list?: AgentProblem; approvalCode?: string }) {}

  connect(options: ConnectOptions = {}): Promise<void> {
    if (this.script.connect) return Promise.reject(new AgentError(this.script.connect));
    if (this.script.approvalCode) {
      options.onApprovalCode?.(this.script.approvalCode);
      return never();
    }
    return this.script.list ? Promise.resolve() : never();
  }

  listCertificates(): Promise<TokenCertificate[]> {
    return this.script.list ? Promise.reject(new AgentError(this.script.list)) : never();
  }

  pinState(): Promise<PinState> {
    return Promise.resolve({ triesFailed: false, finalTry: false, locked: false });
  }

  sign(): Promise<SignResult> {
    return never();
  }

  logout(): Promise<void> {
    return Promise.resolve();
  }

  onTokenEvent(): () => void {
    return () => undefined;
  }

  close(): void {}
}

const MUP_CARD = 'test-mup-id-card';

/** The demo agent with every test card, or only the MUP card with its PIN counter at `triesLeft`. */
async function softAgent(triesLeft?: number): Promise<CertificateAgent> {
  const agent = await SoftAgent.fromBackend('/api');
  if (triesLeft !== undefined) {
    agent.setTriesLeft(MUP_CARD, triesLeft);
    for (const other of ['test-halcom', 'test-other-profiles', 'test-mup-foreigner-card']) agent.removeToken(other);
  }
  return agent;
}

interface State {
  id: string;
  title: string;
  agent: () => Promise<CertificateAgent>;
}

const scripted = (script: ConstructorParameters<typeof ScriptedAgent>[0]) => () => Promise.resolve(new ScriptedAgent(script));

const STATES: State[] = [
  { id: 'looking', title: 'Looking for the agent', agent: scripted({}) },
  { id: 'approve', title: 'Approve this site in Fortify (the code)', agent: scripted({ approvalCode: '482915' }) },
  { id: 'list', title: 'The list, with the certificates that cannot be used', agent: () => softAgent() },
  { id: 'pin-previous-wrong', title: 'A wrong PIN was entered before', agent: () => softAgent(2) },
  { id: 'pin-final-try', title: 'Last try before the card locks', agent: () => softAgent(1) },
  { id: 'pin-locked', title: 'The card’s PIN is locked (choose it to see whom to call)', agent: () => softAgent(0) },
  ...(
    [
      ['not_installed', 'Fortify not installed'],
      ['not_running', 'Fortify installed but not running'],
      ['local_network_blocked', 'The browser blocked local network access'],
      ['tls_untrusted', 'The browser does not trust Fortify’s connection'],
      ['origin_denied', 'The site was denied in Fortify'],
      ['no_token', 'No card or token inserted'],
      ['page_blocked', 'The page’s security policy blocks Fortify (the site’s fault)'],
      ['not_set_up', 'The site did not set up certificate login (the site’s fault)'],
      ['agent_error', 'Any other error of the agent'],
    ] as const
  ).map(([problem, title]) => ({ id: problem, title, agent: scripted({ connect: problem }) })),
  { id: 'token_removed', title: 'The card was removed', agent: scripted({ list: 'token_removed' }) },
];

// Every picker is drawn with its agent, so none of them starts with the page's default one.
const agents = await Promise.all(STATES.map((state) => state.agent()));
render(
  html`${STATES.map(
    (state, i) => html`<section class="demo-state" aria-labelledby=${`state-${state.id}`} data-demo-state=${state.id}>
      <h2 id=${`state-${state.id}`} class="demo-state-title">${state.title}</h2>
      <egov-certificate-picker .agent=${agents[i]}></egov-certificate-picker>
    </section>`,
  )}`,
  document.querySelector<HTMLElement>('.demo-states')!,
);
