import { render } from 'preact';

render(<h1>FactLens options</h1>, document.getElementById('app')!);
