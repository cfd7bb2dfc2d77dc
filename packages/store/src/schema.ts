// The database schema: tables, views and indexes, their one-line descriptions
// (printed by `bt-query --schema` and listed in the README), and the migrations
// that bring an older database up to date.
//
// Conventions: every `*_ns` column is nanoseconds (a duration, or a time since
// the trace's recording started); `*_epoch_ns` is nanoseconds since 1970. Rows of
// one trace carry its `trace_id`. Syscall rows are numbered globally (`calls.id`)
// and per trace (`seq`, in the order the kernel delivered them).

/** Schema version written to PRAGMA user_version. */
export const SCHEMA_VERSION = 4;

export interface ColumnDoc {
  readonly name: string;
  readonly doc: string;
  /** The column holds captured data (what the traced programs read and wrote), which bt-store add --no-data leaves out. */
  readonly captured?: boolean;
}
export interface ObjectDoc { readonly name: string; readonly kind: 'table' | 'view'; readonly doc: string; readonly columns: readonly ColumnDoc[] }

const c = (name: string, doc: string): ColumnDoc => ({ name, doc });
/** A column that holds captured data. */
const captured = (name: string, doc: string): ColumnDoc => ({ name, doc, captured: true });

/** Descriptions of every user-visible table and view, in the order --schema prints them. */
export const SCHEMA_DOCS: readonly ObjectDoc[] = [
  {
    name: 'traces', kind: 'table', doc: 'One row per stored trace file',
    columns: [
      c('id', 'Trace id (what bt-store ls shows and rm takes)'),
      c('hash', 'SHA-256 of the file content: the same file is stored once'),
      c('file', 'Path the file was added from (absolute)'),
      c('added_epoch_ns', 'When it was added'),
      c('command', 'The traced command line, space-separated (empty when attached with -p)'),
      c('argv', 'The traced command line as a JSON array'),
      c('cwd', 'Working directory of the recording'),
      c('host', 'Host name of the recording machine'),
      c('kernel', 'Kernel release of the recording machine'),
      c('arch', 'Machine architecture (uname -m)'),
      c('abi', 'Syscall table the numbers refer to'),
      c('recorder_version', 'Version of bt-record that wrote the file'),
      c('root_pid', 'Process started or attached to'),
      c('attached', '1 when recorded with -p'),
      c('start_epoch_ns', 'Wall-clock time recording started'),
      c('start_time', 'Same, ISO 8601 UTC'),
      c('duration_ns', 'Recording start to end (to the last stored event when the trailer is missing)'),
      c('exit_status', 'How the program ended: "exit N", "killed by SIGX", or NULL when unknown'),
      c('exit_code', 'Exit code of the started program, NULL unless it exited'),
      c('term_signal', 'Signal number that killed it, NULL unless killed'),
      c('stop_reason', 'Why recording stopped: exited, signal, detached, error; rotated, dumped: a --rotate/--flight file that ended while recording went on (NULL without trailer)'),
      c('syscalls', 'Syscalls stored'),
      c('process_events', 'Process events stored (fork, exec, exit, signal)'),
      c('processes', 'Distinct processes seen'),
      c('unfinished', 'Calls that had not returned when recording ended'),
      c('lost', 'Events the kernel dropped (ring buffer full), all CPUs'),
      c('lost_per_cpu', 'The same per CPU, JSON array'),
      c('complete', '1 when the whole file was read, trailer included'),
      c('truncated', '1 when the file was damaged or cut short: only its complete batches are stored'),
      c('problem', 'Why reading stopped early (code: message), NULL when complete'),
      c('file_bytes', 'Size of the file'),
      c('first_call_id', 'calls.id of its first syscall (a trace\'s calls have consecutive ids)'),
      c('last_call_id', 'calls.id of its last syscall'),
      c('data', '1 when its captured data is stored, 0 when left out (bt-record --no-data or bt-store add --no-data), NULL when stored before schema 4'),
    ],
  },
  {
    name: 'calls', kind: 'table', doc: 'Every syscall, raw (the syscalls view adds names and errno)',
    columns: [
      c('id', 'Global row id'),
      c('trace_id', 'Trace'),
      c('seq', 'Position in the trace, from 0, in delivery order'),
      c('pid', 'Process (thread group id)'),
      c('tid', 'Thread'),
      c('nr', 'Syscall number'),
      c('ret', 'Return value as the kernel returned it (-errno on failure)'),
      c('errno', 'Error name when the call failed (ENOENT...), else NULL'),
      c('ts_ns', 'Entry time, since recording start'),
      c('dur_ns', 'Time in the call (0 for unfinished calls)'),
      c('arg0', 'Argument registers as signed 64-bit integers'),
      c('arg1', ''), c('arg2', ''), c('arg3', ''), c('arg4', ''), c('arg5', ''),
      c('flags', 'Bit set: 1 unfinished, 2 entry not seen'),
      c('path_id', 'paths.id of the path the call touched (its path argument, or the path its fd was opened with)'),
      c('path2_id', 'paths.id of a second path argument (rename, link, mount...)'),
      c('fd', 'The file descriptor argument resolved to path_id, NULL for path arguments'),
      captured('caps', 'Captured memory as JSON [[arg, flags, element, hex bytes], ...], NULL when none (read it through the captures view)'),
      captured('args', 'The arguments as bt-show prints them (strace style, strings cut at 32), NULL for traces stored before schema 3'),
    ],
  },
  {
    name: 'paths', kind: 'table', doc: 'Distinct path strings, shared by all traces',
    columns: [c('id', 'Path id'), c('path', 'The path as the program passed it')],
  },
  {
    name: 'captures', kind: 'view', doc: 'Memory captured for pointer arguments: strings, buffers, structs (one row per capture)',
    columns: [
      c('call_id', 'calls.id'),
      c('n', 'Capture number within the call, from 0'),
      c('arg', 'Argument index 0..5'),
      c('element', 'Element index for arrays (execve argv), else 0'),
      c('kind', 'string, buffer, struct, iovec, strings, count or array (the syscall table\'s capture kind)'),
      c('truncated', '1 when more bytes existed than were captured'),
      c('fault', '1 when the memory could not be read'),
      c('at_exit', '1 when captured at return (an output), 0 at entry'),
      captured('data', 'The bytes'),
      c('text', 'The bytes as text, for string captures (paths, argv elements)'),
    ],
  },
  {
    name: 'processes', kind: 'table', doc: 'One row per process (thread group) seen in a trace',
    columns: [
      c('trace_id', 'Trace'),
      c('pid', 'Process id'),
      c('parent_pid', 'Parent process id, NULL when it was running before recording started'),
      c('exe', 'Last program it exec\'d, NULL when it never exec\'d in the trace'),
      c('argv', 'argv of that exec as a JSON array (as captured)'),
      c('start_ns', 'Fork time (or first event seen), since recording start'),
      c('end_ns', 'Exit time, NULL when it was still running'),
      c('exit_status', 'Wait status as wait4 reports it, NULL when it did not exit'),
      c('exit_code', 'Exit code when it exited normally'),
      c('term_signal', 'Signal that killed it'),
      c('threads', 'Threads created (besides the first)'),
      c('syscalls', 'Syscalls made'),
    ],
  },
  {
    name: 'execs', kind: 'table', doc: 'Every successful execve, in order',
    columns: [
      c('trace_id', 'Trace'), c('pid', 'Process'), c('tid', 'Thread that is the process after exec'),
      c('ts_ns', 'Time since recording start'), c('filename', 'Program path'),
      c('argv', 'argv as a JSON array, from the execve call\'s capture (NULL if not captured)'),
    ],
  },
  {
    name: 'signals', kind: 'table', doc: 'Signals delivered',
    columns: [
      c('trace_id', 'Trace'), c('ts_ns', 'Time since recording start'), c('pid', 'Process'), c('tid', 'Thread'),
      c('signo', 'Signal number'), c('signal', 'Signal name (SIGINT...)'),
    ],
  },
  {
    name: 'sockets', kind: 'table', doc: 'One row per socket: who made it, its addresses and the bytes through it',
    columns: [
      c('trace_id', 'Trace'), c('pid', 'Process that created it'), c('fd', 'Its first file descriptor'),
      c('call_id', 'calls.id of the socket, socketpair or accept call'),
      c('family', 'Address family (AF_INET, AF_INET6, AF_UNIX...)'),
      c('type', 'SOCK_STREAM, SOCK_DGRAM...'), c('protocol', 'Protocol number'),
      c('local', 'Address it was bound to (bind), NULL if never bound'),
      c('peer', 'Address it connected to, was accepted from or last sent to'),
      c('bytes_sent', 'Sum of successful write/send* returns'),
      c('bytes_received', 'Sum of successful read/recv* returns'),
      c('calls', 'Calls made on it'),
      c('opened_ns', 'Creation time, since recording start'),
      c('closed_ns', 'Time of its last close, NULL if never closed'),
    ],
  },
  {
    name: 'call_stats', kind: 'table', doc: 'Per trace and syscall number: counts and time (what summary reads)',
    columns: [
      c('trace_id', 'Trace'), c('nr', 'Syscall number'), c('calls', 'Calls'),
      c('errors', 'Calls that failed (-4095 <= ret < 0)'), c('total_ns', 'Sum of dur_ns'),
      c('min_ns', 'Shortest call'), c('max_ns', 'Longest call'),
    ],
  },
  {
    name: 'syscall_names', kind: 'table', doc: 'Syscall numbers and names of the ABI',
    columns: [c('nr', 'Syscall number'), c('name', 'Syscall name'), c('classes', 'strace classes, comma-separated (file, desc, network...)')],
  },
  {
    name: 'capture_kinds', kind: 'table', doc: 'What the recorder captures for each pointer argument (from the syscall table)',
    columns: [c('nr', 'Syscall number'), c('arg', 'Argument index'), c('kind', 'string, buffer, struct, iovec, strings, count or array')],
  },
  {
    name: 'syscalls', kind: 'view', doc: 'Every syscall with its name, errno and path',
    columns: [
      c('id', 'calls.id'), c('trace_id', 'Trace'), c('seq', 'Position in the trace'), c('pid', 'Process'), c('tid', 'Thread'),
      c('name', 'Syscall name'), c('nr', 'Syscall number'),
      c('arg0', 'Raw argument registers'), c('arg1', ''), c('arg2', ''), c('arg3', ''), c('arg4', ''), c('arg5', ''),
      c('ret', 'Return value'), c('errno', 'Error name when failed, else NULL'),
      c('ts_ns', 'Entry time since recording start'), c('dur_ns', 'Time in the call'),
      c('flags', '1 unfinished, 2 entry not seen'), c('path', 'Path touched (see file_access)'),
      captured('args', 'Decoded arguments, as bt-show prints them between the parentheses'),
    ],
  },
  {
    name: 'file_access', kind: 'view', doc: 'Every path touched: path arguments and fd-based calls resolved to the path the fd was opened with',
    columns: [
      c('trace_id', 'Trace'), c('call_id', 'calls.id'), c('seq', 'Position in the trace'), c('ts_ns', 'Time since recording start'),
      c('pid', 'Process'), c('tid', 'Thread'), c('syscall', 'The operation (syscall name)'),
      c('path', 'The path, as the program passed it'), c('via', 'path (a path argument), path2 (second path argument) or fd'),
      c('fd', 'The file descriptor, for via = fd'),
      c('ret', 'Return value'), c('ok', '1 when the call succeeded'), c('errno', 'Error name when it failed'), c('dur_ns', 'Time in the call'),
    ],
  },
  {
    name: 'failures', kind: 'view', doc: 'Calls that failed, with errno and path',
    columns: [
      c('trace_id', 'Trace'), c('call_id', 'calls.id'), c('seq', 'Position'), c('ts_ns', 'Time'), c('pid', 'Process'), c('tid', 'Thread'),
      c('syscall', 'Syscall name'), c('errno', 'Error name'), c('ret', 'Return value (-errno)'), c('path', 'Path touched, if any'), c('dur_ns', 'Time in the call'),
    ],
  },
  {
    name: 'summary', kind: 'view', doc: 'bt-show -c per trace: time, calls and errors per syscall (calls that never returned, like exit_group, count with no time)',
    columns: [
      c('trace_id', 'Trace'), c('pct_time', 'Share of the trace\'s syscall time, percent'), c('total_ns', 'Sum of call durations'),
      c('avg_ns', 'Average duration (integer)'), c('calls', 'Calls'), c('errors', 'Failed calls'), c('syscall', 'Syscall name'),
      c('min_ns', 'Shortest call'), c('max_ns', 'Longest call'),
    ],
  },
  {
    name: 'process_tree', kind: 'view', doc: 'Processes in tree order with depth and an indented label',
    columns: [
      c('trace_id', 'Trace'), c('pid', 'Process'), c('parent_pid', 'Parent'), c('depth', '0 for a root'),
      c('tree', 'pid and program, indented by depth'), c('exe', 'Program'), c('exit_status', 'Wait status'),
      c('exit_code', 'Exit code when it exited normally'), c('term_signal', 'Signal that killed it'),
      c('start_ns', 'Start'), c('end_ns', 'End'), c('syscalls', 'Syscalls made'),
    ],
  },
  {
    name: 'network', kind: 'view', doc: 'Sockets with their peers and the bytes through them',
    columns: [
      c('trace_id', 'Trace'), c('pid', 'Process'), c('fd', 'First fd'), c('family', 'Address family'), c('type', 'Socket type'),
      c('local', 'Bound address'), c('peer', 'Peer address'), c('bytes_sent', 'Bytes sent'), c('bytes_received', 'Bytes received'),
      c('calls', 'Calls on it'), c('opened_ns', 'Created'), c('closed_ns', 'Closed'),
    ],
  },
];

