import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ReportEntity } from './entities/report.entity';
import { ReportRepository } from './report.repository';

/** The reports table without routes: the API's routes and the worker's renderer share it. */
@Module({
  imports: [TypeOrmModule.forFeature([ReportEntity])],
  providers: [ReportRepository],
  exports: [ReportRepository],
})
export class ReportStoreModule {}
