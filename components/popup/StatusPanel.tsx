import type { ComponentChildren } from 'preact';
import type { PopupStatus } from '../../utils/popup-status.ts';
import { describeRule } from '../../utils/settings/site-rules.ts';
import { UNREADABLE_EXPLANATIONS } from './labels.ts';

export interface StatusPanelProps {
  /** Every state but the page summary, which has its own panel. */
  status: Exclude<PopupStatus, { kind: 'summary' }>;
  /** How many entries FactLens knows, for "none is on this page". */
  knownCount: number;
  onTurnOnGlobal: () => void;
  onTurnOnSite: () => void;
  onRequestAccess: () => void;
  onReload: () => void;
}

/** The empty and error states, each with the one action that helps, if there is one. */
export function StatusPanel(props: StatusPanelProps) {
  const { status } = props;
  const panel = (testId: string, ...children: ComponentChildren[]) => (
    <section class="status-panel" data-testid={testId} data-state={status.kind}>
      {children}
    </section>
  );
  switch (status.kind) {
    case 'loading':
      return panel('state-loading', <p class="muted">Looking at this page…</p>);
    case 'unreadable':
      return panel(
        `state-unreadable`,
        <p>{UNREADABLE_EXPLANATIONS[status.reason]}</p>,
        status.reason === 'not-answering' && (
          <button type="button" class="primary" onClick={props.onReload}>
            Reload the page
          </button>
        ),
        <p class="muted">You can still look up any term below.</p>,
      );
    case 'no-access':
      return panel(
        'state-no-access',
        <p>
          The browser has not given FactLens access to {status.host}, so it cannot mark terms here.
        </p>,
        <button
          type="button"
          class="primary"
          data-testid="grant-access"
          onClick={props.onRequestAccess}
        >
          Allow FactLens on {status.host}
        </button>,
      );
    case 'global-off':
      return panel(
        'state-global-off',
        <p>FactLens is turned off on every site.</p>,
        <button
          type="button"
          class="primary"
          data-testid="turn-on-global"
          onClick={props.onTurnOnGlobal}
        >
          Turn FactLens on
        </button>,
      );
    case 'site-off':
      return panel(
        'state-site-off',
        <p>
          FactLens is off on {status.host}
          {status.decision.rule?.scope === 'domain'
            ? ` (${describeRule(status.decision.rule).toLowerCase()})`
            : ''}
          .
        </p>,
        <button
          type="button"
          class="primary"
          data-testid="turn-on-site"
          onClick={props.onTurnOnSite}
        >
          Turn on
        </button>,
      );
    case 'nothing-found':
      return panel(
        'state-nothing-found',
        <p>FactLens knows {props.knownCount} terms; none is on this page.</p>,
        <p class="muted">Look one up below.</p>,
      );
  }
}
