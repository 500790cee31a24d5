import { loadConfig } from '../../config/config';
import { createDataSource } from './data-source';

/** For the TypeORM CLI (`migration:generate`, `migration:run`). */
export default createDataSource(loadConfig().databaseUrl);
