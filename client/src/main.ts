// Entry point: design tokens, then the app shell (pages load on demand).
import './styles/tokens.css';
import './app-shell.js';
