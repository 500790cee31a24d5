import { answerOnce, measure, type Measurement } from './measurement';
import { fetchAllPages, type PlainLoopInput, type PlainLoopResult } from './plain-loop';

export type PlainLoopMeasurement = Measurement & PlainLoopResult;

async function fetchAll(input: PlainLoopInput): Promise<PlainLoopMeasurement> {
  const { value, measurement } = await measure(() => fetchAllPages(input));
  return { ...measurement, ...value };
}

if (require.main === module) {
  answerOnce(fetchAll);
}
