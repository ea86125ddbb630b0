using System;
using System.Collections.Concurrent;
using System.Diagnostics;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using EdgeImpulse.Generated.Tests.Custom.Jobs;
using EdgeImpulse.Generated.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using NUnit.Framework;

namespace EdgeImpulse.Generated.Tests.Custom.Transport;

/// <summary>One Debug line per attempt, a Warning per retry, job states at Information, an Activity per attempt — and no secret in any of it.</summary>
[TestFixture]
[NonParallelizable]
public sealed class TransportLoggingTests
{
    [Test]
    public async Task AttemptsRetriesAndJobStates_AreLoggedAndTraced_WithoutTheKey()
    {
        var activities = new ConcurrentQueue<Activity>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == "EdgeImpulse.Generated",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = activities.Enqueue,
        };
        ActivitySource.AddActivityListener(listener);
        await using var server = LoopbackServer.Start();
        var echo = $"{{\"success\":false,\"error\":\"key {LoopbackServer.ApiKey.ToUpperInvariant()} is throttled\"}}";
        server.Enqueue(CannedResponse.Json(echo, 503))
            .Enqueue(CannedResponse.Fixture("Jobs/getJobStatus.running.json"))
            .Enqueue(CannedResponse.Fixture("Jobs/getJobStatus.running.json"))
            .Enqueue(CannedResponse.Fixture("Jobs/getJobStatus.success.json"));
        var logs = new CapturingLoggerFactory();
        using var client = server.CreateClient(o =>
        {
            o.LoggerFactory = logs;
            o.Retry = new EdgeImpulseRetryOptions { BaseDelay = TimeSpan.FromMilliseconds(1) };
        });

        await client.Jobs.GetJobStatusAsync(52187, 1847312964);
        await client.Jobs.AttachToJob(52187, 1847312964).WaitForCompletionAsync(JobWaitTests.Fast(), CancellationToken.None);

        var lines = logs.Lines.ToList();
        var debug = lines.Where(l => l.StartsWith("Debug:", StringComparison.Ordinal)).ToList();
        Assert.That(debug, Has.Count.EqualTo(4), string.Join("\n", lines));
        Assert.That(debug[0], Does.Contain("GET").And.Contain("api/{projectId}/jobs/{jobId}/status").And.Contain("getJobStatus").And.Contain("attempt 1").And.Contain("status 503"));
        Assert.That(debug[1], Does.Contain("attempt 2").And.Contain("status 200"));
        Assert.That(lines.Count(l => l.StartsWith("Warning:", StringComparison.Ordinal) && l.Contains("attempt 2 in", StringComparison.Ordinal)), Is.EqualTo(1));
        Assert.That(lines.Where(l => l.StartsWith("Information:", StringComparison.Ordinal)).Select(l => l.Split(" | ")[0]).ToArray(), Is.EqualTo(new[]
        {
            "Information: Job 1847312964 in project 52187 is now Started",
            "Information: Job 1847312964 in project 52187 is now Finished",
        }));

        var spans = activities.ToList();
        Assert.That(spans, Has.Count.EqualTo(4));
        Assert.That(spans.Select(a => a.GetTagItem("edgeimpulse.operation_id")), Has.All.EqualTo("getJobStatus"));
        Assert.That(spans.Select(a => a.GetTagItem("edgeimpulse.project_id")), Has.All.EqualTo("52187"));
        Assert.That(spans.Select(a => a.GetTagItem("edgeimpulse.job_id")), Has.All.EqualTo("1847312964"));
        Assert.That(spans[0].Status, Is.EqualTo(ActivityStatusCode.Error));

        var everything = string.Join("\n", lines) + string.Join("\n", spans.SelectMany(a => a.Tags.Select(t => t.Value).Append(a.StatusDescription).Append(a.DisplayName)));
        Assert.That(everything, Does.Not.Contain("0123456789abcdef").IgnoreCase);
        Assert.That(everything, Does.Contain("***"), "the echoed key was there, and masked");
    }

    [Test]
    public async Task JobPollRetries_AreLoggedLikeCallRetries_WithoutTheKey()
    {
        await using var server = LoopbackServer.Start();
        var echo = $"{{\"success\":false,\"error\":\"key {LoopbackServer.ApiKey} is throttled\"}}";
        server.Enqueue(CannedResponse.Json(echo, 503))
            .Enqueue(CannedResponse.Json(echo, 502))
            .Enqueue(CannedResponse.Fixture("Jobs/getJobStatus.success.json"));
        var logs = new CapturingLoggerFactory();
        using var client = server.CreateClient(o => o.LoggerFactory = logs);

        await client.Jobs.AttachToJob(52187, 1847312964).WaitForCompletionAsync(JobWaitTests.Fast(), CancellationToken.None);

        var lines = logs.Lines.ToList();
        var retries = lines.Where(l => l.StartsWith("Warning:", StringComparison.Ordinal)).ToList();
        Assert.That(retries, Has.Count.EqualTo(2), string.Join("\n", lines));
        Assert.That(retries[0], Does.Contain("getJobStatus failed transiently (status 503); attempt 2 in 5 ms"));
        Assert.That(retries[1], Does.Contain("getJobStatus failed transiently (status 502); attempt 3 in 8 ms"), "5 ms × the default BackoffFactor 1.5");
        Assert.That(lines.Count(l => l.StartsWith("Debug:", StringComparison.Ordinal)), Is.EqualTo(3), "each poll is one attempt at the transport");
        Assert.That(string.Join("\n", lines), Does.Not.Contain(LoopbackServer.ApiKey).IgnoreCase);
    }

    [Test]
    public void DependencyInjection_UsesTheContainersLoggerFactory()
    {
        var logs = new CapturingLoggerFactory();
        var services = new ServiceCollection();
        services.AddSingleton<ILoggerFactory>(logs);
        services.AddEdgeImpulseClient(o => o.ApiKey = LoopbackServer.ApiKey);
        using var provider = services.BuildServiceProvider();
        using var scope = provider.CreateScope();

        var client = scope.ServiceProvider.GetRequiredService<EdgeImpulseClient>();

        Assert.That(client.Options.LoggerFactory, Is.SameAs(logs));
    }
}
