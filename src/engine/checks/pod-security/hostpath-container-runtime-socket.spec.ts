import { runCheck } from '../../../../test/support/check-harness';
import { CheckStatus } from '../../check-result';
import { hostpathContainerRuntimeSocket } from './hostpath-container-runtime-socket';

const pod = (...paths: string[]) =>
  JSON.stringify({
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name: 'builder', namespace: 'ci' },
    spec: {
      containers: [{ name: 'builder' }],
      volumes: paths.map((path, index) => ({ name: `host-${index}`, hostPath: { path, type: 'Socket' } })),
    },
  });

const reported = (...paths: string[]) => runCheck(hostpathContainerRuntimeSocket, pod(...paths)).findings;

describe('hostpath-container-runtime-socket', () => {
  it('reports the Docker socket with the volume as evidence', () => {
    const { findings, result } = runCheck(hostpathContainerRuntimeSocket, pod('/var/run/docker.sock'));
    expect(result.status).toBe(CheckStatus.Failed);
    expect(findings[0]).toMatchObject({
      resource: { kind: 'Pod', namespace: 'ci', name: 'builder' },
      message: "The pod mounts the node path /var/run/docker.sock, giving it the container runtime's API",
      evidence: { path: 'spec.volumes[0].hostPath.path', value: '/var/run/docker.sock' },
    });
  });

  it('reports the sockets of every runtime, wherever a distribution puts them', () => {
    const sockets = [
      '/run/containerd/containerd.sock',
      '/var/run/crio/crio.sock',
      '/run/cri-dockerd.sock',
      '/var/snap/microk8s/common/run/containerd.sock',
      '/run/k3s/containerd/containerd.sock',
      '/run/podman/podman.sock',
      '\\\\.\\pipe\\docker_engine',
    ];
    expect(reported(...sockets)).toHaveLength(sockets.length);
  });

  it('reports runtime directories and the directories that contain them', () => {
    const findings = reported('/run/containerd/', '/var/run', '/run/k3s', '/');
    expect(findings.map((finding) => finding.message)).toEqual([
      "The pod mounts the node path /run/containerd/, giving it the container runtime's API",
      "The pod mounts the node path /var/run (it reaches /run/containerd), giving it the container runtime's API",
      "The pod mounts the node path /run/k3s (it reaches /run/k3s/containerd), giving it the container runtime's API",
      "The pod mounts the node path / (it reaches /run/containerd), giving it the container runtime's API",
    ]);
  });

  it('passes other sockets and directories', () => {
    const { result } = runCheck(
      hostpathContainerRuntimeSocket,
      pod(
        '/var/lib/kubelet/pod-resources',
        '/run/systemd/journal/socket',
        '/var/log',
        '/run/containerd-backup',
        '/var',
      ),
    );
    expect(result.status).toBe(CheckStatus.Passed);
  });
});
