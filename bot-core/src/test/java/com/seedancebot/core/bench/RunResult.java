package com.seedancebot.core.bench;

/**
 * The figures of one benchmark run.
 *
 * @param mode how tasks were followed
 * @param jobs jobs tracked
 * @param successes jobs made to succeed during the run (the others keep running)
 * @param delivered jobs whose video delivery started before the run's deadline
 * @param pollRequests provider API requests made while tracking (list or get; no creates)
 * @param requestsPerJobPerInterval poll requests per job per base poll interval that the job spent
 *     unfinished at the provider
 * @param medianLatencyMs median time from success at the fake to delivery start
 * @param p99LatencyMs 99th percentile of the same
 * @param maxLatencyMs the slowest job
 * @param heapPerJobBytes (heap after GC at peak tracking − heap after GC before the jobs) / jobs
 * @param heapPeakMiB heap used after GC at peak tracking (whole JVM)
 * @param statusEditsPerJob status messages shown or edited per job while tracking
 * @param callbacks callbacks received (0 without callbacks)
 * @param callbackMedianMs median time to handle one callback
 * @param trackerTickMedianMs median duration of one tracking step (tracker or naive poller)
 * @param trackerTickMaxMs longest tracking step
 * @param deliveryTickMedianMs median duration of one delivery step
 * @param deliveryTickMaxMs longest delivery step
 * @param setupSeconds inserting the jobs and submitting them through the dispatcher
 * @param trackingSeconds from the start of tracking to the last delivery
 */
record RunResult(
    Mode mode,
    int jobs,
    int successes,
    int delivered,
    long pollRequests,
    double requestsPerJobPerInterval,
    double medianLatencyMs,
    double p99LatencyMs,
    double maxLatencyMs,
    double heapPerJobBytes,
    double heapPeakMiB,
    double statusEditsPerJob,
    int callbacks,
    double callbackMedianMs,
    double trackerTickMedianMs,
    double trackerTickMaxMs,
    double deliveryTickMedianMs,
    double deliveryTickMaxMs,
    double setupSeconds,
    double trackingSeconds) {}
