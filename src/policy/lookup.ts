import type {
  DeclaredItem,
  PolicyDeclaration,
  Processor,
  Purpose,
  PurposeUse,
  RetentionRule,
} from './declaration.ts';

export function allItems(decl: PolicyDeclaration): DeclaredItem[] {
  return decl.items.contexts.flatMap((context) => context.items);
}

// A declaration never changes once loaded (a new version is a new object), so
// its items are indexed once: pages such as /me look up every item per view.
const itemIndexes = new WeakMap<PolicyDeclaration, Map<string, DeclaredItem>>();

/** The ids of the items a context of the declaration lists, in its order. */
export function contextItemIds(decl: PolicyDeclaration, contextId: string): string[] {
  const context = decl.items.contexts.find((c) => c.id === contextId);
  if (!context) throw new Error(`the declaration has no item context "${contextId}"`);
  return context.items.map((item) => item.id);
}

export function findItem(decl: PolicyDeclaration, id: string): DeclaredItem | undefined {
  let index = itemIndexes.get(decl);
  if (!index) {
    index = new Map(allItems(decl).map((item) => [item.id, item]));
    itemIndexes.set(decl, index);
  }
  return index.get(id);
}

/** A declared purpose id resolved: a whole purpose, or one use within it. */
export interface ResolvedPurpose {
  purpose: Purpose;
  use?: PurposeUse;
}

export function findPurpose(decl: PolicyDeclaration, id: string): ResolvedPurpose | undefined {
  for (const purpose of decl.processingPurposes.purposes) {
    if (purpose.id === id) return { purpose };
    const use = purpose.uses.find((u) => u.id === id);
    if (use) return { purpose, use };
  }
  return undefined;
}

export function findRetentionRule(decl: PolicyDeclaration, id: string): RetentionRule | undefined {
  return decl.retention.rules.find((rule) => rule.id === id);
}

export function findProcessor(decl: PolicyDeclaration, id: string): Processor | undefined {
  return decl.processors.list.find((processor) => processor.id === id);
}

/**
 * Whether reading an item under the purpose a staff member declared is within
 * the policy. An item listed for a whole purpose serves each of its uses; an
 * item listed for one use does not serve its whole purpose, so a broad
 * declaration ("care") cannot reach data kept for a narrow use (billing).
 */
export function itemServesPurpose(
  decl: PolicyDeclaration,
  itemId: string,
  declaredPurposeId: string,
): boolean {
  const item = findItem(decl, itemId);
  const declared = findPurpose(decl, declaredPurposeId);
  if (!item || !declared) return false;
  if (declared.purpose.coversAllItems) return true;
  return item.purposeIds.some(
    (id) => id === declaredPurposeId || (declared.use !== undefined && id === declared.purpose.id),
  );
}
