import { createHmac } from 'node:crypto';
import { isValidSignature } from './webhook-signature';

describe('isValidSignature', () => {
  const body = Buffer.from('{"webhookEvent":"jira:issue_updated"}');
  const signed = (secret: string, bytes = body) =>
    `sha256=${createHmac('sha256', secret).update(bytes).digest('hex')}`;

  it('accepts Jira’s signature of the raw body', () => {
    expect(isValidSignature(signed('s3cret-s3cret-s3cret'), body, 's3cret-s3cret-s3cret')).toBe(true);
  });

  it('refuses another secret, another body, another algorithm, and no signature', () => {
    expect(isValidSignature(signed('other-other-other-1'), body, 's3cret-s3cret-s3cret')).toBe(false);
    expect(
      isValidSignature(signed('s3cret-s3cret-s3cret', Buffer.from('{}')), body, 's3cret-s3cret-s3cret'),
    ).toBe(false);
    expect(
      isValidSignature(
        signed('s3cret-s3cret-s3cret').replace('sha256', 'sha1'),
        body,
        's3cret-s3cret-s3cret',
      ),
    ).toBe(false);
    expect(isValidSignature(undefined, body, 's3cret-s3cret-s3cret')).toBe(false);
    expect(isValidSignature('sha256=abc', body, 's3cret-s3cret-s3cret')).toBe(false);
  });
});
