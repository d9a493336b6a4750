/**
 * Benchmarks and quality measurements of order routing: {@link
 * dev.omnichannel.benchmarks.routing.RoutingBenchmark} (JMH) and {@link
 * dev.omnichannel.benchmarks.routing.RoutingQuality} (a main class printing optimality figures),
 * both over networks from {@link dev.omnichannel.benchmarks.routing.GeneratedNetwork}.
 */
@NullMarked
package dev.omnichannel.benchmarks.routing;

import org.jspecify.annotations.NullMarked;
