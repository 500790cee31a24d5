/** One server-sent event as received: its `event:` name and its `data:` parsed as JSON. */
export interface ReceivedEvent<T> {
  type: string;
  data: T;
}

/**
 * Opens an event stream and collects its events until the server ends it (or `timeoutMs` passes, then it
 * throws): parses the wire format itself, as a browser's EventSource would.
 */
export async function readEventStream<T>(
  url: string,
  headers: Record<string, string>,
  timeoutMs = 60_000,
): Promise<{ status: number; contentType: string | null; events: ReceivedEvent<T>[] }> {
  const response = await fetch(url, {
    headers: { accept: 'text/event-stream', ...headers },
    signal: AbortSignal.timeout(timeoutMs),
  });
  const contentType = response.headers.get('content-type');
  if (!response.ok || !response.body) {
    return { status: response.status, contentType, events: [] };
  }
  const events: ReceivedEvent<T>[] = [];
  const decoder = new TextDecoder();
  let buffered = '';
  for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
    buffered += decoder.decode(chunk, { stream: true });
    let end = buffered.indexOf('\n\n');
    while (end >= 0) {
      const block = buffered.slice(0, end);
      buffered = buffered.slice(end + 2);
      const fields = block.split('\n').filter((line) => !line.startsWith(':'));
      const type =
        fields
          .find((line) => line.startsWith('event:'))
          ?.slice(6)
          .trim() ?? 'message';
      const data = fields
        .filter((line) => line.startsWith('data:'))
        .map((line) => line.slice(5).trimStart())
        .join('\n');
      if (data !== '') {
        events.push({ type, data: JSON.parse(data) as T });
      }
      end = buffered.indexOf('\n\n');
    }
  }
  return { status: response.status, contentType, events };
}
