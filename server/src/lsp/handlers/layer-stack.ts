import type { LayerStackParams, LayerStackResult } from '../../../../protocol/requests';
import { buildLayerStack, type Span } from '../../core';
import type { LayerStack } from '../../../../protocol/layer-stack';
import { toRange } from '../convert';
import type { ServerContext } from '../context';

export async function layerStack(ctx: ServerContext, params: LayerStackParams): Promise<LayerStackResult> {
  const file = await ctx.current(params.uri);
  if (!file) return null;
  const stack: LayerStack<Span> = buildLayerStack(file.result, file.uri, file.version ?? 0, file.environment.config.overrides, file.environment.catalogue);
  const range = (s: Span) => toRange(file.doc, s);
  // Workloads are the file's declarations in order, as the claims are.
  const claimed = await ctx.iac.claimedResources(file.uri, file.doc.getText());
  return {
    ...stack,
    workloads: stack.workloads.map((w, i) => {
      const resources = claimed[i];
      return { ...w, range: range(w.range), bands: w.bands.map((b) => ({ ...b, reveal: range(b.reveal) })), ...(resources ? { resources } : {}) };
    }),
  };
}
