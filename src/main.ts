import { Logger } from '@nestjs/common';
import { loadConfig } from './config/config';
import { createApi } from './http/create-api';

async function main(): Promise<void> {
  const config = loadConfig();
  const app = await createApi(config);
  for (const name of config.developmentSecrets) {
    Logger.warn(
      `${name} is not set: using a DEVELOPMENT-ONLY value. Never run like this with real data.`,
      'Config',
    );
  }
  await app.listen(config.port, config.host);
  Logger.log(`API listening on ${config.host}:${config.port}`, 'Kubeassay');
}

void main();
