import { randomBytes, randomUUID } from 'node:crypto';
import { ShareLinkTokens } from './share-link-token';

const key = (id: string) => ({ id, key: randomBytes(32) });

describe('ShareLinkTokens', () => {
  const current = key('k2');
  const previous = key('k1');
  const tokens = new ShareLinkTokens(current, [previous]);

  it('verifies a token it signed and names the link', () => {
    const linkId = randomUUID();
    expect(tokens.verify(tokens.sign(linkId))).toBe(linkId);
  });

  it('refuses every single-character alteration of a token', () => {
    const token = tokens.sign(randomUUID());
    for (let index = 0; index < token.length; index++) {
      if (token[index] === '.') {
        continue;
      }
      const replacement = token[index] === 'A' ? 'B' : 'A';
      const altered = `${token.slice(0, index)}${replacement}${token.slice(index + 1)}`;
      expect(tokens.verify(altered)).toBeNull();
    }
  });

  it('refuses a token naming another link with the first link’s signature', () => {
    const [idPart] = tokens.sign(randomUUID()).split('.');
    const [, signaturePart] = tokens.sign(randomUUID()).split('.');
    expect(tokens.verify(`${idPart}.${signaturePart}`)).toBeNull();
  });

  it('refuses malformed tokens', () => {
    for (const token of [
      '',
      '.',
      'abc',
      `${'A'.repeat(22)}.${'A'.repeat(42)}`,
      `${'A'.repeat(22)}.${'A'.repeat(44)}`,
    ]) {
      expect(tokens.verify(token)).toBeNull();
    }
  });

  it('refuses a token signed under another key, and keeps accepting one signed under a key being rotated out', () => {
    const linkId = randomUUID();
    expect(new ShareLinkTokens(key('other'), []).verify(tokens.sign(linkId))).toBeNull();
    expect(tokens.verify(new ShareLinkTokens(previous, []).sign(linkId))).toBe(linkId);
  });
});
