import assert from 'node:assert/strict';
import { statfsSync } from 'node:fs';
import { test } from 'node:test';
import { cgroup2Mounts, cgroup2Root, containerIdOf } from './cgroup.js';

test('the cgroup v2 mount is read from mountinfo, beside v1 controllers, its escapes undone', () => {
  const info = [
    '31 23 0:28 / /sys/fs/cgroup rw,relatime - tmpfs tmpfs rw,mode=755',
    '32 31 0:29 / /sys/fs/cgroup/cpu rw,relatime - cgroup cgroup rw,cpu',
    '41 31 0:38 / /sys/fs/cgroup/unified rw,relatime shared:7 - cgroup2 cgroup2 rw,nsdelegate',
    '52 23 0:40 / /mnt/my\\040cgroups rw - cgroup2 none rw',
  ].join('\n');
  assert.deepEqual(cgroup2Mounts(info), ['/sys/fs/cgroup/unified', '/mnt/my cgroups']);
  assert.deepEqual(cgroup2Mounts('32 31 0:29 / /sys/fs/cgroup/cpu rw - cgroup cgroup rw,cpu\n'), []);
  // This machine's: a cgroup v2 file system.
  assert.equal(statfsSync(cgroup2Root()).type, 0x63677270);
});

test('container ids in the cgroup names docker, containerd, cri-o and podman give', () => {
  const id = 'a'.repeat(32) + '0123456789abcdef'.repeat(2);
  assert.equal(containerIdOf(`docker-${id}.scope`, 'system.slice'), id);
  assert.equal(containerIdOf(`cri-containerd-${id}.scope`, 'kubepods-besteffort-pod1234.slice'), id);
  assert.equal(containerIdOf(`crio-${id}.scope`, 'kubepods-burstable-pod99.slice'), id);
  assert.equal(containerIdOf(`libpod-${id}.scope`, 'machine.slice'), id);
  assert.equal(containerIdOf(`libpod-${id}`, 'libpod_parent'), id);
  assert.equal(containerIdOf(id, 'docker'), id);
  assert.equal(containerIdOf(id, 'k8s.io', true), id, "containerd's cgroupfs driver: /<namespace>/<id>");
  assert.equal(containerIdOf(id, 'default', true), id);
  assert.equal(containerIdOf(id, 'default'), undefined, 'a bare id below a directory deeper than the top is no containerd namespace');
  assert.equal(containerIdOf(id, 'podd5e1c5d0-3b7a-4d1c-9d0e-0a1b2c3d4e5f'), id);
  assert.equal(containerIdOf(`libpod-conmon-${id}.scope`, 'machine.slice'), undefined, 'podman\'s monitor, not the container');
  assert.equal(containerIdOf(id, 'system.slice'), undefined, 'a bare id only where a runtime puts one');
  assert.equal(containerIdOf('docker.service', 'system.slice'), undefined);
  assert.equal(containerIdOf(`docker-${id.slice(1)}.scope`, 'system.slice'), undefined, '63 digits');
});
