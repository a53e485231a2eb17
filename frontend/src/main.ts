import { mount } from 'svelte';
import './styles/base.css';
import './styles/controls.css';
import App from './App.svelte';

const target = document.getElementById('app');
if (!target) throw new Error('Staffdesk: the page has no #app element');

export default mount(App, { target });
