using System;
using System.Collections.Concurrent;
using System.Threading;
using System.Threading.Tasks;
using EdgeImpulse.Generated.Tests.Infrastructure;

namespace EdgeImpulse.Generated.Tests.Custom.Jobs;

/// <summary>An in-memory jobs client (<see cref="Client"/>) answering getJobStatus from fixtures in turn; every other operation is unexpected.</summary>
internal sealed class ScriptedJobsClient
{
    private readonly ConcurrentQueue<string> _statuses;
    private int _statusCalls;

    public ScriptedJobsClient(params string[] statusFixtures)
    {
        _statuses = new ConcurrentQueue<string>(statusFixtures);
        Client = StatusOnlyJobsClient.Create(NextStatus, "this scripted client only answers getJobStatus.");
    }

    /// <summary>Gets the client to hand to the code under test.</summary>
    public IJobsClient Client { get; }

    public int StatusCalls => _statusCalls;

    private Task<GetJobResponse> NextStatus()
    {
        Interlocked.Increment(ref _statusCalls);
        return _statuses.TryDequeue(out var fixture)
            ? Task.FromResult(FixtureJson.Read<GetJobResponse>(fixture))
            : throw new InvalidOperationException("No more scripted statuses.");
    }
}
