import type { ServiceCatalogue } from '../catalogue/catalogue';
import type { CatalogueEntry } from '../catalogue/services';

/**
 * The catalogue's entry for a `service:` value, remembered per catalogue:
 * matching normalises the name (case, spacing, `&`), several rules ask it of
 * every declaration, and declarations repeat the same few services. At most
 * MAX_REMEMBERED names per catalogue are kept.
 */
const FOUND = new WeakMap<ServiceCatalogue, Map<string, CatalogueEntry | null>>();
const MAX_REMEMBERED = 1000;

export function cataloguedService(catalogue: ServiceCatalogue, name: string): CatalogueEntry | undefined {
  let known = FOUND.get(catalogue);
  if (!known) FOUND.set(catalogue, (known = new Map<string, CatalogueEntry | null>()));
  let entry = known.get(name);
  if (entry === undefined) {
    if (known.size >= MAX_REMEMBERED) known.clear();
    entry = catalogue.find(name) ?? null;
    known.set(name, entry);
  }
  return entry ?? undefined;
}
