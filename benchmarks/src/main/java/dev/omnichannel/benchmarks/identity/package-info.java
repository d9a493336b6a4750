/**
 * JMH benchmarks of identity resolution: batch resolution of a million generated customer records,
 * incremental resolve latency into a graph of that size, and memory per record.
 *
 * @since 0.1.0
 */
@NullMarked
package dev.omnichannel.benchmarks.identity;

import org.jspecify.annotations.NullMarked;
