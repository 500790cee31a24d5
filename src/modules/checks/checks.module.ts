import { Module } from '@nestjs/common';
import { CheckCatalog } from './check-catalog';
import { ChecksController } from './checks.controller';

@Module({
  controllers: [ChecksController],
  providers: [CheckCatalog],
  exports: [CheckCatalog],
})
export class ChecksModule {}
