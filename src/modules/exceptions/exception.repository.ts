import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { IsNull, type Repository } from 'typeorm';
import { ExceptionEntity } from './entities/exception.entity';

@Injectable()
export class ExceptionRepository {
  constructor(@InjectRepository(ExceptionEntity) private readonly exceptions: Repository<ExceptionEntity>) {}

  /**
   * Every exception of the organization that covers the cluster (organization-wide or for that cluster),
   * expired ones included: the run reports those as expired instead of applying them.
   */
  forCluster(organizationId: string, clusterId: string): Promise<ExceptionEntity[]> {
    return this.exceptions.find({
      where: [
        { organizationId, clusterId: IsNull() },
        { organizationId, clusterId },
      ],
      order: { createdAt: 'ASC', id: 'ASC' },
    });
  }
}
