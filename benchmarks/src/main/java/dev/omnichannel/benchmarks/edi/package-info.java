/**
 * JMH benchmarks of the X12 reader, envelope validation and writer, side by side with StAEDI on the
 * same inputs: {@link dev.omnichannel.benchmarks.edi.X12Benchmark}.
 */
@NullMarked
package dev.omnichannel.benchmarks.edi;

import org.jspecify.annotations.NullMarked;
