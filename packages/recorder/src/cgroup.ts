// --cgroup and --container: the cgroup v2 directory whose processes bt-record records.
// The v2 hierarchy is found in /proc/self/mountinfo (it may be mounted beside the v1
// controllers, as /sys/fs/cgroup/unified), never assumed; a container's cgroup is found
// there by the names docker, containerd (cri-containerd, k8s) and podman give theirs.
import { readdirSync, readFileSync, realpathSync, statfsSync, statSync } from 'node:fs';
import { isAbsolute, join, resolve } from 'node:path';
import { RecordError } from './errors.js';

const CGROUP2_SUPER_MAGIC = 0x63677270;

/** The mount points of cgroup v2 hierarchies, from a mountinfo text (proc(5)). */
export function cgroup2Mounts(mountinfo: string): string[] {
  const out: string[] = [];
  for (const line of mountinfo.split('\n')) {
    const sep = line.indexOf(' - ');
    if (sep < 0) continue;
    const fstype = line.slice(sep + 3).split(' ')[0];
    const mountPoint = line.slice(0, sep).split(' ')[4];
    if (fstype === 'cgroup2' && mountPoint) out.push(mountPoint.replace(/\\([0-7]{3})/g, (_m, o: string) => String.fromCharCode(parseInt(o, 8))));
  }
  return out;
}

/** This machine's cgroup v2 mount point; NO_SUCH_CGROUP when none is mounted. */
export function cgroup2Root(): string {
  const mounts = cgroup2Mounts(readFileSync('/proc/self/mountinfo', 'utf8'));
  if (mounts.length === 0) throw new RecordError('NO_SUCH_CGROUP', 'no cgroup v2 hierarchy is mounted (none in /proc/self/mountinfo)');
  return mounts[0]!;
}

/**
 * PATH of --cgroup as an absolute cgroup v2 directory: a path, or one relative to the v2
 * mount (system.slice/nginx.service). NO_SUCH_CGROUP when it does not exist or is not v2.
 */
export function resolveCgroup(path: string): string {
  const candidates = isAbsolute(path) ? [path] : [resolve(path), join(cgroup2Root(), path)];
  for (const p of candidates) {
    let dir;
    try {
      dir = statSync(p).isDirectory();
    } catch {
      continue;
    }
    if (!dir) throw new RecordError('NO_SUCH_CGROUP', `--cgroup: '${path}' is not a directory`);
    if (statfsSync(p).type !== CGROUP2_SUPER_MAGIC) {
      throw new RecordError('NO_SUCH_CGROUP', `--cgroup: '${path}' is not in a cgroup v2 hierarchy (cgroup v2 is mounted at ${cgroup2Root()})`);
    }
    return realpathSync(p);
  }
  throw new RecordError('NO_SUCH_CGROUP', `--cgroup: '${path}' does not exist`);
}

/**
 * The container id in a cgroup directory's name, as the runtimes name them: systemd's
 * driver `docker-<id>.scope`, `cri-containerd-<id>.scope`, `crio-<id>.scope`,
 * `libpod-<id>.scope`; cgroupfs's `libpod-<id>`, and `<id>` under `docker/`, `libpod_parent/`, a k8s
 * `kubepods.../pod<uid>/`, or a containerd namespace (`/<namespace>/<id>`: `parentAtTop`, the
 * parent directly below the hierarchy's root, e.g. `/k8s.io/<id>`, `/default/<id>`). Undefined
 * for any other directory.
 */
export function containerIdOf(name: string, parent: string, parentAtTop = false): string | undefined {
  const scope = /^(?:docker|cri-containerd|crio|libpod)-([0-9a-f]{64})(?:\.scope)?$/.exec(name);
  if (scope) return scope[1];
  if (/^[0-9a-f]{64}$/.test(name) && (parentAtTop || /^(?:docker|libpod_parent|pod.*|kubepods.*|crio.*|containerd)$/.test(parent))) return name;
  return undefined;
}

/**
 * The cgroup of the container whose id is, or starts with, `id`, searched in the v2
 * hierarchy under `root`: the shallowest directory named for it. NO_SUCH_CONTAINER
 * when there is none, or when the prefix names more than one container.
 */
export function findContainer(id: string, root = cgroup2Root()): string {
  const want = id.toLowerCase();
  if (!/^[0-9a-f]{1,64}$/.test(want)) throw new RecordError('USAGE', `--container: '${id}' is not a container id (hexadecimal, a unique prefix of the 64 digits)`);
  const found = new Map<string, string>();
  const queue: [string, string, number][] = [[root, '', 0]];
  while (queue.length > 0) {
    const [dir, name, depth] = queue.shift()!;
    let entries;
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch {
      continue; // gone meanwhile, or not readable
    }
    for (const e of entries) {
      if (!e.isDirectory()) continue;
      const full = join(dir, e.name);
      const cid = containerIdOf(e.name, name, depth === 1);
      if (cid !== undefined) {
        if (cid.startsWith(want) && !found.has(cid)) found.set(cid, full);
        continue; // below a container's cgroup: its own sub-cgroups
      }
      if (depth < 8) queue.push([full, e.name, depth + 1]);
    }
  }
  if (found.size === 0) throw new RecordError('NO_SUCH_CONTAINER', `--container: no container ${id} (no docker, containerd or podman cgroup for it under ${root})`);
  if (found.size > 1) throw new RecordError('NO_SUCH_CONTAINER', `--container: '${id}' is ambiguous: ${[...found.keys()].map((k) => k.slice(0, 12)).join(', ')}`);
  return [...found.values()][0]!;
}

/** The processes in a cgroup directory and in those below it now (their cgroup.procs). */
export function cgroupProcesses(dir: string): number[] {
  const pids: number[] = [];
  const walk = (d: string, depth: number): void => {
    try {
      for (const l of readFileSync(join(d, 'cgroup.procs'), 'utf8').split('\n')) if (l) pids.push(Number(l));
      if (depth < 32) for (const e of readdirSync(d, { withFileTypes: true })) if (e.isDirectory()) walk(join(d, e.name), depth + 1);
    } catch {
      // removed meanwhile
    }
  };
  walk(dir, 0);
  return pids;
}
