/* global window, document, console, location, URLSearchParams */
// The app's client code: hydrates the server's markup with React 18 (React's UMD development
// builds, served from node_modules, which report every hydration mismatch they find).
// `__hydrate()` is the app's main bundle arriving, `__arrive()` the analysis section's code;
// with ?auto both run at once, as soon as this module runs (before FactLens' first scan).
import { createPage } from './react-app.js';

const { React, ReactDOM } = window;
const state = { started: false, hydrated: [], recoverable: [], errors: [] };
window.__hydration = state;

// React reports a mismatch through console.error (its warnings) or onRecoverableError (when it
// gives up on the server's markup and renders on the client instead).
const consoleError = console.error;
console.error = (...args) => {
  state.errors.push(args.map(String).join(' '));
  consoleError.apply(console, args);
};

let arrived = false;
let arrive = () => {};
const arrival = new Promise((resolve) => (arrive = resolve));
const late = {
  read() {
    if (!arrived) throw arrival;
  },
};

window.__hydrate = () => {
  if (state.started) return;
  state.started = true;
  const Page = createPage(React, { late, onHydrated: (part) => state.hydrated.push(part) });
  ReactDOM.hydrateRoot(document, React.createElement(Page), {
    onRecoverableError: (error) => state.recoverable.push(String(error?.message ?? error)),
  });
};
window.__arrive = () => {
  arrived = true;
  arrive();
};

if (new URLSearchParams(location.search).has('auto')) {
  window.__hydrate();
  window.__arrive();
}
