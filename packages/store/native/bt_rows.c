/*
 * bt_rows: an SQLite loadable extension with one eponymous table-valued
 * function that turns a batch of column buffers into rows, so that bt-store's
 * ingest inserts thousands of rows with one statement that binds four values:
 *
 *   INSERT INTO calls (...) SELECT n0, n1, ..., t0, t1 FROM bt_rows(?nrows, ?nums, ?text0, ?text1)
 *
 * Binding a value from JavaScript costs far more than SQLite's own work per
 * value; a blob binds with one memcpy.
 *
 * Arguments (hidden columns):
 *   nrows  number of rows (0 .. 2^24)
 *   nums   BLOB of doubles in native byte order, column-major: column k of row
 *          i at index k * nrows + i; the number of columns (at most 24) is
 *          length / (8 * nrows). Column k is n<k>. NaN is NULL; a value that is
 *          an integer within int64 range comes out as INTEGER (what INTEGER
 *          affinity would do with it), any other as REAL. Missing columns are NULL.
 *   text0, text1  NULL (the column is NULL on every row) or a text column:
 *          uint32 nrows, uint32 count, int32 index[nrows], uint32 offset[count + 1],
 *          then the UTF-8 bytes of the count distinct strings (string j is bytes
 *          offset[j] .. offset[j + 1]); row i is string index[i], NULL when -1.
 *          Native byte order. Columns t0 and t1.
 *
 * The buffers are checked once in xFilter (sizes, offsets, indexes) and
 * copied, so xColumn only reads. Nothing here writes or keeps state between
 * statements; the function exists only on the connections that load it.
 */
#include <math.h>
#include <stdio.h>
#include <stdint.h>
#include <string.h>
#include "sqlite3ext.h"
SQLITE_EXTENSION_INIT1

#define MAX_NUMS 24
#define MAX_ROWS (1 << 24)
#define NTEXT 2

/* Column numbers: n0..n23, t0, t1, then the hidden arguments. */
#define COL_T0 MAX_NUMS
#define COL_NROWS (MAX_NUMS + NTEXT)
#define COL_NUMS (COL_NROWS + 1)
#define COL_TEXT0 (COL_NUMS + 1)
#define NARGS (2 + NTEXT)

typedef struct {
  const int32_t *index;
  const uint32_t *offset;
  const char *bytes;
  uint32_t count;
} TextCol;

typedef struct {
  sqlite3_vtab_cursor base;
  sqlite3_int64 row;
  sqlite3_int64 nrows;
  int nnums;
  const double *nums; /* points into mem */
  TextCol text[NTEXT];
  void *mem; /* one allocation holding copies of the argument blobs */
} Cursor;

static int rowsConnect(sqlite3 *db, void *aux, int argc, const char *const *argv, sqlite3_vtab **out, char **err) {
  (void)aux; (void)argc; (void)argv; (void)err;
  char sql[512];
  int n = 0;
  n += snprintf(sql + n, sizeof sql - n, "CREATE TABLE x(");
  for (int k = 0; k < MAX_NUMS; k++) n += snprintf(sql + n, sizeof sql - n, "n%d,", k);
  n += snprintf(sql + n, sizeof sql - n, "t0,t1,nrows HIDDEN,nums HIDDEN,text0 HIDDEN,text1 HIDDEN)");
  int rc = sqlite3_declare_vtab(db, sql);
  if (rc != SQLITE_OK) return rc;
  sqlite3_vtab *vt = sqlite3_malloc(sizeof *vt);
  if (!vt) return SQLITE_NOMEM;
  memset(vt, 0, sizeof *vt);
  sqlite3_vtab_config(db, SQLITE_VTAB_INNOCUOUS);
  *out = vt;
  return SQLITE_OK;
}

static int rowsDisconnect(sqlite3_vtab *vt) {
  sqlite3_free(vt);
  return SQLITE_OK;
}

static int rowsOpen(sqlite3_vtab *vt, sqlite3_vtab_cursor **out) {
  (void)vt;
  Cursor *c = sqlite3_malloc(sizeof *c);
  if (!c) return SQLITE_NOMEM;
  memset(c, 0, sizeof *c);
  *out = &c->base;
  return SQLITE_OK;
}

static int rowsClose(sqlite3_vtab_cursor *cur) {
  Cursor *c = (Cursor *)cur;
  sqlite3_free(c->mem);
  sqlite3_free(c);
  return SQLITE_OK;
}

