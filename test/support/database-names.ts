/** The local PostgreSQL the tests use (trust auth); TEST_DATABASE_URL overrides the server. */
const SERVER = process.env['TEST_DATABASE_URL'] ?? 'postgres://postgres@127.0.0.1:5432/postgres';

export const TEMPLATE_DATABASE = 'kubeassay_test_template';

export function databaseUrl(name: string): string {
  const url = new URL(SERVER);
  url.pathname = `/${name}`;
  return url.toString();
}

export function adminUrl(): string {
  return databaseUrl('postgres');
}
