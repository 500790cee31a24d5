import { NestFactory } from '@nestjs/core';
import { Logger } from 'nestjs-pino';
import { AppModule } from './app.module';
import { ensureDatabase } from './common/database/ensure-database';
import { loadConfig } from './config/config';

/** The queue consumers, without HTTP. */
export async function startWorker(config = loadConfig()): Promise<void> {
  await ensureDatabase(config.databaseUrl);
  const app = await NestFactory.createApplicationContext(AppModule.worker(config), { bufferLogs: true });
  const logger = app.get(Logger);
  app.useLogger(logger);
  app.enableShutdownHooks();
  logger.log('worker consuming queues', 'Kubeassay');
}

if (require.main === module) {
  void startWorker();
}
