import { Injectable } from '@nestjs/common';
import type { Check } from '../../engine/check';
import { catalog } from '../../engine/checks/catalog';
import type { CheckMeta } from '../../engine/model';

/** The engine's check catalog as a provider: what the API lists, validates ids against and the worker runs. */
@Injectable()
export class CheckCatalog {
  readonly checks: readonly Check[] = catalog;
  private readonly byId = new Map(catalog.map((check) => [check.meta.id, check.meta]));

  meta(id: string): CheckMeta | undefined {
    return this.byId.get(id);
  }

  /** The ids among these that the catalog does not know. */
  unknownIds(ids: readonly string[]): string[] {
    return ids.filter((id) => !this.byId.has(id));
  }
}
