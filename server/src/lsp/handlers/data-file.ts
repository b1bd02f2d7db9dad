import { URI } from 'vscode-uri';
import type { CheckedDataFile } from '../data-files';
import type { ServerContext } from '../context';

/** An open matrix or configuration file as last checked, unless the user switched the checker off. */
export async function openDataFile(ctx: ServerContext, uri: string): Promise<CheckedDataFile | undefined> {
  const doc = ctx.documents.get(uri);
  if (!doc || !(await ctx.settings.get(uri)).enable) return undefined;
  const current = ctx.documents.get(uri);
  return current ? ctx.dataFiles.check(current) : undefined;
}

/** How the registry names a matrix file: its path on disk (as the environments read it), else its URI. */
export function addressOf(uri: string): string {
  const parsed = URI.parse(uri);
  return parsed.scheme === 'file' ? parsed.fsPath : uri;
}