static int fail(sqlite3_vtab_cursor *cur, const char *msg) {
  sqlite3_free(cur->pVtab->zErrMsg);
  cur->pVtab->zErrMsg = sqlite3_mprintf("bt_rows: %s", msg);
  return SQLITE_ERROR;
}

/* Checks text column `k` of the copied blob at p (len bytes) and points c->text[k] into it. */
static int setText(sqlite3_vtab_cursor *cur, int k, const unsigned char *p, sqlite3_int64 len) {
  Cursor *c = (Cursor *)cur;
  TextCol *t = &c->text[k];
  if (len < 8) return fail(cur, "text column shorter than its header");
  uint32_t head[2];
  memcpy(head, p, 8);
  if (head[0] != (uint32_t)c->nrows) return fail(cur, "text column row count differs from nrows");
  uint32_t count = head[1];
  sqlite3_int64 fixed = 8 + 4 * (sqlite3_int64)c->nrows + 4 * ((sqlite3_int64)count + 1);
  if (len < fixed) return fail(cur, "text column shorter than its index and offsets");
  t->index = (const int32_t *)(p + 8);
  t->offset = (const uint32_t *)(p + 8 + 4 * c->nrows);
  t->bytes = (const char *)(p + fixed);
  t->count = count;
  sqlite3_int64 nbytes = len - fixed;
  if (t->offset[0] != 0) return fail(cur, "text column offsets do not start at 0");
  for (uint32_t j = 0; j < count; j++) {
    if (t->offset[j + 1] < t->offset[j]) return fail(cur, "text column offsets decrease");
  }
  if ((sqlite3_int64)t->offset[count] != nbytes) return fail(cur, "text column offsets do not end at its length");
  for (sqlite3_int64 i = 0; i < c->nrows; i++) {
    int32_t x = t->index[i];
    if (x < -1 || x >= (sqlite3_int64)count) return fail(cur, "text column index out of range");
  }
  return SQLITE_OK;
}

static int rowsFilter(sqlite3_vtab_cursor *cur, int idxNum, const char *idxStr, int argc, sqlite3_value **argv) {
  (void)idxStr;
  Cursor *c = (Cursor *)cur;
  sqlite3_free(c->mem);
  c->mem = NULL;
  c->row = 0;
  c->nrows = 0;
  c->nnums = 0;
  c->nums = NULL;
  memset(c->text, 0, sizeof c->text);
  if (idxNum != (1 << NARGS) - 1 || argc != NARGS) return fail(cur, "needs its arguments: bt_rows(nrows, nums, text0, text1)");
  /* JavaScript numbers bind as REAL: any integral number will do. */
  int ntype = sqlite3_value_type(argv[0]);
  sqlite3_int64 nrows = sqlite3_value_int64(argv[0]);
  if ((ntype != SQLITE_INTEGER && ntype != SQLITE_FLOAT) || (ntype == SQLITE_FLOAT && sqlite3_value_double(argv[0]) != (double)nrows)) {
    return fail(cur, "nrows must be an integer");
  }
  if (nrows < 0 || nrows > MAX_ROWS) return fail(cur, "nrows out of range");
  c->nrows = nrows;
  if (nrows == 0) return SQLITE_OK;

  /* Copy the blobs into one allocation (8-byte aligned parts): the values are only the statement's. */
  sqlite3_int64 len[NARGS] = {0};
  sqlite3_int64 total = 0;
  for (int a = 1; a < NARGS; a++) {
    int type = sqlite3_value_type(argv[a]);
    if (type == SQLITE_NULL && a >= 2) continue;
    if (type != SQLITE_BLOB) return fail(cur, a == 1 ? "nums must be a blob" : "a text column must be a blob or NULL");
    len[a] = sqlite3_value_bytes(argv[a]);
    total += (len[a] + 7) & ~7LL;
  }
  if (len[1] % (8 * nrows) != 0) return fail(cur, "nums length is not a multiple of 8 * nrows");
  if (len[1] / (8 * nrows) > MAX_NUMS) return fail(cur, "more than 24 number columns");
  c->mem = sqlite3_malloc64(total ? total : 8);
  if (!c->mem) return SQLITE_NOMEM;
  unsigned char *p = c->mem;
  for (int a = 1; a < NARGS; a++) {
    if (len[a] == 0 && sqlite3_value_type(argv[a]) == SQLITE_NULL) continue;
    memcpy(p, sqlite3_value_blob(argv[a]), len[a]);
    if (a == 1) {
      c->nums = (const double *)p;
      c->nnums = (int)(len[1] / (8 * nrows));
    } else {
      int rc = setText(cur, a - 2, p, len[a]);
      if (rc != SQLITE_OK) return rc;
    }
    p += (len[a] + 7) & ~7LL;
  }
  return SQLITE_OK;
}

