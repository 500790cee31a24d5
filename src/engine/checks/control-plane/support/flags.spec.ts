import { flagsOf, parseFlags } from './flags';

const tokens = (...texts: string[]) => texts.map((text, index) => ({ text, path: `command[${index}]` }));

describe('control plane flag parsing', () => {
  it('reads --flag=value, --flag value and bare boolean flags with the item that holds them', () => {
    const flags = parseFlags(
      tokens(
        'kube-apiserver',
        '--authorization-mode=Node,RBAC',
        '--audit-log-path',
        '/var/log/audit.log',
        '--profiling',
      ),
      new Set(['profiling']),
    );
    expect(flags).toEqual([
      {
        name: 'authorization-mode',
        value: 'Node,RBAC',
        path: 'command[1]',
        written: '--authorization-mode=Node,RBAC',
      },
      {
        name: 'audit-log-path',
        value: '/var/log/audit.log',
        path: 'command[2]',
        written: '--audit-log-path',
      },
      { name: 'profiling', value: 'true', path: 'command[4]', written: '--profiling' },
    ]);
  });

  it('lets a boolean flag take only true/false as a separate value', () => {
    const flags = parseFlags(
      tokens('--anonymous-auth', 'false', '--profiling', 'extra'),
      new Set(['anonymous-auth', 'profiling']),
    );
    expect(flags.map((flag) => [flag.name, flag.value])).toEqual([
      ['anonymous-auth', 'false'],
      ['profiling', 'true'],
    ]);
  });

  it('keeps an empty value as written and does not take the next flag as a value', () => {
    const flags = parseFlags(tokens('--token-auth-file=', '--audit-log-path', '--profiling=false'));
    expect(flags.map((flag) => [flag.name, flag.value])).toEqual([
      ['token-auth-file', ''],
      ['audit-log-path', 'true'],
      ['profiling', 'false'],
    ]);
  });

  it('uses the last occurrence of a flag and accumulates list flags', () => {
    const flags = flagsOf(
      {
        command: ['kube-apiserver', '--profiling=true', '--enable-admission-plugins=NodeRestriction'],
        args: ['--profiling=false', '--enable-admission-plugins= AlwaysPullImages'],
      },
      'spec.containers[0]',
    );
    expect(flags.last('profiling')).toMatchObject({ value: 'false', path: 'spec.containers[0].args[0]' });
    expect(flags.listValues('enable-admission-plugins')).toEqual(['NodeRestriction', 'AlwaysPullImages']);
    expect(flags.listPath).toBe('spec.containers[0].args');
  });

  it('splits a shell script into words and ignores malformed lists and items', () => {
    const script = flagsOf(
      { command: ['sh', '-c', 'exec kube-apiserver --anonymous-auth=false --profiling=false'] },
      'c',
    );
    expect(script.last('anonymous-auth')).toMatchObject({ value: 'false', path: 'c.command[2]' });
    const malformed = flagsOf(
      {
        command: 'kube-apiserver --profiling=false' as unknown as string[],
        args: [3, null] as unknown as string[],
      },
      'c',
    );
    expect(malformed.occurrences).toEqual([]);
    expect(malformed.listPath).toBe('c.command');
  });

  it('reads environment variables as written, for etcd', () => {
    const flags = flagsOf(
      { command: ['etcd'], env: [{ name: 'ETCD_CLIENT_CERT_AUTH', value: 'false' }, { name: 'X' }] },
      'c',
    );
    expect(flags.envVariable('ETCD_CLIENT_CERT_AUTH')).toEqual({
      name: 'ETCD_CLIENT_CERT_AUTH',
      value: 'false',
      path: 'c.env[0].value',
      written: 'ETCD_CLIENT_CERT_AUTH=false',
    });
    expect(flags.envVariable('X')).toBeUndefined();
  });
});
