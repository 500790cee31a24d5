import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { IsNull, type Repository } from 'typeorm';
import { entityColumns } from '../../common/database/entity-select';
import { ApiKeyEntity } from './entities/api-key.entity';

@Injectable()
export class ApiKeyRepository {
  private readonly findByPrefixSql: string;

  constructor(@InjectRepository(ApiKeyEntity) private readonly keys: Repository<ApiKeyEntity>) {
    this.findByPrefixSql = `SELECT ${entityColumns(keys)} FROM api_keys WHERE prefix = $1`;
  }

  insert(key: Omit<ApiKeyEntity, 'id' | 'createdAt' | 'revokedAt' | 'lastUsedAt'>): Promise<ApiKeyEntity> {
    return this.keys.save(this.keys.create({ ...key, revokedAt: null, lastUsedAt: null }));
  }

  /** Hand-written SQL: every authenticated request looks its key up; the query builder cost more than it. */
  async findByPrefix(prefix: string): Promise<ApiKeyEntity | null> {
    const rows: ApiKeyEntity[] = await this.keys.query(this.findByPrefixSql, [prefix]);
    return rows[0] ?? null;
  }

  findById(id: string): Promise<ApiKeyEntity | null> {
    return this.keys.findOne({ where: { id } });
  }

  listActive(): Promise<ApiKeyEntity[]> {
    return this.keys.find({ where: { revokedAt: IsNull() }, order: { createdAt: 'ASC' } });
  }

  async revoke(id: string, at: Date): Promise<boolean> {
    const result = await this.keys.update({ id, revokedAt: IsNull() }, { revokedAt: at });
    return (result.affected ?? 0) > 0;
  }

  async touch(id: string, at: Date): Promise<void> {
    await this.keys.update({ id }, { lastUsedAt: at });
  }
}
