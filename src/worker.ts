import { Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { AppModule } from './app.module';
import { ensureDatabase } from './common/database/ensure-database';
import { loadConfig } from './config/config';

/** The queue consumers, without HTTP. */
export async function startWorker(config = loadConfig()): Promise<void> {
  await ensureDatabase(config.databaseUrl);
  const app = await NestFactory.createApplicationContext(AppModule.worker(config));
  app.enableShutdownHooks();
  Logger.log('worker consuming queues', 'Kubeassay');
}

if (require.main === module) {
  void startWorker();
}
