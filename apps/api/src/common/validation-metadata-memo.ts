import type { MetadataStorage } from 'class-validator';
import { getMetadataStorage } from 'class-validator';

type Lookup = MetadataStorage['getTargetValidationMetadatas'];
type Memoized = MetadataStorage & { caunoiMemoized?: true };

/**
 * class-validator finds a DTO's rules, on every validation, by scanning every class that has rules for
 * the ones it inherits from: work in proportion to all our DTOs, for every request with a body or query.
 * The rules come from decorators run when the modules load and do not change afterwards, so the answer
 * per class and options is kept; registering any rule later (a class loaded late) forgets every answer.
 */
export function memoizeValidationMetadata(storage: MetadataStorage = getMetadataStorage()): void {
  const target = storage as Memoized;
  if (target.caunoiMemoized) return;
  target.caunoiMemoized = true;
  const lookup: Lookup = target.getTargetValidationMetadatas.bind(target);
  let answers = new Map<Parameters<Lookup>[0], Map<string, ReturnType<Lookup>>>();
  target.getTargetValidationMetadatas = (constructor, schema, always, strictGroups, groups) => {
    const key = `${schema}|${always}|${strictGroups}|${groups?.join('\u0000') ?? '-'}`;
    let byOptions = answers.get(constructor);
    if (!byOptions) answers.set(constructor, (byOptions = new Map()));
    let found = byOptions.get(key);
    if (!found) {
      found = lookup(constructor, schema, always, strictGroups, groups);
      byOptions.set(key, found);
    }
    return found;
  };
  for (const name of ['addValidationMetadata', 'addConstraintMetadata'] as const) {
    const register = target[name].bind(target) as (metadata: unknown) => void;
    (target as unknown as Record<string, (metadata: unknown) => void>)[name] = (metadata) => {
      answers = new Map();
      register(metadata);
    };
  }
}
