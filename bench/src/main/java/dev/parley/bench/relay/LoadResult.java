package dev.parley.bench.relay;

import org.HdrHistogram.Histogram;

/** One measured round of the load generator: messages, wall time, latency (send to receipt) and the server's RSS. */
record LoadResult(String name, long messages, double seconds, Histogram latency, long rssKb) {
    double perSecond() {
        return messages / seconds;
    }

    double ms(double percentile) {
        return latency.getValueAtPercentile(percentile) / 1e6;
    }
}
