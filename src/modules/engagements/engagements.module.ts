import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ClustersModule } from '../clusters/clusters.module';
import { OrganizationsModule } from '../organizations/organizations.module';
import { EngagementRepository } from './engagement.repository';
import { EngagementService } from './engagement.service';
import { EngagementsController } from './engagements.controller';
import { EngagementEntity } from './entities/engagement.entity';
import { EngagementSummaryController } from './summary/engagement-summary.controller';
import { EngagementSummaryRepository } from './summary/engagement-summary.repository';
import { EngagementSummaryService } from './summary/engagement-summary.service';

@Module({
  imports: [TypeOrmModule.forFeature([EngagementEntity]), OrganizationsModule, ClustersModule],
  controllers: [EngagementsController, EngagementSummaryController],
  providers: [EngagementRepository, EngagementService, EngagementSummaryService, EngagementSummaryRepository],
  exports: [EngagementRepository],
})
export class EngagementsModule {}
