import { pathWithoutSecrets } from './secret-paths';

describe('pathWithoutSecrets', () => {
  it('drops a share-link token however the router would still match its path', () => {
    expect(pathWithoutSecrets('/v1/shared-reports/abc.def')).toBe('/v1/shared-reports/[Redacted]');
    expect(pathWithoutSecrets('/V1/SHARED-REPORTS/abc.def')).toBe('/V1/SHARED-REPORTS/[Redacted]');
    expect(pathWithoutSecrets('http://host/v1/shared-reports/abc.def?x')).toBe(
      'http://host/v1/shared-reports/[Redacted]?x',
    );
  });

  it('leaves every other path alone', () => {
    expect(pathWithoutSecrets('/v1/reports/abc/content')).toBe('/v1/reports/abc/content');
  });
});
