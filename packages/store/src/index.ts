// @beetrace/store: traces indexed in SQLite. The CLIs (bt-store, bt-query) are
// thin layers over these functions.
export { defaultDbPath, EXIT, migrate, openStore, schemaVersion, StoreError, type Db, type OpenOptions } from './db.js';
export { hashFile, ingestFile, removeTrace, type IngestOptions, type IngestResult } from './ingest.js';
export { errorPosition, runQuery, schemaText, type Position, type QueryResult } from './query.js';
export { formatBytes, formatDuration, FORMATS, writeRows, type Format, type OutputOptions, type Value } from './output.js';
export { MIGRATIONS, SCHEMA_DOCS, SCHEMA_VERSION, VIEWS, type ColumnDoc, type ObjectDoc } from './schema.js';
export { DATASET_VERSION, DUCKDB_VIEWS, openDataset, PARQUET_TABLES, PARTITION_KEYS, type PartitionKey } from './dataset.js';
export { DatasetWriter, type ParquetOptions, type ParquetResult } from './parquet.js';
export { runDuckQuery } from './duck-query.js';
export { traceIdOf } from './rows.js';
