using System;
using System.Collections.Generic;
using System.Linq;

namespace EdgeImpulse.Generated.Simulator;

/// <summary>What an injected fault does to a request.</summary>
public enum FaultKind
{
    /// <summary>Waits <see cref="Fault.Delay"/> before answering normally.</summary>
    Latency,

    /// <summary>Answers 429 with a <c>Retry-After</c> header of <see cref="Fault.RetryAfter"/> (whole seconds), without handling the request.</summary>
    RateLimited,

    /// <summary>Answers <see cref="Fault.Status"/> (500 by default; 502 sends the recorded nginx HTML page), without handling the request.</summary>
    ServerError,

    /// <summary>Aborts the connection before anything is handled or sent: the client sees no response at all.</summary>
    DropConnection,

    /// <summary>Handles the request, then sends a <c>Content-Length</c> larger than the bytes that follow and aborts the connection.</summary>
    TruncatedBody,

    /// <summary>
    /// Handles a job start (<see cref="Fault.OperationId"/> must be <c>trainKerasJob</c>, <c>generateFeaturesJob</c>,
    /// <c>autotuneDspJob</c> or <c>startProfileCustomDspBlock</c>) normally, but the job it starts fails: it stops after a
    /// quarter of its duration, unsuccessfully, with <see cref="Fault.JobFailureMessage"/> as its last <c>error</c> log
    /// line, and leaves nothing behind (no features, no trained model).
    /// </summary>
    JobFails,
}

/// <summary>A fault the simulator injects into the next <see cref="Count"/> matching requests.</summary>
public sealed record Fault
{
    /// <summary>Gets what the fault does.</summary>
    public required FaultKind Kind { get; init; }

    /// <summary>Gets the operation it targets (e.g. <c>getJobStatus</c>); null targets every request.</summary>
    public string? OperationId { get; init; }

    /// <summary>Gets how many matching requests it hits before it is used up.</summary>
    public int Count { get; init; } = 1;

    /// <summary>Gets the delay of a <see cref="FaultKind.Latency"/> fault.</summary>
    public TimeSpan Delay { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>Gets the <c>Retry-After</c> of a <see cref="FaultKind.RateLimited"/> fault (sent in whole seconds, at least 1).</summary>
    public TimeSpan RetryAfter { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>Gets the HTTP status of a <see cref="FaultKind.ServerError"/> fault.</summary>
    public int Status { get; init; } = 500;

    /// <summary>Gets the <c>error</c> log line a <see cref="FaultKind.JobFails"/> fault's job ends with.</summary>
    public string JobFailureMessage { get; init; } = "Scripted failure: the simulator was asked to fail this job";

    /// <summary>Gets the operations that start a job, which a <see cref="FaultKind.JobFails"/> fault can target.</summary>
    public static IReadOnlyList<string> JobStartOperationIds { get; } = ["trainKerasJob", "generateFeaturesJob", "autotuneDspJob", "startProfileCustomDspBlock", "buildOnDeviceModelJob", "startVersionJob"];
}

/// <summary>The faults waiting to be injected; thread-safe, add and clear them while the simulator runs.</summary>
public sealed class FaultList
{
    private readonly object _gate = new();
    private readonly List<(Fault Fault, int Remaining)> _faults = [];

    /// <summary>Gets the faults not used up yet, with how many hits each has left.</summary>
    public IReadOnlyList<(Fault Fault, int Remaining)> Pending
    {
        get
        {
            lock (_gate)
            {
                return _faults.ToArray();
            }
        }
    }

    /// <summary>Queues a fault; faults are tried in the order they were added and one fault hits a request.</summary>
    /// <param name="fault">The fault.</param>
    public void Add(Fault fault)
    {
        ArgumentNullException.ThrowIfNull(fault);
        if (fault.Count < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(fault), fault.Count, "Fault.Count must be at least 1.");
        }

        if (fault.Kind == FaultKind.ServerError && fault.Status is < 500 or > 599)
        {
            throw new ArgumentOutOfRangeException(nameof(fault), fault.Status, "A ServerError fault needs a 5xx status.");
        }

        if (fault.Kind == FaultKind.JobFails && !Fault.JobStartOperationIds.Contains(fault.OperationId ?? string.Empty, StringComparer.Ordinal))
        {
            throw new ArgumentException($"A JobFails fault needs Fault.OperationId set to one of {string.Join(", ", Fault.JobStartOperationIds)}.", nameof(fault));
        }

        if (fault.Delay < TimeSpan.Zero || fault.RetryAfter < TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(fault), "Fault delays must not be negative.");
        }

        lock (_gate)
        {
            _faults.Add((fault, fault.Count));
        }
    }

    /// <summary>Removes every pending fault.</summary>
    public void Clear()
    {
        lock (_gate)
        {
            _faults.Clear();
        }
    }

    // Takes one hit of the first pending fault that matches the operation (null: the request matched no operation).
    internal Fault? Take(string? operationId)
    {
        lock (_gate)
        {
            var index = _faults.FindIndex(f => f.Fault.OperationId is null || string.Equals(f.Fault.OperationId, operationId, StringComparison.Ordinal));
            if (index < 0)
            {
                return null;
            }

            var (fault, remaining) = _faults[index];
            if (remaining == 1)
            {
                _faults.RemoveAt(index);
            }
            else
            {
                _faults[index] = (fault, remaining - 1);
            }

            return fault;
        }
    }
}
