import { render } from 'preact';
import '@oc/web-ui/base.css';
import './app.css';
import { App } from './app';

render(<App />, document.getElementById('app')!);
