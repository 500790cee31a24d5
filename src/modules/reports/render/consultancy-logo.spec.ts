import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readConsultancyLogo } from './consultancy-logo';

describe('readConsultancyLogo', () => {
  const directory = mkdtempSync(join(tmpdir(), 'kubeassay-logo-'));
  const file = (name: string, bytes: Buffer) => {
    const path = join(directory, name);
    writeFileSync(path, bytes);
    return path;
  };

  it('recognizes PNG and JPEG by their first bytes, whatever the file is called', () => {
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0]);
    const jpeg = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0]);
    expect(readConsultancyLogo(file('logo.jpg', png))).toEqual({ data: png, type: 'png' });
    expect(readConsultancyLogo(file('logo.png', jpeg))).toEqual({ data: jpeg, type: 'jpeg' });
  });

  it('refuses anything else, and files too large for a cover', () => {
    expect(() => readConsultancyLogo(file('logo.svg', Buffer.from('<svg/>')))).toThrow(
      /neither a PNG nor a JPEG/,
    );
    const huge = Buffer.alloc(2 * 1024 * 1024 + 1, 0);
    huge.set([0xff, 0xd8, 0xff]);
    expect(() => readConsultancyLogo(file('huge.jpg', huge))).toThrow(/larger than/);
  });
});
