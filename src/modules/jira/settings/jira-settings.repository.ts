import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { Repository } from 'typeorm';
import { JiraSettingsEntity, type JiraVerification } from './jira-settings.entity';

export type JiraSettingsValues = Omit<JiraSettingsEntity, 'verification' | 'createdAt' | 'updatedAt'>;

@Injectable()
export class JiraSettingsRepository {
  constructor(
    @InjectRepository(JiraSettingsEntity) private readonly settings: Repository<JiraSettingsEntity>,
  ) {}

  /** Replaces the organization's settings; a new configuration has not been verified. */
  put(values: JiraSettingsValues): Promise<JiraSettingsEntity> {
    return this.settings.save(this.settings.create({ ...values, verification: null }));
  }

  find(organizationId: string): Promise<JiraSettingsEntity | null> {
    return this.settings.findOne({ where: { organizationId } });
  }

  all(): Promise<JiraSettingsEntity[]> {
    return this.settings.find({ order: { organizationId: 'ASC' } });
  }

  async recordVerification(organizationId: string, verification: JiraVerification): Promise<void> {
    await this.settings.update({ organizationId }, { verification });
  }
}
