import { createDataSource } from '../../src/common/database/data-source';
import { createTestDatabase } from '../support/database';

describe('migrations', () => {
  it('describe exactly the schema the entities declare', async () => {
    const database = await createTestDatabase();
    const dataSource = createDataSource(database.url);
    await dataSource.initialize();
    try {
      const pending = await dataSource.driver.createSchemaBuilder().log();
      expect(pending.upQueries.map((query) => query.query)).toEqual([]);
    } finally {
      await dataSource.destroy();
      await database.drop();
    }
  });
});
