import { Module } from '@nestjs/common';
import { ChecksModule } from '../checks/checks.module';
import { EngagementsModule } from '../engagements/engagements.module';
import { OrganizationsModule } from '../organizations/organizations.module';
import { TicketBuilder } from './ticket-builder';
import { TicketStoreModule } from './ticket-store.module';
import { TicketService } from './ticket.service';
import { TicketsController } from './tickets.controller';

/** Remediation tickets: built from open findings, listed and exported. */
@Module({
  imports: [TicketStoreModule, EngagementsModule, OrganizationsModule, ChecksModule],
  controllers: [TicketsController],
  providers: [TicketBuilder, TicketService],
  exports: [TicketService],
})
export class TicketsModule {}
