import type { INestApplication } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import { RequestMethod } from '@nestjs/common';
import { ModulesContainer } from '@nestjs/core';
import { AUDIT_ACTION } from '../../src/modules/audit/audit-action.decorator';
import { ALLOWED_ROLES, PUBLIC_ROUTE } from '../../src/modules/auth/auth.decorators';
import type { Role } from '../../src/modules/auth/role';

export interface RouteInfo {
  method: string;
  path: string;
  publicReason?: string;
  roles?: Role[];
  auditAction?: string;
}

function joinPath(prefix: string, path: string): string {
  return `/${[prefix, path]
    .map((part) => part.replace(/^\/|\/$/g, ''))
    .filter(Boolean)
    .join('/')}`;
}

/** Every HTTP route the application serves, with its guard and audit policy, read from the controllers. */
export function listRoutes(app: INestApplication): RouteInfo[] {
  const routes: RouteInfo[] = [];
  for (const module of app.get(ModulesContainer).values()) {
    for (const wrapper of module.controllers.values()) {
      const controller = wrapper.metatype as (new (...args: never[]) => unknown) | null;
      if (!controller) {
        continue;
      }
      const prefix = Reflect.getMetadata(PATH_METADATA, controller) as string;
      const prototype = controller.prototype as Record<string, unknown>;
      for (const name of Object.getOwnPropertyNames(prototype)) {
        const handler = prototype[name];
        if (
          name === 'constructor' ||
          typeof handler !== 'function' ||
          Reflect.getMetadata(PATH_METADATA, handler) === undefined
        ) {
          continue;
        }
        const method = RequestMethod[Reflect.getMetadata(METHOD_METADATA, handler) as number] ?? 'UNKNOWN';
        const read = <T>(key: string) =>
          (Reflect.getMetadata(key, handler) as T | undefined) ??
          (Reflect.getMetadata(key, controller) as T | undefined);
        routes.push({
          method,
          path: joinPath(prefix, Reflect.getMetadata(PATH_METADATA, handler) as string),
          ...(read<string>(PUBLIC_ROUTE) !== undefined && { publicReason: read<string>(PUBLIC_ROUTE) }),
          ...(read<Role[]>(ALLOWED_ROLES) && { roles: read<Role[]>(ALLOWED_ROLES) }),
          ...(read<string>(AUDIT_ACTION) && { auditAction: read<string>(AUDIT_ACTION) }),
        });
      }
    }
  }
  return routes;
}
