import { MigrationInterface, QueryRunner } from 'typeorm';

export class LiveClusters1795818191244 implements MigrationInterface {
  name = 'LiveClusters1795818191244';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            ALTER TABLE "assessments"
            ADD "collection" jsonb
        `);
    await queryRunner.query(`
            ALTER TABLE "clusters"
            ADD "server" character varying(2048)
        `);
    await queryRunner.query(`
            ALTER TABLE "clusters"
            ADD "credentials" bytea
        `);
    await queryRunner.query(`
            ALTER TABLE "clusters"
            ADD "credentials_key_id" character varying(64)
        `);
    await queryRunner.query(`
            ALTER TABLE "clusters"
            ADD "secret_metadata" boolean NOT NULL DEFAULT false
        `);
    await queryRunner.query(`
            ALTER TABLE "clusters"
            ADD "verification" jsonb
        `);
    await queryRunner.query(`
            ALTER TABLE "snapshots"
            ADD "origin" character varying(20) NOT NULL DEFAULT 'upload'
        `);
    await queryRunner.query(`
            ALTER TABLE "snapshots"
            ADD "coverage_gaps" jsonb NOT NULL DEFAULT '[]'
        `);
    await queryRunner.query(`
            ALTER TABLE "snapshots"
            ADD "cluster_info" jsonb NOT NULL DEFAULT '{}'
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            ALTER TABLE "snapshots" DROP COLUMN "cluster_info"
        `);
    await queryRunner.query(`
            ALTER TABLE "snapshots" DROP COLUMN "coverage_gaps"
        `);
    await queryRunner.query(`
            ALTER TABLE "snapshots" DROP COLUMN "origin"
        `);
    await queryRunner.query(`
            ALTER TABLE "clusters" DROP COLUMN "verification"
        `);
    await queryRunner.query(`
            ALTER TABLE "clusters" DROP COLUMN "secret_metadata"
        `);
    await queryRunner.query(`
            ALTER TABLE "clusters" DROP COLUMN "credentials_key_id"
        `);
    await queryRunner.query(`
            ALTER TABLE "clusters" DROP COLUMN "credentials"
        `);
    await queryRunner.query(`
            ALTER TABLE "clusters" DROP COLUMN "server"
        `);
    await queryRunner.query(`
            ALTER TABLE "assessments" DROP COLUMN "collection"
        `);
  }
}
