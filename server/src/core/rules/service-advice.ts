import type { CatalogueEntry, ServiceVariant } from '../catalogue/services';
import { fieldOf, stringValue } from '../parse/declaration';
import type { MatrixIndex } from '../matrix/matrix-index';
import { cataloguedService } from './catalogued-service';
import type { RuleContext } from './rule';

/**
 * The declared service's options that move a layer, mapped into the
 * declaration's matrix: catalogue variants name reference layer ids, which
 * another matrix knows by `same-as`. Layers the matrix does not have are left out.
 */
export interface MatrixAdvice {
  readonly service: CatalogueEntry;
  readonly variants: readonly { readonly variant: ServiceVariant; readonly cells: readonly { readonly layerId: string; readonly responsibility: ServiceVariant['cells'][number]['responsibility']; readonly reason: string }[] }[];
  readonly layers: ReadonlySet<string>;
}

/** What advice needs of a check: the declaration, its matrix and the service catalogue (a rule's context has them, and so does the layer stack). */
export type AdviceContext = Pick<RuleContext, 'declaration' | 'matrix' | 'catalogue'>;

export function adviceOf(ctx: AdviceContext): MatrixAdvice | undefined {
  const matrix = ctx.matrix;
  const name = stringValue(fieldOf(ctx.declaration.fields, 'service'));
  const service = name && matrix ? cataloguedService(ctx.catalogue, name) : undefined;
  if (!matrix || !service?.advice) return undefined;
  // The same for every declaration of the service under the matrix: worked out once per pair.
  let known = ADVICE.get(matrix);
  if (!known) ADVICE.set(matrix, (known = new Map<CatalogueEntry, MatrixAdvice | null>()));
  let advice = known.get(service);
  if (advice === undefined) known.set(service, (advice = matrixAdvice(matrix, service) ?? null));
  return advice ?? undefined;
}

const ADVICE = new WeakMap<MatrixIndex, Map<CatalogueEntry, MatrixAdvice | null>>();

function matrixAdvice(matrix: MatrixIndex, service: CatalogueEntry): MatrixAdvice | undefined {
  if (!service.advice) return undefined;
  const layerOf = (id: string) => (matrix.layer(id) ? id : matrix.sameAsLayer(id)?.id);
  const variants = service.advice.variants.map((variant) => ({
    variant,
    cells: variant.cells.flatMap((c) => {
      const layerId = layerOf(c.layer);
      return layerId ? [{ layerId, responsibility: c.responsibility, reason: c.reason }] : [];
    }),
  })).filter((v) => v.cells.length > 0);
  if (variants.length === 0) return undefined;
  return { service, variants, layers: new Set(variants.flatMap((v) => v.cells.map((c) => c.layerId))) };
}

/** The layers of the declaration's matrix whose owner depends on an option of its service. */
export function adviceLayers(ctx: AdviceContext): ReadonlySet<string> {
  return adviceOf(ctx)?.layers ?? new Set();
}
