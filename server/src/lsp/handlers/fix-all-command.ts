import type { ExecuteCommandParams } from 'vscode-languageserver';
import { FixAllCommand } from '../../../../protocol/requests';
import type { ServerContext } from '../context';
import { fixAllAction } from './code-actions';

/** `srm.server.fixAll <uri>`: applies every safe fix of one file through the client. Answers whether anything changed. */
export async function executeFixAll(ctx: ServerContext, params: ExecuteCommandParams): Promise<boolean> {
  const uri: unknown = params.arguments?.[0];
  if (params.command !== FixAllCommand || typeof uri !== 'string') return false;
  const file = await ctx.current(uri);
  const action = file && fixAllAction(ctx, file);
  if (!action?.edit) return false;
  const result = await ctx.connection.workspace.applyEdit({ label: 'Fix all SRM problems', edit: action.edit });
  return result.applied;
}
