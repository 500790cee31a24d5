import { Module } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../../config/config';
import { CredentialCipher } from './credential-cipher';

/** The cipher of secrets at rest (cluster credentials, Jira tokens), keyed from the configuration. */
@Module({
  providers: [
    {
      provide: CredentialCipher,
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) =>
        new CredentialCipher(config.encryptionKey, config.previousEncryptionKeys),
    },
  ],
  exports: [CredentialCipher],
})
export class CryptoModule {}
