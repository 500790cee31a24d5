import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { TriageDecisionEntity } from './entities/triage-decision.entity';
import { TriageDecisionRepository } from './triage-decision.repository';

/** The triage decisions table without routes: the worker applies decisions to new findings. */
@Module({
  imports: [TypeOrmModule.forFeature([TriageDecisionEntity])],
  providers: [TriageDecisionRepository],
  exports: [TriageDecisionRepository],
})
export class TriageStoreModule {}
