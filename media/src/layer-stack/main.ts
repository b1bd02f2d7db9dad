import { LayerStackApp } from './app';
import { getVsCodeApi } from './vscode-api';

function main(): void {
  const root = document.getElementById('app');
  if (!root) {
    return;
  }
  new LayerStackApp(root, getVsCodeApi()).start(window);
}

if (document.readyState === 'loading') {
  document.addEventListener('DOMContentLoaded', main, { once: true });
} else {
  main();
}
