// CUSTOM: what a job wait reports after each status poll (IProgress<JobProgress>), and the job's coarse state.
using System;

namespace EdgeImpulse.Generated;

/// <summary>Where a job is in its life, read from its <c>started</c> and <c>finished</c> timestamps.</summary>
public enum JobProgressState
{
    /// <summary>Created but not started yet (queued, or waiting for the cluster).</summary>
    Created,

    /// <summary>Started and still running.</summary>
    Started,

    /// <summary>Finished; <see cref="Job.FinishedSuccessful"/> tells whether it succeeded.</summary>
    Finished,
}

/// <summary>A snapshot reported to <see cref="JobWaitOptions.Progress"/> after each successful status poll.</summary>
public sealed class JobProgress
{
    internal JobProgress(Job job, TimeSpan elapsed, int pollCount)
    {
        Job = job;
        State = StateOf(job);
        Elapsed = elapsed;
        PollCount = pollCount;
    }

    /// <summary>Gets the job as the latest poll returned it.</summary>
    public Job Job { get; }

    /// <summary>Gets the job's state in that poll.</summary>
    public JobProgressState State { get; }

    /// <summary>Gets the time since the wait started.</summary>
    public TimeSpan Elapsed { get; }

    /// <summary>Gets how many status polls have succeeded in this wait, this one included.</summary>
    public int PollCount { get; }

    /// <inheritdoc />
    public override string ToString() => $"Job {Job.Id} {State} after {Elapsed} ({PollCount} polls)";

    internal static JobProgressState StateOf(Job job) =>
        job.Finished is not null ? JobProgressState.Finished : job.Started is not null ? JobProgressState.Started : JobProgressState.Created;
}
