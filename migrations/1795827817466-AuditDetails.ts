import { MigrationInterface, QueryRunner } from 'typeorm';

export class AuditDetails1795827817466 implements MigrationInterface {
  name = 'AuditDetails1795827817466';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            ALTER TABLE "audit_events"
            ADD "details" jsonb
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            ALTER TABLE "audit_events" DROP COLUMN "details"
        `);
  }
}
