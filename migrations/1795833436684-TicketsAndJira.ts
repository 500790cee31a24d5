import { MigrationInterface, QueryRunner } from 'typeorm';

export class TicketsAndJira1795833436684 implements MigrationInterface {
  name = 'TicketsAndJira1795833436684';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            CREATE TABLE "ticket_jira_links" (
                "ticket_id" uuid NOT NULL,
                "organization_id" uuid NOT NULL,
                "site" character varying(560) NOT NULL,
                "issue_id" character varying(50) NOT NULL,
                "issue_key" character varying(100) NOT NULL,
                "pushed_revision" integer NOT NULL,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_2807989644406da5b043bb84bdf" PRIMARY KEY ("ticket_id")
            )
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "IDX_cebb763790e6f79d123d0f886e" ON "ticket_jira_links" ("organization_id", "site", "issue_id")
        `);
    await queryRunner.query(`
            CREATE TABLE "jira_webhook_deliveries" (
                "organization_id" uuid NOT NULL,
                "identifier" character varying(200) NOT NULL,
                "body_sha256" character(64) NOT NULL,
                "received_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_5523bc862b1302426d18ff39d13" PRIMARY KEY ("organization_id", "identifier")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_2b6e256dea9f3ff569c3ac508c" ON "jira_webhook_deliveries" ("received_at")
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "IDX_fe1337b45a15e70eb8d9e80ae4" ON "jira_webhook_deliveries" ("organization_id", "body_sha256")
        `);
    await queryRunner.query(`
            CREATE TABLE "jira_integrations" (
                "organization_id" uuid NOT NULL,
                "base_url" character varying(500) NOT NULL,
                "project_key" character varying(50) NOT NULL,
                "issue_type" character varying(100) NOT NULL,
                "auth_type" character varying(10) NOT NULL,
                "email" character varying(320),
                "sealed_token" bytea NOT NULL,
                "sealed_webhook_secret" bytea NOT NULL,
                "key_id" character varying(64) NOT NULL,
                "priority_map" jsonb NOT NULL,
                "labels" text array NOT NULL DEFAULT '{}',
                "components" text array NOT NULL DEFAULT '{}',
                "custom_fields" jsonb NOT NULL DEFAULT '{}',
                "verification" jsonb,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_99319d6a2be5d4d2bdc2a8740ea" PRIMARY KEY ("organization_id")
            )
        `);
    await queryRunner.query(`
            CREATE TABLE "ticket_findings" (
                "ticket_id" uuid NOT NULL,
                "fingerprint" character(32) NOT NULL,
                "resource_api_version" character varying(200) NOT NULL,
                "resource_kind" character varying(200) NOT NULL,
                "resource_namespace" character varying(253),
                "resource_name" character varying(253) NOT NULL,
                "container" character varying(253),
                "message" text NOT NULL,
                "assessment_id" uuid NOT NULL,
                "added_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_3e928ec6e397229ce9f121847e8" PRIMARY KEY ("ticket_id", "fingerprint")
            )
        `);
    await queryRunner.query(`
            CREATE TABLE "tickets" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "organization_id" uuid NOT NULL,
                "engagement_id" uuid NOT NULL,
                "cluster_id" uuid NOT NULL,
                "grouping" character varying(20) NOT NULL,
                "group_key" character varying(700) NOT NULL,
                "check" character varying(100) NOT NULL,
                "namespace" character varying(253),
                "workload" character varying(460),
                "title" character varying(255) NOT NULL,
                "severity" character varying(10) NOT NULL,
                "layer" character varying(20) NOT NULL,
                "phase" character varying(20) NOT NULL,
                "due_on" date NOT NULL,
                "status" character varying(40) NOT NULL,
                "revision" integer NOT NULL DEFAULT '1',
                "sync_status" character varying(20) NOT NULL DEFAULT 'not_pushed',
                "sync_error" text,
                "jira_issue_key" character varying(100),
                "jira_lease_until" TIMESTAMP WITH TIME ZONE,
                "jira_lease_owner" uuid,
                "jira_create_attempted_at" TIMESTAMP WITH TIME ZONE,
                "resolved_at" TIMESTAMP WITH TIME ZONE,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_343bc942ae261cf7a1377f48fd0" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "uq_tickets_open_group" ON "tickets" (
                "engagement_id",
                "cluster_id",
                "grouping",
                "group_key"
            )
            WHERE "status" <> 'verified'
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_e81ee16190a294b5095cab2f4e" ON "tickets" ("sync_status", "updated_at")
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_a4bbd48fc9daacaf750647a740" ON "tickets" ("cluster_id", "status")
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_ca165fd14c670d991c4cd99204" ON "tickets" ("engagement_id", "created_at")
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_5ee212c4f59260cd0bb79a09f3" ON "tickets" ("organization_id", "created_at")
        `);
    await queryRunner.query(`
            ALTER TABLE "organizations"
            ADD "remediation_sla_days" jsonb
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            ALTER TABLE "organizations" DROP COLUMN "remediation_sla_days"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_5ee212c4f59260cd0bb79a09f3"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_ca165fd14c670d991c4cd99204"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_a4bbd48fc9daacaf750647a740"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_e81ee16190a294b5095cab2f4e"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."uq_tickets_open_group"
        `);
    await queryRunner.query(`
            DROP TABLE "tickets"
        `);
    await queryRunner.query(`
            DROP TABLE "ticket_findings"
        `);
    await queryRunner.query(`
            DROP TABLE "jira_integrations"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_fe1337b45a15e70eb8d9e80ae4"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_2b6e256dea9f3ff569c3ac508c"
        `);
    await queryRunner.query(`
            DROP TABLE "jira_webhook_deliveries"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_cebb763790e6f79d123d0f886e"
        `);
    await queryRunner.query(`
            DROP TABLE "ticket_jira_links"
        `);
  }
}
