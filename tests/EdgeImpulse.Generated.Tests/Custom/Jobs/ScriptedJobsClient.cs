using System;
using System.Collections.Concurrent;
using System.Threading;
using System.Threading.Tasks;
using EdgeImpulse.Generated.Tests.Infrastructure;

namespace EdgeImpulse.Generated.Tests.Custom.Jobs;

/// <summary>An in-memory IJobsClient answering getJobStatus from fixtures in turn; every other operation is unexpected.</summary>
internal sealed class ScriptedJobsClient(params string[] statusFixtures) : IJobsClient
{
    private readonly ConcurrentQueue<string> _statuses = new(statusFixtures);
    private int _statusCalls;

    public int StatusCalls => _statusCalls;

    public Task<GetJobResponse> GetJobStatusAsync(int projectId, long jobId, CancellationToken cancellationToken = default)
    {
        Interlocked.Increment(ref _statusCalls);
        return _statuses.TryDequeue(out var fixture)
            ? Task.FromResult(FixtureJson.Read<GetJobResponse>(fixture))
            : throw new InvalidOperationException("No more scripted statuses.");
    }

    public Task<StartJobResponse> AutotuneDspJobAsync(int projectId, AutotuneDspRequest body, CancellationToken cancellationToken = default) => throw Unexpected();

    public Task<StartJobResponse> GenerateFeaturesJobAsync(int projectId, GenerateFeaturesRequest body, CancellationToken cancellationToken = default) => throw Unexpected();

    public Task<ProfileTfLiteResponse> GetProfileTfliteJobResultAsync(int projectId, long jobId, CancellationToken cancellationToken = default) => throw Unexpected();

    public Task<StartJobResponse> TrainKerasJobAsync(int projectId, int learnId, SetKerasParameterRequest body, CancellationToken cancellationToken = default) => throw Unexpected();

    public Task<GenericApiResponse> CancelJobAsync(int projectId, long jobId, string? forceCancel = null, CancellationToken cancellationToken = default) => throw Unexpected();

    public Task<LogStdoutResponse> GetJobsLogsAsync(int projectId, long jobId, int? limit = null, JobLogLevel? logLevel = null, CancellationToken cancellationToken = default) => throw Unexpected();

    public Task<string> DownloadJobsLogsAsync(int projectId, long jobId, int? limit = null, JobLogLevel? logLevel = null, CancellationToken cancellationToken = default) => throw Unexpected();

    private static NotSupportedException Unexpected() => new("This scripted client only answers getJobStatus.");
}
