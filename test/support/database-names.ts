/** The local PostgreSQL the tests use (trust auth); TEST_DATABASE_URL overrides the server. */
const SERVER = process.env['TEST_DATABASE_URL'] ?? 'postgres://postgres@127.0.0.1:5432/postgres';

/** Set by the global setup for the test workers: one template per run, so concurrent runs do not collide. */
export function templateDatabase(): string {
  const name = process.env['KUBEASSAY_TEST_TEMPLATE'];
  if (!name) {
    throw new Error(
      'KUBEASSAY_TEST_TEMPLATE is not set: run the tests through jest (globalSetup creates it)',
    );
  }
  return name;
}

export function databaseUrl(name: string): string {
  const url = new URL(SERVER);
  url.pathname = `/${name}`;
  return url.toString();
}

export function adminUrl(): string {
  return databaseUrl('postgres');
}
