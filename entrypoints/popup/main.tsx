import { render } from 'preact';
import { browser } from 'wxt/browser';
import { storage } from 'wxt/utils/storage';
import { createSettingsStore } from '@/utils/settings/store';

const store = createSettingsStore(storage);

function Popup() {
  return (
    <main>
      <h1>FactLens</h1>
      <button
        type="button"
        data-testid="global-toggle"
        onClick={() => void store.update((s) => ({ ...s, enabled: !s.enabled }))}
      >
        Toggle
      </button>
    </main>
  );
}

void browser;
render(<Popup />, document.getElementById('app')!);
