import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ExceptionEntity } from './entities/exception.entity';
import { ExceptionRepository } from './exception.repository';

/** The exceptions table without routes: the worker applies exceptions when it evaluates. */
@Module({
  imports: [TypeOrmModule.forFeature([ExceptionEntity])],
  providers: [ExceptionRepository],
  exports: [ExceptionRepository],
})
export class ExceptionStoreModule {}
