import { Module } from '@nestjs/common';
import { ChecksModule } from '../checks/checks.module';
import { ClusterStoreModule } from '../clusters/cluster-store.module';
import { OrganizationsModule } from '../organizations/organizations.module';
import { ExceptionStoreModule } from './exception-store.module';
import { ExceptionService } from './exception.service';
import { ExceptionsController } from './exceptions.controller';

/** The exception routes of the API; the worker uses ExceptionStoreModule only. */
@Module({
  imports: [ExceptionStoreModule, OrganizationsModule, ClusterStoreModule, ChecksModule],
  controllers: [ExceptionsController],
  providers: [ExceptionService],
})
export class ExceptionsModule {}
