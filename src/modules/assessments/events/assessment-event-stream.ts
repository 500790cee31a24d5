import type { MessageEvent } from '@nestjs/common';
import { Observable } from 'rxjs';
import type { AssessmentEvent } from './assessment-events';

/**
 * Server-sent events from an event source: one `assessment` event per change (status, stage and progress in
 * `data`), ending when the source ends. The source stops on the request's SSE signal (the client left); what it
 * throws after an unsubscribe is not reported.
 */
export function eventStream(source: () => AsyncGenerator<AssessmentEvent>): Observable<MessageEvent> {
  return new Observable<MessageEvent>((subscriber) => {
    let unsubscribed = false;
    void (async () => {
      try {
        for await (const event of source()) {
          subscriber.next({ type: 'assessment', data: event });
        }
        subscriber.complete();
      } catch (error) {
        if (!unsubscribed) {
          subscriber.error(error);
        }
      }
    })();
    return () => {
      unsubscribed = true;
    };
  });
}
