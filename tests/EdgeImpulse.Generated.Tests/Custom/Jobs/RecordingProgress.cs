using System;
using System.Collections.Concurrent;
using System.Collections.Generic;

namespace EdgeImpulse.Generated.Tests.Custom.Jobs;

/// <summary>An IProgress that records synchronously (Progress&lt;T&gt; posts to a thread pool later) and can act on each report.</summary>
internal sealed class RecordingProgress(Action<JobProgress>? onReport = null) : IProgress<JobProgress>
{
    private readonly ConcurrentQueue<JobProgress> _reports = new();

    public IReadOnlyList<JobProgress> Reports => [.. _reports];

    public void Report(JobProgress value)
    {
        _reports.Enqueue(value);
        onReport?.Invoke(value);
    }
}
