import { normalizeName } from '../text/similarity';
import { SERVICES, type CatalogueEntry } from './services';

/** Matches a `service:` value to a known service, tolerant of case, spacing and common spellings. */
export class ServiceCatalogue {
  private readonly byName = new Map<string, CatalogueEntry>();

  constructor(readonly entries: readonly CatalogueEntry[] = SERVICES) {
    for (const entry of entries) {
      for (const spelling of [entry.name, ...entry.aliases]) this.byName.set(normalizeName(spelling), entry);
    }
  }

  find(service: string): CatalogueEntry | undefined {
    return this.byName.get(normalizeName(service));
  }
}
