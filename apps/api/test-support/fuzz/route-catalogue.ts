import type { INestApplication, Type } from '@nestjs/common';
import { RequestMethod } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA, ROUTE_ARGS_METADATA } from '@nestjs/common/constants';
import { RouteParamtypes } from '@nestjs/common/enums/route-paramtypes.enum';
import { MetadataScanner, ModulesContainer } from '@nestjs/core';
import type { Role } from '@caunoi/shared/domain';
import { ROLES } from '@caunoi/shared/domain';
import { API_PREFIX } from '@caunoi/shared/contracts';
import { defineAbilityFor } from '@caunoi/shared/authz';
import type { RequiredPermission } from '../../src/modules/authz/policy.decorators';
import { IS_PUBLIC, REQUIRED_PERMISSION } from '../../src/modules/authz/policy.decorators';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** Who sends a request: a signed-in role, or nobody (public routes). */
export type Caller = Role | 'anonymous';

/** One route the API serves, with the DTO classes of its inputs, read from Nest's own metadata. */
export interface RouteSpec {
  method: HttpMethod;
  /** Express-style path with the global prefix: `/api/cases/:id/incidents/:childId`. */
  path: string;
  /** `Controller.method`, for messages. */
  handler: string;
  paramNames: string[];
  params: Type | null;
  query: Type | null;
  body: Type | null;
  /** The handler reads the raw request (login reads its body in a guard, refresh reads a cookie). */
  readsRawRequest: boolean;
  callers: Caller[];
}

const METHOD_NAMES: Partial<Record<RequestMethod, HttpMethod>> = {
  [RequestMethod.GET]: 'GET',
  [RequestMethod.POST]: 'POST',
  [RequestMethod.PUT]: 'PUT',
  [RequestMethod.PATCH]: 'PATCH',
  [RequestMethod.DELETE]: 'DELETE',
};

/** The swagger decorator `@ApiBody({ type })` names the body DTO of a handler that reads `@Req()`. */
const SWAGGER_API_PARAMETERS = 'swagger/apiParameters';

/**
 * Every route of every controller Nest registered, so a new controller or endpoint is fuzzed
 * without anyone listing it. `servedRoutes` (Express's own table) is the cross-check.
 */
export function discoverRoutes(app: INestApplication): RouteSpec[] {
  const scanner = new MetadataScanner();
  const routes: RouteSpec[] = [];
  const seen = new Set<Type>();
  for (const module of app.get(ModulesContainer).values()) {
    for (const wrapper of module.controllers.values()) {
      const controller = wrapper.metatype as Type | null;
      if (!controller || seen.has(controller)) continue;
      seen.add(controller);
      const prefixes = asArray(Reflect.getMetadata(PATH_METADATA, controller) as unknown);
      for (const name of scanner.getAllMethodNames(controller.prototype)) {
        const fn = (controller.prototype as Record<string, unknown>)[name] as object;
        const subPaths = Reflect.getMetadata(PATH_METADATA, fn) as unknown;
        if (subPaths === undefined) continue;
        const method = METHOD_NAMES[Reflect.getMetadata(METHOD_METADATA, fn) as RequestMethod];
        if (!method) throw new Error(`${controller.name}.${name}: unsupported HTTP method`);
        for (const prefix of prefixes) {
          for (const sub of asArray(subPaths)) {
            const path = joinPath(API_PREFIX, prefix, sub);
            routes.push({
              method,
              path,
              handler: `${controller.name}.${name}`,
              paramNames: [...path.matchAll(/:(\w+)/g)].map((m) => m[1] as string),
              ...inputsOf(controller, name, fn),
              callers: callersOf(controller, fn),
            });
          }
        }
      }
    }
  }
  return routes;
}

/**
 * `METHOD /path` of every endpoint Express answers under the API prefix (not Nest's view of it).
 * Layers that answer every method are middleware mounted on paths (logging, not-found), not endpoints.
 */
