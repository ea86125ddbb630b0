using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Diagnostics;
using System.Threading;
using System.Threading.Tasks;

namespace EdgeImpulse.Generated.Tests.Custom.Jobs;

/// <summary>
/// A clock that runs <c>speedup</c> times faster than real time and records every timer asked of it, so a test can
/// use the real defaults (1 s intervals, a 60 s tolerance) in milliseconds, and assert which waits were requested
/// instead of how long anything took.
/// </summary>
internal sealed class FastClock : TimeProvider
{
    private readonly double _speedup;
    private readonly long _origin = Stopwatch.GetTimestamp();
    private readonly ConcurrentQueue<TimeSpan> _timers = new();

    public FastClock(double speedup = 1000) => _speedup = speedup;

    /// <summary>Gets the due times of the timers created so far (Task.Delay and timeout CancellationTokenSources create one each).</summary>
    public IReadOnlyList<TimeSpan> RequestedTimers => [.. _timers];

    public override long TimestampFrequency => Stopwatch.Frequency;

    public override long GetTimestamp() => _origin + (long)((Stopwatch.GetTimestamp() - _origin) * _speedup);

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        _timers.Enqueue(dueTime);
        return new ScaledTimer(this, callback, state, dueTime, period);
    }

    private TimeSpan Scale(TimeSpan span) => span == Timeout.InfiniteTimeSpan ? span : TimeSpan.FromTicks((long)(span.Ticks / _speedup));

    private sealed class ScaledTimer(FastClock clock, TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period) : ITimer
    {
        private readonly Timer _timer = new(callback, state, clock.Scale(dueTime), clock.Scale(period));

        public bool Change(TimeSpan dueTime, TimeSpan period) => _timer.Change(clock.Scale(dueTime), clock.Scale(period));

        public void Dispose() => _timer.Dispose();

        public ValueTask DisposeAsync() => _timer.DisposeAsync();
    }
}