/** Migrations: MIGRATIONS[k] brings a database from version k to k + 1. Views are recreated after every migration. */
export const MIGRATIONS: readonly string[] = [
  // 0 -> 1: the tables.
  `
  CREATE TABLE traces (
    id INTEGER PRIMARY KEY,
    hash TEXT NOT NULL UNIQUE,
    file TEXT NOT NULL,
    added_epoch_ns INTEGER NOT NULL,
    command TEXT NOT NULL,
    argv TEXT NOT NULL,
    cwd TEXT,
    host TEXT,
    kernel TEXT,
    arch TEXT,
    abi TEXT,
    recorder_version TEXT,
    root_pid INTEGER,
    attached INTEGER NOT NULL DEFAULT 0,
    start_epoch_ns INTEGER,
    start_time TEXT,
    duration_ns INTEGER,
    exit_status TEXT,
    exit_code INTEGER,
    term_signal INTEGER,
    stop_reason TEXT,
    syscalls INTEGER NOT NULL DEFAULT 0,
    process_events INTEGER NOT NULL DEFAULT 0,
    processes INTEGER NOT NULL DEFAULT 0,
    unfinished INTEGER NOT NULL DEFAULT 0,
    lost INTEGER NOT NULL DEFAULT 0,
    lost_per_cpu TEXT NOT NULL DEFAULT '[]',
    complete INTEGER NOT NULL DEFAULT 0,
    truncated INTEGER NOT NULL DEFAULT 0,
    problem TEXT,
    file_bytes INTEGER,
    first_call_id INTEGER,
    last_call_id INTEGER
  );
  CREATE TABLE paths (id INTEGER PRIMARY KEY, path TEXT NOT NULL UNIQUE);
  CREATE TABLE calls (
    id INTEGER PRIMARY KEY,
    trace_id INTEGER NOT NULL,
    seq INTEGER NOT NULL,
    pid INTEGER NOT NULL,
    tid INTEGER NOT NULL,
    nr INTEGER NOT NULL,
    ret INTEGER NOT NULL,
    errno TEXT,
    ts_ns INTEGER NOT NULL,
    dur_ns INTEGER NOT NULL,
    arg0 INTEGER, arg1 INTEGER, arg2 INTEGER, arg3 INTEGER, arg4 INTEGER, arg5 INTEGER,
    flags INTEGER NOT NULL,
    path_id INTEGER,
    path2_id INTEGER,
    fd INTEGER,
    caps TEXT
  );
  CREATE TABLE capture_kinds (nr INTEGER NOT NULL, arg INTEGER NOT NULL, kind TEXT NOT NULL, PRIMARY KEY (nr, arg)) WITHOUT ROWID;
  CREATE TABLE processes (
    trace_id INTEGER NOT NULL,
    pid INTEGER NOT NULL,
    parent_pid INTEGER,
    exe TEXT,
    argv TEXT,
    start_ns INTEGER,
    end_ns INTEGER,
    exit_status INTEGER,
    exit_code INTEGER,
    term_signal INTEGER,
    threads INTEGER NOT NULL DEFAULT 0,
    syscalls INTEGER NOT NULL DEFAULT 0
  );
  CREATE TABLE execs (trace_id INTEGER NOT NULL, pid INTEGER NOT NULL, tid INTEGER NOT NULL, ts_ns INTEGER NOT NULL, filename TEXT NOT NULL, argv TEXT);
  CREATE TABLE signals (trace_id INTEGER NOT NULL, ts_ns INTEGER NOT NULL, pid INTEGER NOT NULL, tid INTEGER NOT NULL, signo INTEGER NOT NULL, signal TEXT);
  CREATE TABLE sockets (
    trace_id INTEGER NOT NULL, pid INTEGER NOT NULL, fd INTEGER NOT NULL, call_id INTEGER,
    family TEXT, type TEXT, protocol INTEGER, local TEXT, peer TEXT,
    bytes_sent INTEGER NOT NULL DEFAULT 0, bytes_received INTEGER NOT NULL DEFAULT 0, calls INTEGER NOT NULL DEFAULT 0,
    opened_ns INTEGER, closed_ns INTEGER
  );
  CREATE TABLE call_stats (
    trace_id INTEGER NOT NULL, nr INTEGER NOT NULL, calls INTEGER NOT NULL, errors INTEGER NOT NULL,
    total_ns INTEGER NOT NULL, min_ns INTEGER NOT NULL, max_ns INTEGER NOT NULL,
    PRIMARY KEY (trace_id, nr)
  ) WITHOUT ROWID;
  CREATE TABLE syscall_names (nr INTEGER PRIMARY KEY, name TEXT NOT NULL, classes TEXT NOT NULL);
  CREATE INDEX calls_nr ON calls (nr, trace_id);
  CREATE INDEX calls_pid ON calls (pid, trace_id);
  CREATE INDEX calls_path ON calls (path_id) WHERE path_id IS NOT NULL;
  `,
  // 1 -> 2: indexes for the failures view, second paths and per-trace deletes of the small tables.
  `
  CREATE INDEX calls_path2 ON calls (path2_id) WHERE path2_id IS NOT NULL;
  CREATE INDEX calls_failed ON calls (trace_id, errno) WHERE errno IS NOT NULL;
  CREATE INDEX processes_trace ON processes (trace_id, pid);
  CREATE INDEX execs_trace ON execs (trace_id, pid);
  CREATE INDEX signals_trace ON signals (trace_id);
  CREATE INDEX sockets_trace ON sockets (trace_id);
  `,
  // 2 -> 3: the decoded argument text (from @beetrace/analyze's decoder). Rows stored before stay NULL.
  `
  ALTER TABLE calls ADD COLUMN args TEXT;
  `,
  // 3 -> 4: whether a trace's captured data is stored (bt-store add --no-data). Rows stored before stay NULL.
  `
  ALTER TABLE traces ADD COLUMN data INTEGER;
  `,
];

