import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { TicketFindingEntity } from './entities/ticket-finding.entity';
import { TicketEntity } from './entities/ticket.entity';
import { TicketSourcesRepository } from './ticket-sources.repository';
import { TicketRepository } from './ticket.repository';

/** The tickets tables without routes: the API's routes and the worker's Jira sync share them. */
@Module({
  imports: [TypeOrmModule.forFeature([TicketEntity, TicketFindingEntity])],
  providers: [TicketRepository, TicketSourcesRepository],
  exports: [TicketRepository, TicketSourcesRepository, TypeOrmModule],
})
export class TicketStoreModule {}
