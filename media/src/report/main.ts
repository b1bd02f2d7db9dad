import { ReportApp } from './app';
import { getReportApi } from './vscode-api';

function main(): void {
  const root = document.getElementById('app');
  if (root) new ReportApp(root, getReportApi()).start(window);
}

if (document.readyState === 'loading') {
  document.addEventListener('DOMContentLoaded', main, { once: true });
} else {
  main();
}
