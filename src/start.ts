/** `npm start`: the API and a worker in one process, for local use. */
import './main';
import { startWorker } from './worker';

void startWorker();