static int rowsNext(sqlite3_vtab_cursor *cur) {
  ((Cursor *)cur)->row++;
  return SQLITE_OK;
}

static int rowsEof(sqlite3_vtab_cursor *cur) {
  Cursor *c = (Cursor *)cur;
  return c->row >= c->nrows;
}

static int rowsColumn(sqlite3_vtab_cursor *cur, sqlite3_context *ctx, int col) {
  Cursor *c = (Cursor *)cur;
  if (col < MAX_NUMS) {
    if (col >= c->nnums) return SQLITE_OK; /* NULL */
    double d = c->nums[(sqlite3_int64)col * c->nrows + c->row];
    if (isnan(d)) return SQLITE_OK;
    /* -2^63 <= d < 2^63 and integral: INTEGER, as INTEGER affinity would store it. */
    if (d >= -9223372036854775808.0 && d < 9223372036854775808.0) {
      sqlite3_int64 i = (sqlite3_int64)d;
      if ((double)i == d) {
        sqlite3_result_int64(ctx, i);
        return SQLITE_OK;
      }
    }
    sqlite3_result_double(ctx, d);
  } else if (col < COL_NROWS) {
    const TextCol *t = &c->text[col - COL_T0];
    if (!t->index) return SQLITE_OK;
    int32_t j = t->index[c->row];
    if (j < 0) return SQLITE_OK;
    sqlite3_result_text(ctx, t->bytes + t->offset[j], (int)(t->offset[j + 1] - t->offset[j]), SQLITE_STATIC);
  } else if (col == COL_NROWS) {
    sqlite3_result_int64(ctx, c->nrows);
  }
  /* The blob arguments read back as NULL: they are inputs only. */
  return SQLITE_OK;
}

static int rowsRowid(sqlite3_vtab_cursor *cur, sqlite_int64 *rowid) {
  *rowid = ((Cursor *)cur)->row;
  return SQLITE_OK;
}

/* Every argument must be given as an equality constraint; they are passed to xFilter in order. */
static int rowsBestIndex(sqlite3_vtab *vt, sqlite3_index_info *info) {
  (void)vt;
  int seen = 0;
  for (int i = 0; i < info->nConstraint; i++) {
    const struct sqlite3_index_constraint *k = &info->aConstraint[i];
    int arg = k->iColumn - COL_NROWS;
    if (arg < 0 || arg >= NARGS) continue;
    if (!k->usable || k->op != SQLITE_INDEX_CONSTRAINT_EQ) return SQLITE_CONSTRAINT;
    info->aConstraintUsage[i].argvIndex = arg + 1;
    info->aConstraintUsage[i].omit = 1;
    seen |= 1 << arg;
  }
  info->idxNum = seen;
  info->estimatedCost = 1;
  info->estimatedRows = 4096;
  return SQLITE_OK;
}

static sqlite3_module rowsModule = {
  0,              /* iVersion */
  0,              /* xCreate: eponymous only */
  rowsConnect,    /* xConnect */
  rowsBestIndex,  /* xBestIndex */
  rowsDisconnect, /* xDisconnect */
  0,              /* xDestroy */
  rowsOpen,       /* xOpen */
  rowsClose,      /* xClose */
  rowsFilter,     /* xFilter */
  rowsNext,       /* xNext */
  rowsEof,        /* xEof */
  rowsColumn,     /* xColumn */
  rowsRowid,      /* xRowid */
  0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0
};

/* The entry point SQLite derives from the file name bt_rows.so; the only exported symbol. */
__attribute__((visibility("default")))
int sqlite3_btrows_init(sqlite3 *db, char **err, const sqlite3_api_routines *api) {
  (void)err;
  SQLITE_EXTENSION_INIT2(api);
  return sqlite3_create_module(db, "bt_rows", &rowsModule, 0);
}