/** The views, (re)created after migrating. */
export const VIEWS = `
DROP VIEW IF EXISTS syscalls;
CREATE VIEW syscalls AS
  SELECT c.id, c.trace_id, c.seq, c.pid, c.tid, n.name, c.nr, c.arg0, c.arg1, c.arg2, c.arg3, c.arg4, c.arg5,
         c.ret, c.errno, c.ts_ns, c.dur_ns, c.flags, p.path, c.args
  FROM calls c JOIN syscall_names n ON n.nr = c.nr LEFT JOIN paths p ON p.id = c.path_id;
DROP VIEW IF EXISTS file_access;
CREATE VIEW file_access AS
  SELECT c.trace_id, c.id AS call_id, c.seq, c.ts_ns, c.pid, c.tid, n.name AS syscall, p.path,
         CASE WHEN c.fd IS NULL THEN 'path' ELSE 'fd' END AS via, c.fd,
         c.ret, c.errno IS NULL AS ok, c.errno, c.dur_ns
  FROM paths p JOIN calls c ON c.path_id = p.id JOIN syscall_names n ON n.nr = c.nr
  UNION ALL
  SELECT c.trace_id, c.id, c.seq, c.ts_ns, c.pid, c.tid, n.name, p.path, 'path2', NULL,
         c.ret, c.errno IS NULL, c.errno, c.dur_ns
  FROM paths p JOIN calls c ON c.path2_id = p.id JOIN syscall_names n ON n.nr = c.nr;
DROP VIEW IF EXISTS failures;
CREATE VIEW failures AS
  SELECT c.trace_id, c.id AS call_id, c.seq, c.ts_ns, c.pid, c.tid, n.name AS syscall, c.errno, c.ret, p.path, c.dur_ns
  FROM calls c JOIN syscall_names n ON n.nr = c.nr LEFT JOIN paths p ON p.id = c.path_id
  WHERE c.errno IS NOT NULL;
DROP VIEW IF EXISTS summary;
CREATE VIEW summary AS
  SELECT s.trace_id,
         round(100.0 * s.total_ns / nullif(sum(s.total_ns) OVER (PARTITION BY s.trace_id), 0), 2) AS pct_time,
         s.total_ns, s.total_ns / s.calls AS avg_ns, s.calls, s.errors, n.name AS syscall, s.min_ns, s.max_ns
  FROM call_stats s JOIN syscall_names n ON n.nr = s.nr;
DROP VIEW IF EXISTS process_tree;
CREATE VIEW process_tree AS
  WITH RECURSIVE tree (trace_id, pid, start_ns, depth, sort) AS (
    SELECT p.trace_id, p.pid, p.start_ns, 0, printf('%020d.%010d', ifnull(p.start_ns, 0), p.pid)
    FROM processes p
    WHERE p.parent_pid IS NULL
       OR NOT EXISTS (SELECT 1 FROM processes q WHERE q.trace_id = p.trace_id AND q.pid = p.parent_pid
                      AND ifnull(q.start_ns, 0) <= ifnull(p.start_ns, 0))
    UNION ALL
    SELECT c.trace_id, c.pid, c.start_ns, t.depth + 1, t.sort || '/' || printf('%020d.%010d', ifnull(c.start_ns, 0), c.pid)
    FROM tree t JOIN processes c ON c.trace_id = t.trace_id AND c.parent_pid = t.pid
      AND ifnull(c.start_ns, 0) >= ifnull(t.start_ns, 0)
  )
  SELECT p.trace_id, p.pid, p.parent_pid, t.depth,
         substr(printf('%*s', t.depth * 2, ''), 1) || p.pid || ifnull(' ' || p.exe, '') AS tree,
         p.exe, p.exit_status, p.exit_code, p.term_signal, p.start_ns, p.end_ns, p.syscalls
  FROM tree t JOIN processes p ON p.trace_id = t.trace_id AND p.pid = t.pid AND p.start_ns IS t.start_ns
  ORDER BY t.trace_id, t.sort;
DROP VIEW IF EXISTS captures;
CREATE VIEW captures AS
  SELECT c.id AS call_id, j.key AS n, j.value ->> 0 AS arg, j.value ->> 2 AS element, k.kind,
         (j.value ->> 1) & 1 AS truncated, ((j.value ->> 1) & 2) >> 1 AS fault, ((j.value ->> 1) & 4) >> 2 AS at_exit,
         unhex(j.value ->> 3) AS data,
         CASE WHEN k.kind IN ('string', 'strings') THEN CAST(unhex(j.value ->> 3) AS TEXT) END AS text
  FROM calls c JOIN json_each(c.caps) j LEFT JOIN capture_kinds k ON k.nr = c.nr AND k.arg = j.value ->> 0
  WHERE c.caps IS NOT NULL;
DROP VIEW IF EXISTS network;
CREATE VIEW network AS
  SELECT trace_id, pid, fd, family, type, local, peer, bytes_sent, bytes_received, calls, opened_ns, closed_ns
  FROM sockets;
`;
