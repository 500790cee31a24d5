import { MigrationInterface, QueryRunner } from 'typeorm';

export class FindingQueryIndexes1795821412393 implements MigrationInterface {
  name = 'FindingQueryIndexes1795821412393';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            CREATE INDEX "ix_findings_assessment_triaged" ON "findings" ("assessment_id", "status", "seq")
            WHERE "status" <> 'open'
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_findings_assessment_namespace" ON "findings" ("assessment_id", "resource_namespace", "seq")
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_findings_assessment_check" ON "findings" ("assessment_id", "check", "seq")
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            DROP INDEX "public"."ix_findings_assessment_check"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_findings_assessment_namespace"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_findings_assessment_triaged"
        `);
  }
}
