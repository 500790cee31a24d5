import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../../config/config';
import { DomainError } from '../../common/errors/domain-error';
import { ErrorCode } from '../../common/errors/error-code';
import { ApiKeyRepository } from './api-key.repository';
import type { Caller } from './caller';
import type { ApiKeyEntity } from './entities/api-key.entity';
import { ORGANIZATION_BOUND_ROLES, Role } from './role';

const KEY_PATTERN = /^ka_([a-z0-9]{12})_([A-Za-z0-9_-]{43})$/;
/** lastUsedAt is a hint for humans: write it at most once a minute per key. */
const TOUCH_INTERVAL_MS = 60_000;

export interface NewApiKey {
  name: string;
  role: Role;
  organizationId?: string | null;
  expiresAt?: Date | null;
  createdByKeyId?: string | null;
}

export interface CreatedApiKey {
  entity: ApiKeyEntity;
  /** The only time the key is visible. */
  key: string;
}

@Injectable()
export class ApiKeyService {
  constructor(
    private readonly keys: ApiKeyRepository,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async create(request: NewApiKey): Promise<CreatedApiKey> {
    const organizationId = request.organizationId ?? null;
    if (ORGANIZATION_BOUND_ROLES.includes(request.role) && organizationId === null) {
      throw new DomainError(
        ErrorCode.OrganizationRequired,
        `a ${request.role} key must be bound to an organization`,
      );
    }
    if (!ORGANIZATION_BOUND_ROLES.includes(request.role) && organizationId !== null) {
      throw new DomainError(
        ErrorCode.ValidationFailed,
        `a ${request.role} key is not bound to an organization`,
      );
    }
    const prefix = randomBytes(9)
      .toString('base64url')
      .toLowerCase()
      .replace(/[^a-z0-9]/g, '0')
      .slice(0, 12);
    const secret = randomBytes(32).toString('base64url');
    const entity = await this.keys.insert({
      name: request.name,
      role: request.role,
      organizationId,
      prefix,
      secretHash: this.hash(secret),
      createdByKeyId: request.createdByKeyId ?? null,
      expiresAt: request.expiresAt ?? null,
    });
    return { entity, key: `ka_${prefix}_${secret}` };
  }

  /** Resolves a presented key to its caller, or throws the precise authentication failure. */
  async authenticate(presented: string, now = new Date()): Promise<Caller> {
    const match = KEY_PATTERN.exec(presented);
    const entity = match ? await this.keys.findByPrefix(match[1]!) : null;
    if (!match || !entity || !this.secretMatches(match[2]!, entity.secretHash)) {
      throw new DomainError(ErrorCode.ApiKeyInvalid, 'the API key is not valid');
    }
    if (entity.revokedAt !== null) {
      throw new DomainError(ErrorCode.ApiKeyRevoked, 'the API key has been revoked');
    }
    if (entity.expiresAt !== null && entity.expiresAt.getTime() <= now.getTime()) {
      throw new DomainError(ErrorCode.ApiKeyExpired, 'the API key has expired');
    }
    if (entity.lastUsedAt === null || now.getTime() - entity.lastUsedAt.getTime() > TOUCH_INTERVAL_MS) {
      await this.keys.touch(entity.id, now);
    }
    return { keyId: entity.id, role: entity.role, organizationId: entity.organizationId };
  }

  list(): Promise<ApiKeyEntity[]> {
    return this.keys.listActive();
  }

  async revoke(id: string): Promise<void> {
    if (!(await this.keys.revoke(id, new Date()))) {
      throw DomainError.notFound('API key');
    }
  }

  private hash(secret: string): string {
    return createHmac('sha256', this.config.apiKeyPepper).update(secret).digest('hex');
  }

  private secretMatches(secret: string, storedHash: string): boolean {
    const presented = Buffer.from(this.hash(secret), 'hex');
    const stored = Buffer.from(storedHash, 'hex');
    return presented.length === stored.length && timingSafeEqual(presented, stored);
  }
}
