import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ClustersModule } from '../clusters/clusters.module';
import { OrganizationsModule } from '../organizations/organizations.module';
import { EngagementRepository } from './engagement.repository';
import { EngagementService } from './engagement.service';
import { EngagementsController } from './engagements.controller';
import { EngagementEntity } from './entities/engagement.entity';

@Module({
  imports: [TypeOrmModule.forFeature([EngagementEntity]), OrganizationsModule, ClustersModule],
  controllers: [EngagementsController],
  providers: [EngagementRepository, EngagementService],
  exports: [EngagementRepository],
})
export class EngagementsModule {}
