// The options bt-export --format parquet and bt-store export share: where the
// dataset goes and how it is laid out.
import { PARTITION_KEYS, type PartitionKey } from '../dataset.js';
import { usage } from './common.js';

export const PARQUET_OPTIONS = {
  output: { type: 'string', short: 'o' },
  partition: { type: 'string' },
  host: { type: 'string' },
  force: { type: 'boolean' },
  'no-data': { type: 'boolean' },
  quiet: { type: 'boolean', short: 'q' },
} as const;

export const PARQUET_HELP = `  -o DIR            the dataset folder (created mode 0700; an existing dataset is
                    appended to): one folder per table, one file per run and table
  --partition KEYS  hive-style folders under each table: host, date or host,date
                    (TABLE/host=NAME/date=YYYY-MM-DD/RUN.parquet)
  --host NAME       the host name to record and partition by (default: the
                    recording machine's, from the trace)
  --force           replace a run's files that are already in the dataset`;

/** The --partition value, checked. */
export function partitionKeys(value: string | undefined): PartitionKey[] {
  if (value === undefined) return [];
  const keys = value.split(',').map((k) => k.trim());
  for (const k of keys) {
    if (!(PARTITION_KEYS as readonly string[]).includes(k)) throw usage(`unknown partition key "${k}" (${PARTITION_KEYS.join(', ')})`);
  }
  if (new Set(keys).size !== keys.length) throw usage(`partition key given twice in "${value}"`);
  return keys as PartitionKey[];
}
