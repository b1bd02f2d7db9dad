// An esbuild plugin for the web bundles (scripts/build.mjs); tested by test/browser/web-bundle.test.ts.
import { builtinModules } from 'node:module';

/**
 * A web bundle must not import a Node built-in: vscode.dev has none, and a
 * package's `browser` field could quietly turn one into an empty module. Any
 * such import fails the build, naming the module that imported it.
 */
export function noNodeBuiltIns() {
  const names = builtinModules.map((m) => m.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|');
  const filter = new RegExp(`^(node:.*|(${names})(/.*)?)$`);
  return {
    name: 'no-node-built-ins',
    setup(build) {
      build.onResolve({ filter }, (args) => ({
        errors: [{ text: `"${args.path}" is a Node built-in, which a web bundle cannot use (imported by ${args.importer})` }],
      }));
    },
  };
}
