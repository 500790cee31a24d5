import { MigrationInterface, QueryRunner } from 'typeorm';

export class Reports1795827217466 implements MigrationInterface {
  name = 'Reports1795827217466';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            CREATE TABLE "reports" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "organization_id" uuid NOT NULL,
                "assessment_id" uuid NOT NULL,
                "engagement_id" uuid NOT NULL,
                "cluster_id" uuid NOT NULL,
                "format" character varying(10) NOT NULL,
                "confidentiality" character varying(100) NOT NULL,
                "status" character varying(20) NOT NULL,
                "failure" text,
                "sha256" character(64),
                "size_bytes" integer,
                "content" bytea,
                "created_by" uuid NOT NULL,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "rendered_at" TIMESTAMP WITH TIME ZONE,
                CONSTRAINT "PK_d9013193989303580053c0b5ef6" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_0856582ebcf9fde8e28db29364" ON "reports" ("assessment_id", "created_at")
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_9fbb981c083e7a5b7401c66bec" ON "reports" ("organization_id", "created_at")
        `);
    await queryRunner.query(`
            CREATE TABLE "report_share_links" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "report_id" uuid NOT NULL,
                "organization_id" uuid NOT NULL,
                "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                "revoked_at" TIMESTAMP WITH TIME ZONE,
                "downloads" integer NOT NULL DEFAULT '0',
                "last_downloaded_at" TIMESTAMP WITH TIME ZONE,
                "created_by" uuid NOT NULL,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_87aad2807fa0451fbc531409669" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_8fcea8c24dc781c425ea10c525" ON "report_share_links" ("report_id", "created_at")
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            DROP INDEX "public"."IDX_8fcea8c24dc781c425ea10c525"
        `);
    await queryRunner.query(`
            DROP TABLE "report_share_links"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_9fbb981c083e7a5b7401c66bec"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_0856582ebcf9fde8e28db29364"
        `);
    await queryRunner.query(`
            DROP TABLE "reports"
        `);
  }
}
