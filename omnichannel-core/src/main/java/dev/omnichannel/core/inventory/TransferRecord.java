package dev.omnichannel.core.inventory;

/** A transfer's mutable state, guarded by the lock of its SKU state. */
final class TransferRecord {
  final TransferId id;
  final SkuState state;
  final int from;
  final int to;
  final long quantity;
  long received;

  TransferRecord(TransferId id, SkuState state, int from, int to, long quantity) {
    this.id = id;
    this.state = state;
    this.from = from;
    this.to = to;
    this.quantity = quantity;
  }
}
