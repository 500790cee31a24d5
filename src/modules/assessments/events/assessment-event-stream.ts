import type { MessageEvent } from '@nestjs/common';
import { Observable } from 'rxjs';
import type { AssessmentEvent } from './assessment-events';

/**
 * Server-sent events from an event source: one `message` per event (its stage, status and progress in `data`),
 * ending when the source ends; unsubscribing (the client left) stops the source.
 */
export function eventStream(
  source: (signal: AbortSignal) => AsyncGenerator<AssessmentEvent>,
): Observable<MessageEvent> {
  return new Observable<MessageEvent>((subscriber) => {
    const controller = new AbortController();
    void (async () => {
      try {
        for await (const event of source(controller.signal)) {
          subscriber.next({ type: 'assessment', data: event });
        }
        subscriber.complete();
      } catch (error) {
        if (controller.signal.aborted) {
          return;
        }
        subscriber.error(error);
      }
    })();
    return () => controller.abort();
  });
}
