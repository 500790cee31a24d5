import type { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { DocumentBuilder, type OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import { AppModule } from '../app.module';
import { ErrorBody } from '../common/errors/error-body';
import { loadConfig } from '../config/config';
import { VERSION } from '../version';

export function buildApiDocument(app: INestApplication): OpenAPIObject {
  const config = new DocumentBuilder()
    .setTitle('Kubeassay API')
    .setDescription('Kubernetes security assessments: clusters, assessments, findings, reports and tickets.')
    .setVersion(VERSION)
    .addBearerAuth({ type: 'http', scheme: 'bearer', description: 'An API key: `ka_<prefix>_<secret>`' })
    .build();
  return SwaggerModule.createDocument(app, config, { extraModels: [ErrorBody] });
}

/** The OpenAPI document at /docs (UI) and /docs-json. */
export function mountApiDocument(app: INestApplication): void {
  SwaggerModule.setup('docs', app, () => buildApiDocument(app), { jsonDocumentUrl: 'docs-json' });
}

/**
 * The document of the API modules without running them: preview mode builds the module graph but
 * instantiates no provider, so nothing connects to PostgreSQL or Redis and nothing listens.
 */
export async function generateApiDocument(): Promise<OpenAPIObject> {
  const config = loadConfig({ NODE_ENV: 'development', LOG_LEVEL: 'silent' });
  const app = await NestFactory.create(AppModule.api(config), {
    preview: true,
    logger: false,
    abortOnError: false,
  });
  try {
    return buildApiDocument(app);
  } finally {
    await app.close();
  }
}
