// The state of recorded processes as a recording goes on: the one trace model fed with
// the batches a recorder writes, so that a file starting later (bt-record --flight,
// --rotate) carries the state its history starts from in its header (Header.processes).
import { batchesIn, type BatchVisitor, type Header, type ProcessState, SyscallCursor, syscallTable, walkBatch } from '@beetrace/format';
import { TraceModel } from './model.js';

export class StateTracker {
  private readonly model: TraceModel;
  private readonly cur = new SyscallCursor();
  private readonly visitor: BatchVisitor;

  /** `header`: the recording's, its snapshot the state before the first batch. */
  constructor(header: Pick<Header, 'rootPid' | 'argv' | 'cwd' | 'processes' | 'syscallAbi'>) {
    const model = this.model = new TraceModel(header);
    const table = syscallTable(header.syscallAbi || 'x86_64');
    if (!table) throw new Error(`no syscall table '${header.syscallAbi}'`);
    this.visitor = {
      syscall: (ev) => model.apply(ev, table.byNr.get(ev.nr)),
      process: (ev) => model.processEvent(ev),
    };
  }

  /** Consecutive length-delimited Record{batch} messages, as the recorder writes them. */
  add(records: Uint8Array): void {
    for (const b of batchesIn(records)) walkBatch(b, this.cur, this.visitor);
  }

  /** The live processes now, as a header's snapshot. */
  state(): ProcessState[] {
    return this.model.state();
  }
}
