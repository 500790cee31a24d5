import { Command, Option } from 'commander';
import { Role } from '../modules/auth/role';
import type { CliIo } from './io';

interface ApiKeyCreateOptions {
  role: Role;
  name: string;
  organization?: string;
  expiresAt?: string;
}

/** Mints a key straight in the database: how the first admin key comes to exist. */
async function createKey(options: ApiKeyCreateOptions, io: CliIo): Promise<void> {
  // Loaded here so `kubeassay scan` never loads the database stack.
  const { loadConfig } = await import('../config/config');
  const { ensureDatabase } = await import('../common/database/ensure-database');
  const { createDataSource } = await import('../common/database/data-source');
  const { ApiKeyEntity } = await import('../modules/auth/entities/api-key.entity');
  const { ApiKeyRepository } = await import('../modules/auth/api-key.repository');
  const { ApiKeyService } = await import('../modules/auth/api-key.service');
  const config = loadConfig();
  await ensureDatabase(config.databaseUrl);
  const dataSource = createDataSource(config.databaseUrl);
  await dataSource.initialize();
  try {
    await dataSource.runMigrations();
    const service = new ApiKeyService(new ApiKeyRepository(dataSource.getRepository(ApiKeyEntity)), config);
    const created = await service.create({
      name: options.name,
      role: options.role,
      organizationId: options.organization ?? null,
      expiresAt: options.expiresAt ? new Date(options.expiresAt) : null,
    });
    io.stdout.write(`${created.key}\n`);
    io.stderr.write(
      `created ${options.role} key ${created.entity.id} (${options.name}); it is not shown again\n`,
    );
  } finally {
    await dataSource.destroy();
  }
}

export function apiKeyCommand(io: CliIo): Command {
  const create = new Command('create')
    .description('create an API key and print it (alone) on standard output')
    .addOption(new Option('--role <role>', 'the key role').choices(Object.values(Role)).makeOptionMandatory())
    .requiredOption('--name <name>', 'who or what the key is for')
    .option('--organization <id>', 'organization id (client and integration keys)')
    .option('--expires-at <date>', 'ISO date after which the key stops working')
    .action((options: ApiKeyCreateOptions) => createKey(options, io));
  return new Command('api-key').description('manage API keys of the service').addCommand(create);
}
