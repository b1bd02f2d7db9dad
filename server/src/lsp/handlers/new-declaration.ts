import { defaultMatrixOf, newDeclarationText } from '../../core';
import type { MatricesParams, MatricesResult, NewDeclarationParams, NewDeclarationResult } from '../../../../protocol/requests';
import type { ServerContext } from '../context';

/** The matrices a new declaration at `uri` may use, the default first. */
export function matrices(ctx: ServerContext, params: MatricesParams): MatricesResult {
  const env = ctx.environments.environment(placeIn(ctx, params.uri));
  const def = defaultMatrixOf(env);
  const usable = env.registry.entries.filter((e) => e.index).sort((a, b) => (a.ref === def.ref ? -1 : b.ref === def.ref ? 1 : a.ref.localeCompare(b.ref)));
  return {
    default: def.ref,
    matrices: usable.map((e) => ({
      ref: e.ref,
      title: e.title,
      models: e.index!.models.map((m) => ({ id: m.id, shortName: m.shortName, name: m.name, ...(m.description ? { description: m.description } : {}), examples: m.examples })),
    })),
  };
}

export function newDeclaration(ctx: ServerContext, params: NewDeclarationParams): NewDeclarationResult {
  const env = ctx.environments.environment(placeIn(ctx, params.uri));
  const resolution = env.registry.resolve(params.matrix);
  if (resolution.kind !== 'ok' || !resolution.index.serviceModel(params.model)) return null;
  return { text: newDeclarationText(resolution.index, params.workload, params.model) };
}

/** A file in the place the user asked about: its configuration decides which matrices there are. */
function placeIn(ctx: ServerContext, uri: string | undefined): string {
  const folder = uri ?? ctx.workspace.folderUris()[0];
  return folder ? `${folder.replace(/\/$/, '')}/new.srm.yaml` : 'untitled:new.srm.yaml';
}
