import type { Action, AppAbility, SubjectType } from '@caunoi/shared/authz';
import { rulesToAST } from '@caunoi/shared/authz';

/** A WHERE fragment with named parameters, ready for a TypeORM query builder. */
export interface SqlFilter {
  sql: string;
  params: Record<string, unknown>;
}

/** The subset of ucast's condition tree that rulesToAST produces. */
interface ConditionNode {
  operator: string;
  field?: string;
  value: unknown;
}

const COMPARISONS: Record<string, string> = {
  eq: '=',
  ne: '<>',
  lt: '<',
  lte: '<=',
  gt: '>',
  gte: '>=',
};

/**
 * Turns the same CASL rules the services check into SQL, so a list returns exactly the rows
 * `ability.can(action, row)` allows. `columns` maps rule fields to qualified SQL columns; a rule on
 * a field that is not mapped throws (fail closed) rather than being ignored.
 */
export function accessibleWhere(
  ability: AppAbility,
  action: Action,
  subjectType: SubjectType,
  columns: Readonly<Record<string, string>>,
  paramPrefix = 'acl',
): SqlFilter {
  // An ability never changes once built and is shared by a user's requests (ability-cache.ts), so
  // the same question gets the same answer: translated once, frozen so no caller can alter it.
  let byColumns = translated.get(ability);
  if (!byColumns) translated.set(ability, (byColumns = new WeakMap()));
  let byQuestion = byColumns.get(columns);
  if (!byQuestion) byColumns.set(columns, (byQuestion = new Map()));
  const key = `${action}|${subjectType}|${paramPrefix}`;
  let filter = byQuestion.get(key);
  if (!filter) {
    filter = deepFreeze(translateRules(ability, action, subjectType, columns, paramPrefix));
    byQuestion.set(key, filter);
  }
  return filter;
}

const translated = new WeakMap<
  AppAbility,
  WeakMap<Readonly<Record<string, string>>, Map<string, SqlFilter>>
>();

function deepFreeze(filter: SqlFilter): SqlFilter {
  for (const value of Object.values(filter.params)) {
    if (Array.isArray(value)) Object.freeze(value);
  }
  Object.freeze(filter.params);
  return Object.freeze(filter);
}

function translateRules(
  ability: AppAbility,
  action: Action,
  subjectType: SubjectType,
  columns: Readonly<Record<string, string>>,
  paramPrefix: string,
): SqlFilter {
  const ast = rulesToAST(ability, action, subjectType) as ConditionNode | null;
  if (ast === null) return { sql: 'FALSE', params: {} };
  const params: Record<string, unknown> = {};
  let counter = 0;
  const nextParam = (value: unknown): string => {
    const name = `${paramPrefix}_${counter++}`;
    params[name] = value;
    return name;
  };

  const translate = (node: ConditionNode): string => {
    switch (node.operator) {
      case 'and':
      case 'or': {
        const children = node.value as ConditionNode[];
        if (children.length === 0) return node.operator === 'and' ? 'TRUE' : 'FALSE';
        const joiner = node.operator === 'and' ? ' AND ' : ' OR ';
        return `(${children.map(translate).join(joiner)})`;
      }
      case 'not': {
        const [child] = node.value as ConditionNode[];
        // NOT over a NULL comparison is NULL, which would hide rows CASL shows: coalesce first.
        return `(NOT COALESCE(${translate(child)}, FALSE))`;
      }
      case 'in':
      case 'nin': {
        const column = columnFor(node.field, columns);
        const values = node.value as unknown[];
        if (values.length === 0) return node.operator === 'in' ? 'FALSE' : 'TRUE';
        const expr = `${column} = ANY(:${nextParam(values)})`;
        return node.operator === 'in' ? expr : `(NOT COALESCE(${expr}, FALSE))`;
      }
      default: {
        const sqlOperator = COMPARISONS[node.operator];
        if (!sqlOperator)
          throw new Error(`accessibleWhere: unsupported operator "${node.operator}"`);
        const column = columnFor(node.field, columns);
        if (node.value === null) {
          if (node.operator === 'eq') return `${column} IS NULL`;
          if (node.operator === 'ne') return `${column} IS NOT NULL`;
        }
        return `${column} ${sqlOperator} :${nextParam(node.value)}`;
      }
    }
  };

  return { sql: translate(ast), params };
}

function columnFor(field: string | undefined, columns: Readonly<Record<string, string>>): string {
  const column = field ? columns[field] : undefined;
  if (!column) throw new Error(`accessibleWhere: no column mapped for rule field "${field}"`);
  return column;
}
