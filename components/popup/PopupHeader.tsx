export interface PopupHeaderProps {
  /** The site of the tab, or '' when the popup cannot tell. */
  host: string;
  /** The state in words: "On · 12 terms on this page", "Off on this site"… */
  state: string;
}

export function PopupHeader({ host, state }: PopupHeaderProps) {
  return (
    <header class="popup-header">
      <h1>FactLens</h1>
      {host && (
        <p class="host" data-testid="popup-host">
          {host}
        </p>
      )}
      <p class="state" data-testid="popup-state" role="status">
        {state}
      </p>
    </header>
  );
}
