package io.ghcapi.cache.io;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.ToLongFunction;

/**
 * Writes waiting for their batch, bounded in number and bytes. When full, the oldest waiting write is
 * dropped and counted: a slow disk must never block the event loop or grow the heap without end.
 */
public final class WriteQueue<T> {

  private final ArrayDeque<T> items = new ArrayDeque<>();
  private final int maxItems;
  private final long maxBytes;
  private final ToLongFunction<T> sizer;
  private final Consumer<T> onDropped;
  private long bytes;
  private long dropped;

  public WriteQueue(int maxItems, long maxBytes, ToLongFunction<T> sizer, Consumer<T> onDropped) {
    this.maxItems = maxItems;
    this.maxBytes = maxBytes;
    this.sizer = sizer;
    this.onDropped = onDropped;
  }

  public void offer(T item) {
    items.add(item);
    bytes += sizer.applyAsLong(item);
    while (items.size() > 1 && (items.size() > maxItems || bytes > maxBytes)) {
      T oldest = items.poll();
      bytes -= sizer.applyAsLong(oldest);
      dropped++;
      onDropped.accept(oldest);
    }
  }

  /** Whether an item of this size fits without dropping anything. */
  public boolean hasRoomFor(long itemBytes) {
    return items.isEmpty() || (items.size() < maxItems && bytes + itemBytes <= maxBytes);
  }

  /** The oldest items, up to about {@code maxBatchBytes} (at least one). */
  public List<T> take(long maxBatchBytes) {
    List<T> batch = new ArrayList<>();
    long batchBytes = 0;
    while (!items.isEmpty() && (batch.isEmpty() || batchBytes + sizer.applyAsLong(items.peek()) <= maxBatchBytes)) {
      T item = items.poll();
      long size = sizer.applyAsLong(item);
      bytes -= size;
      batchBytes += size;
      batch.add(item);
    }
    return batch;
  }

  /** Removes everything waiting, without counting it as dropped. */
  public List<T> clear() {
    List<T> all = new ArrayList<>(items);
    items.clear();
    bytes = 0;
    return all;
  }

  public boolean isEmpty() {
    return items.isEmpty();
  }

  public long bytes() {
    return bytes;
  }

  public long dropped() {
    return dropped;
  }
}
