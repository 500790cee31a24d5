import { MigrationInterface, QueryRunner } from 'typeorm';

export class InitialSchema1795809036137 implements MigrationInterface {
  name = 'InitialSchema1795809036137';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            CREATE TABLE "assessments" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "organization_id" uuid NOT NULL,
                "engagement_id" uuid NOT NULL,
                "cluster_id" uuid NOT NULL,
                "snapshot_id" uuid,
                "status" character varying(20) NOT NULL,
                "stage" character varying(20) NOT NULL,
                "progress" smallint NOT NULL DEFAULT '0',
                "profile" jsonb NOT NULL DEFAULT '{}',
                "timings" jsonb NOT NULL DEFAULT '{}',
                "summary" jsonb,
                "scores" jsonb,
                "check_results" jsonb,
                "coverage_gaps" jsonb NOT NULL DEFAULT '[]',
                "input_errors" jsonb NOT NULL DEFAULT '[]',
                "failure" text,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "started_at" TIMESTAMP WITH TIME ZONE,
                "finished_at" TIMESTAMP WITH TIME ZONE,
                CONSTRAINT "PK_a3442bd80a00e9111cefca57f6c" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_85d7592e12e848376851eee6c7" ON "assessments" ("cluster_id", "created_at")
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_6cbb56bc760d0db6cd9b30dd72" ON "assessments" ("organization_id", "created_at")
        `);
    await queryRunner.query(`
            CREATE TABLE "audit_events" (
                "seq" BIGSERIAL NOT NULL,
                "occurred_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "key_id" uuid,
                "role" character varying(20),
                "organization_id" uuid,
                "action" character varying(100) NOT NULL,
                "target_type" character varying(50),
                "target_id" character varying(100),
                "outcome" character varying(10) NOT NULL,
                "status" smallint NOT NULL,
                "request_id" character varying(128) NOT NULL,
                "source_address" character varying(64),
                "method" character varying(10) NOT NULL,
                "path" character varying(300) NOT NULL,
                CONSTRAINT "PK_6e299f5706e715265416fefe53e" PRIMARY KEY ("seq")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_c40cd36814ee5b04919d5219db" ON "audit_events" ("organization_id", "seq")
        `);
    await queryRunner.query(`
            CREATE TABLE "api_keys" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "name" character varying(200) NOT NULL,
                "role" character varying(20) NOT NULL,
                "organization_id" uuid,
                "prefix" character varying(16) NOT NULL,
                "secret_hash" character(64) NOT NULL,
                "created_by_key_id" uuid,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "expires_at" TIMESTAMP WITH TIME ZONE,
                "revoked_at" TIMESTAMP WITH TIME ZONE,
                "last_used_at" TIMESTAMP WITH TIME ZONE,
                CONSTRAINT "UQ_6f6105c8efe05b310d046cbdb3d" UNIQUE ("prefix"),
                CONSTRAINT "PK_5c8a79801b44bd27b79228e1dad" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE TABLE "clusters" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "organization_id" uuid NOT NULL,
                "name" character varying(200) NOT NULL,
                "source_type" character varying(20) NOT NULL,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_56c8e201f375e1e961dcdd6831c" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "IDX_ca0c043b49d7ee265d7b51a23a" ON "clusters" ("organization_id", "name")
        `);
    await queryRunner.query(`
            CREATE TABLE "snapshots" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "organization_id" uuid NOT NULL,
                "cluster_id" uuid NOT NULL,
                "object_count" integer NOT NULL,
                "size_bytes" bigint NOT NULL,
                "sha256" character(64) NOT NULL,
                "content" bytea NOT NULL,
                "input_errors" jsonb NOT NULL DEFAULT '[]',
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_f5661b5fd4224d23e26a631986b" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_1a0b1803bb9f85413c9f4c9ecb" ON "snapshots" ("cluster_id", "created_at")
        `);
    await queryRunner.query(`
            CREATE TABLE "engagements" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "organization_id" uuid NOT NULL,
                "name" character varying(200) NOT NULL,
                "status" character varying(20) NOT NULL DEFAULT 'planned',
                "scope" jsonb NOT NULL DEFAULT '{"clusterIds": [], "namespaces": []}',
                "starts_on" date,
                "ends_on" date,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_aec8c95c82a37a5791001cdb9ae" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_d478adfd783b1f33f4bc9094cf" ON "engagements" ("organization_id", "created_at")
        `);
    await queryRunner.query(`
            CREATE TABLE "findings" (
                "seq" BIGSERIAL NOT NULL,
                "assessment_id" uuid NOT NULL,
                "organization_id" uuid NOT NULL,
                "cluster_id" uuid NOT NULL,
                "check" character varying(100) NOT NULL,
                "severity" character varying(10) NOT NULL,
                "layer" character varying(20) NOT NULL,
                "phase" character varying(20) NOT NULL,
                "principles" text array NOT NULL,
                "resource_api_version" character varying(200) NOT NULL,
                "resource_kind" character varying(200) NOT NULL,
                "resource_namespace" character varying(253),
                "resource_name" character varying(253) NOT NULL,
                "container" character varying(253),
                "message" text NOT NULL,
                "evidence" jsonb NOT NULL,
                "fingerprint" character(32) NOT NULL,
                "status" character varying(20) NOT NULL,
                "source" jsonb,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "uq_findings_assessment_fingerprint" UNIQUE ("assessment_id", "fingerprint"),
                CONSTRAINT "PK_2edfb4401d42a2f1058d2dcd729" PRIMARY KEY ("seq")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_findings_assessment_severity" ON "findings" ("assessment_id", "severity", "seq")
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_findings_assessment_seq" ON "findings" ("assessment_id", "seq")
        `);
    await queryRunner.query(`
            CREATE TABLE "organizations" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "name" character varying(200) NOT NULL,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "UQ_9b7ca6d30b94fef571cff876884" UNIQUE ("name"),
                CONSTRAINT "PK_6b031fcd0863e3f6b44230163f9" PRIMARY KEY ("id")
            )
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            DROP TABLE "organizations"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_findings_assessment_seq"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_findings_assessment_severity"
        `);
    await queryRunner.query(`
            DROP TABLE "findings"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_d478adfd783b1f33f4bc9094cf"
        `);
    await queryRunner.query(`
            DROP TABLE "engagements"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_1a0b1803bb9f85413c9f4c9ecb"
        `);
    await queryRunner.query(`
            DROP TABLE "snapshots"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_ca0c043b49d7ee265d7b51a23a"
        `);
    await queryRunner.query(`
            DROP TABLE "clusters"
        `);
    await queryRunner.query(`
            DROP TABLE "api_keys"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_c40cd36814ee5b04919d5219db"
        `);
    await queryRunner.query(`
            DROP TABLE "audit_events"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_6cbb56bc760d0db6cd9b30dd72"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_85d7592e12e848376851eee6c7"
        `);
    await queryRunner.query(`
            DROP TABLE "assessments"
        `);
  }
}
