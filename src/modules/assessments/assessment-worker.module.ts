import { Module } from '@nestjs/common';

/** The assessment-run queue consumer: loaded by the worker process only. */
@Module({})
export class AssessmentWorkerModule {}