export function servedRoutes(app: INestApplication): string[] {
  const express = app.getHttpAdapter().getInstance() as {
    router: { stack: { route?: { path: string; methods: Record<string, boolean> } }[] };
  };
  return express.router.stack.flatMap((layer) => {
    const route = layer.route;
    if (!route?.path.startsWith(`/${API_PREFIX}`)) return [];
    const methods = Object.keys(route.methods).filter((m) => m !== '_all');
    if (route.methods['_all'] || methods.length > 5) return [];
    return methods.map((m) => `${m.toUpperCase()} ${route.path}`);
  });
}

function inputsOf(
  controller: Type,
  name: string,
  fn: object,
): Pick<RouteSpec, 'params' | 'query' | 'body' | 'readsRawRequest'> {
  const args = (Reflect.getMetadata(ROUTE_ARGS_METADATA, controller, name) ?? {}) as Record<
    string,
    { index: number; data?: unknown }
  >;
  const types = (Reflect.getMetadata('design:paramtypes', controller.prototype, name) ??
    []) as Type[];
  const result: Pick<RouteSpec, 'params' | 'query' | 'body' | 'readsRawRequest'> = {
    params: null,
    query: null,
    body: null,
    readsRawRequest: false,
  };
  for (const [key, arg] of Object.entries(args)) {
    const kind = Number(key.split(':')[0]);
    const type = types[arg.index] ?? null;
    const where = `${controller.name}.${name}`;
    if (kind === RouteParamtypes.REQUEST) result.readsRawRequest = true;
    if (kind !== RouteParamtypes.BODY && kind !== RouteParamtypes.QUERY) {
      if (kind !== RouteParamtypes.PARAM) continue;
    }
    if (arg.data !== undefined) {
      throw new Error(
        `${where}: take the whole input as one DTO class, not @${kindName(kind)}('…')`,
      );
    }
    if (!type || type === Object || type === String) {
      throw new Error(
        `${where}: its @${kindName(kind)}() needs a DTO class the fuzz test can read`,
      );
    }
    if (kind === RouteParamtypes.BODY) result.body = type;
    if (kind === RouteParamtypes.QUERY) result.query = type;
    if (kind === RouteParamtypes.PARAM) result.params = type;
  }
  if (!result.body) {
    const declared = (
      (Reflect.getMetadata(SWAGGER_API_PARAMETERS, fn) ?? []) as { in?: string; type?: unknown }[]
    ).find((p) => p.in === 'body' && typeof p.type === 'function');
    if (declared) result.body = declared.type as Type;
  }
  return result;
}

function kindName(kind: number): string {
  return kind === RouteParamtypes.BODY
    ? 'Body'
    : kind === RouteParamtypes.QUERY
      ? 'Query'
      : 'Param';
}

/**
 * The callers the route's guards let through: anonymous for public routes, the roles whose ability
 * allows a declared permission, and every role otherwise (routes such as the password and second
 * factor screens decide for themselves; the guard refuses the rest, which is a 4xx too).
 */
function callersOf(controller: Type, fn: object): Caller[] {
  const meta = <T>(key: string): T | undefined =>
    (Reflect.getMetadata(key, fn) ?? Reflect.getMetadata(key, controller)) as T | undefined;
  if (meta<boolean>(IS_PUBLIC)) return ['anonymous'];
  const required = meta<RequiredPermission>(REQUIRED_PERMISSION);
  if (!required) return [...ROLES];
  return ROLES.filter((role) =>
    defineAbilityFor({ id: '00000000-0000-4000-8000-000000000000', role, agencyId: '' }).can(
      required.action,
      required.subject,
    ),
  );
}

function asArray(value: unknown): string[] {
  if (value === undefined) return [''];
  return Array.isArray(value) ? (value as string[]) : [String(value)];
}

function joinPath(...parts: string[]): string {
  const joined = parts
    .flatMap((p) => p.split('/'))
    .filter((p) => p !== '')
    .join('/');
  return `/${joined}`;
}
