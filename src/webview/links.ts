import * as vscode from 'vscode';

/**
 * Opens an address a page asked for (a matrix's or a service option's source)
 * in the browser, when it is an https or http address: a page only shows what
 * the files say, and a file could name any scheme (`command:`, `file:`).
 */
export async function openWebLink(url: unknown): Promise<void> {
  if (typeof url !== 'string' || !isWebAddress(url)) return;
  await vscode.env.openExternal(vscode.Uri.parse(url, true));
}

export function isWebAddress(url: string): boolean {
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'https:' || parsed.protocol === 'http:';
  } catch {
    return false;
  }
}
