import { MigrationInterface, QueryRunner } from 'typeorm';

export class TriageAndExceptions1795820005666 implements MigrationInterface {
  name = 'TriageAndExceptions1795820005666';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            CREATE TABLE "exceptions" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "organization_id" uuid NOT NULL,
                "cluster_id" uuid,
                "check" character varying(100) NOT NULL,
                "selector" jsonb NOT NULL DEFAULT '{}',
                "justification" text NOT NULL,
                "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                "created_by" uuid NOT NULL,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_30e436ef146011cd8a1a758069c" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_a7f0211a2e4543f1cbfbeda17b" ON "exceptions" ("organization_id", "created_at")
        `);
    await queryRunner.query(`
            CREATE TABLE "triage_decisions" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "organization_id" uuid NOT NULL,
                "cluster_id" uuid NOT NULL,
                "fingerprint" character(32) NOT NULL,
                "status" character varying(20) NOT NULL,
                "justification" text NOT NULL,
                "expires_at" TIMESTAMP WITH TIME ZONE,
                "decided_by" uuid NOT NULL,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "uq_triage_decisions_cluster_fingerprint" UNIQUE ("cluster_id", "fingerprint"),
                CONSTRAINT "PK_d0a058d4e8909b43ddd4958bfd0" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            ALTER TABLE "assessments"
            ADD "exceptions" jsonb NOT NULL DEFAULT '[]'
        `);
    await queryRunner.query(`
            ALTER TABLE "findings"
            ADD "justification" text
        `);
    await queryRunner.query(`
            ALTER TABLE "findings"
            ADD "expires_at" TIMESTAMP WITH TIME ZONE
        `);
    await queryRunner.query(`
            ALTER TABLE "findings"
            ADD "exception_id" uuid
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            ALTER TABLE "findings" DROP COLUMN "exception_id"
        `);
    await queryRunner.query(`
            ALTER TABLE "findings" DROP COLUMN "expires_at"
        `);
    await queryRunner.query(`
            ALTER TABLE "findings" DROP COLUMN "justification"
        `);
    await queryRunner.query(`
            ALTER TABLE "assessments" DROP COLUMN "exceptions"
        `);
    await queryRunner.query(`
            DROP TABLE "triage_decisions"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_a7f0211a2e4543f1cbfbeda17b"
        `);
    await queryRunner.query(`
            DROP TABLE "exceptions"
        `);
  }
}
