using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using EdgeImpulse.Generated.Tests.Infrastructure;
using Newtonsoft.Json.Linq;
using NUnit.Framework;

namespace EdgeImpulse.Generated.Tests.Custom.Jobs;

/// <summary>JobOperation.WaitForCompletionAsync against a loopback server: outcomes, transient failures, aborts.</summary>
[TestFixture]
public sealed class JobWaitTests
{
    private const int ProjectId = 52187;
    private const long TrainingJobId = 1847312964;
    private const long FailedJobId = 1847341876;
    private const string StatusPath = "/v1/api/52187/jobs/1847312964/status";
    private const string CancelPath = "/v1/api/52187/jobs/1847312964/cancel";

    [Test]
    public async Task Wait_PollsUntilFinished_ReportingEachState()
    {
        await using var server = LoopbackServer.Start();
        server.Enqueue(CannedResponse.Fixture("Jobs/getJobStatus.created.json"))
            .Enqueue(CannedResponse.Fixture("Jobs/getJobStatus.running.json"))
            .Enqueue(CannedResponse.Fixture("Jobs/getJobStatus.success.json"));
        using var client = server.CreateClient();
        var progress = new RecordingProgress();
        var operation = client.Jobs.AttachToJob(ProjectId, TrainingJobId);

        var job = await operation.WaitForCompletionAsync(Fast(progress), CancellationToken.None);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(job.Id, Is.EqualTo(TrainingJobId));
            Assert.That(job.FinishedSuccessful, Is.True);
            Assert.That(operation.HasCompleted, Is.True);
            Assert.That(operation.LastStatus, Is.SameAs(job));
            Assert.That(progress.Reports.Select(p => p.State), Is.EqualTo(new[] { JobProgressState.Created, JobProgressState.Started, JobProgressState.Finished }));
            Assert.That(progress.Reports.Select(p => p.PollCount), Is.EqualTo(new[] { 1, 2, 3 }));
            Assert.That(progress.Reports[^1].Job, Is.SameAs(job));
            Assert.That(server.Requests.Select(r => (r.Method, r.Path)), Is.EqualTo(Enumerable.Repeat(("GET", StatusPath), 3)));
        }
    }

    [Test]
    public async Task Wait_BacksOffFromInitialIntervalToMaxInterval()
    {
        await using var server = LoopbackServer.Start();
        for (var i = 0; i < 5; i++)
        {
            server.Enqueue(CannedResponse.Fixture("Jobs/getJobStatus.running.json"));
        }

        server.Enqueue(CannedResponse.Fixture("Jobs/getJobStatus.success.json"));
        using var client = server.CreateClient();
        var clock = new FastClock();
        var options = new JobWaitOptions
        {
            InitialPollInterval = TimeSpan.FromSeconds(1),
            BackoffFactor = 2,
            MaxPollInterval = TimeSpan.FromSeconds(5),
            TimeProvider = clock,
        };

        await client.Jobs.AttachToJob(ProjectId, TrainingJobId).WaitForCompletionAsync(options, CancellationToken.None);

        Assert.That(clock.RequestedTimers, Is.EqualTo(new[] { 1, 2, 4, 5, 5 }.Select(s => TimeSpan.FromSeconds(s))));
    }

    [Test]
    public async Task Wait_WhenAlreadyCompleted_ReturnsWithoutPolling()
    {
        await using var server = LoopbackServer.Start();
        server.Enqueue(CannedResponse.Fixture("Jobs/getJobStatus.success.json"));
        using var client = server.CreateClient();
        var operation = client.Jobs.AttachToJob(ProjectId, TrainingJobId);
        var first = await operation.WaitForCompletionAsync(Fast(), CancellationToken.None);

        var second = await operation.WaitForCompletionAsync(CancellationToken.None);

        Assert.That((second, server.Requests.Count), Is.EqualTo((first, 1)));
    }

    [Test]
    public async Task Wait_JobFailed_ThrowsWithJobAndLastLogLinesOldestFirst()
    {
        await using var server = LoopbackServer.Start();
        server.Enqueue(CannedResponse.Fixture("Jobs/getJobStatus.failed.json"))
            .Enqueue(CannedResponse.Fixture("Jobs/getJobsLogs.failed.json"));
        using var client = server.CreateClient();
        var operation = client.Jobs.AttachToJob(ProjectId, FailedJobId);

        var ex = await Assert.ThrowsAsync<EdgeImpulseJobFailedException>(() => operation.WaitForCompletionAsync(Fast(), CancellationToken.None));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(ex!.JobId, Is.EqualTo(FailedJobId));
            Assert.That(ex.ProjectId, Is.EqualTo(ProjectId));
            Assert.That(ex.Job.FinishedSuccessful, Is.False);
            Assert.That(ex.LastLogLines, Has.Count.EqualTo(9));
            Assert.That(ex.LastLogLines[0].Data, Does.StartWith("Creating job"));
            Assert.That(ex.LastLogLines[^1].Data, Does.StartWith("Application exited with code 1"));
            Assert.That(ex.LastLogLines.Select(l => l.Created), Is.Ordered);
            Assert.That(ex.Message, Does.Contain("1847341876").And.Contain("Training model").And.Contain("project 52187"));
            Assert.That(ex.Message, Does.Contain("ValueError: Input 0 of layer \"dense\" is incompatible"));
            Assert.That(server.Requests[^1].Path, Is.EqualTo("/v1/api/52187/jobs/1847341876/stdout"));
            Assert.That(server.Requests[^1].Query, Is.EqualTo("limit=20"));
        }
    }

    [Test]
    public async Task Wait_JobFailedAndLogUnreadable_StillThrowsJobFailed()
    {
        await using var server = LoopbackServer.Start();
        server.Enqueue(CannedResponse.Fixture("Jobs/getJobStatus.failed.json"))
            .Enqueue(CannedResponse.Fixture("Common/error.project-not-found.json", status: 404));
        using var client = server.CreateClient();

        var ex = await Assert.ThrowsAsync<EdgeImpulseJobFailedException>(() => client.Jobs.AttachToJob(ProjectId, FailedJobId).WaitForCompletionAsync(Fast(), CancellationToken.None));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(ex!.LastLogLines, Is.Empty);
            Assert.That(ex.Message, Is.EqualTo("Job 1847341876 (Training model) in project 52187 failed (no log lines were fetched)"));
        }
    }

    [Test]
    public async Task Wait_JobFailedAndTheLogReadFailsTransiently_RetriesIt()
    {
        await using var server = LoopbackServer.Start();
        server.Enqueue(CannedResponse.Fixture("Jobs/getJobStatus.failed.json"))
            .Enqueue(CannedResponse.Json("{\"success\":false,\"error\":\"Service unavailable\"}", 503))
            .Enqueue(CannedResponse.Dropped)
            .Enqueue(CannedResponse.Fixture("Jobs/getJobsLogs.failed.json"));
        using var client = server.CreateClient();

        var ex = await Assert.ThrowsAsync<EdgeImpulseJobFailedException>(() => client.Jobs.AttachToJob(ProjectId, FailedJobId).WaitForCompletionAsync(Fast(), CancellationToken.None));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(ex!.LastLogLines, Has.Count.EqualTo(9));
            Assert.That(ex.Message, Does.Contain("ValueError"));
            Assert.That(server.Requests.Count(r => r.Path.EndsWith("/stdout", StringComparison.Ordinal)), Is.EqualTo(3));
        }
    }

    [Test]
    public async Task Wait_JobFailedAndTheLogReadFailsBeyondTheTolerance_StillThrowsJobFailed()
    {
        await using var server = LoopbackServer.Start();
        server.Enqueue(CannedResponse.Fixture("Jobs/getJobStatus.failed.json"));
        server.DefaultResponse = CannedResponse.Json("{\"success\":false,\"error\":\"Service unavailable\"}", 503);
        using var client = server.CreateClient();
        var options = Fast();
        options.TransientFailureTolerance = TimeSpan.FromMilliseconds(30);

        var ex = await Assert.ThrowsAsync<EdgeImpulseJobFailedException>(() => client.Jobs.AttachToJob(ProjectId, FailedJobId).WaitForCompletionAsync(options, CancellationToken.None));

        Assert.That((ex!.LastLogLines.Count, ex.Message), Is.EqualTo((0, "Job 1847341876 (Training model) in project 52187 failed (no log lines were fetched)")));
    }

    [Test]
    public async Task Wait_JobFailedAndTheTimeoutEndsTheLogRead_StillThrowsJobFailed()
    {
        await using var server = LoopbackServer.Start();
        server.Enqueue(CannedResponse.Fixture("Jobs/getJobStatus.failed.json"));
        server.DefaultResponse = CannedResponse.Json("{\"success\":false,\"error\":\"Service unavailable\"}", 503);
        using var client = server.CreateClient();
        var options = Fast();
        options.Timeout = TimeSpan.FromMilliseconds(100);
        options.CancelJobOnAbort = true;

        var ex = await Assert.ThrowsAsync<EdgeImpulseJobFailedException>(() => client.Jobs.AttachToJob(ProjectId, FailedJobId).WaitForCompletionAsync(options, CancellationToken.None));

        Assert.That((ex!.LastLogLines.Count, server.Requests.Any(r => r.Method == "POST")), Is.EqualTo((0, false)), "a finished job is not cancelled");
    }

    [Test]
    public async Task Wait_FinishedWithoutSuccessFlag_CountsAsFailure()
    {
        var finishedNoFlag = JObject.Parse(TestPaths.ReadFixture("Jobs/getJobStatus.success.json"));
        ((JObject)finishedNoFlag["job"]!).Remove("finishedSuccessful");
        await using var server = LoopbackServer.Start();
        server.Enqueue(CannedResponse.Json(finishedNoFlag.ToString()));
        using var client = server.CreateClient();
        var options = Fast();
        options.FailureLogLineCount = 0;

        var ex = await Assert.ThrowsAsync<EdgeImpulseJobFailedException>(() => client.Jobs.AttachToJob(ProjectId, TrainingJobId).WaitForCompletionAsync(options, CancellationToken.None));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(ex!.Message, Does.Contain("finished without reporting success"));
            Assert.That(ex.Job.FinishedSuccessful, Is.Null);
            Assert.That(server.Requests, Has.Count.EqualTo(1), "FailureLogLineCount = 0 reads no log");
        }
    }

    // The wait depends on the status answer's job (and its id, which a failure reports); without them it cannot tell
    // whether the job finished, so it fails typed at the first such answer instead of polling on.
    public static IEnumerable<TestCaseData> StatusAnswersTheWaitCannotUse()
    {
        var noId = JObject.Parse(TestPaths.ReadFixture("Jobs/getJobStatus.success.json"));
        ((JObject)noId["job"]!).Remove("id");
        var nullId = JObject.Parse(TestPaths.ReadFixture("Jobs/getJobStatus.success.json"));
        nullId["job"]!["id"] = null;
        yield return new TestCaseData("{\"success\":true}", "returned no job").SetName("Wait_StatusWithoutAJob_IsAnApiError");
        yield return new TestCaseData("{\"success\":true,\"job\":null}", "returned no job").SetName("Wait_StatusWithANullJob_IsAnApiError");
        yield return new TestCaseData(noId.ToString(), "a job without an id").SetName("Wait_StatusWithAJobWithoutAnId_IsAnApiError");
        yield return new TestCaseData(nullId.ToString(), "a job without an id").SetName("Wait_StatusWithAJobWithANullId_IsAnApiError");
    }

    [TestCaseSource(nameof(StatusAnswersTheWaitCannotUse))]
    public async Task Wait_StatusAnswerWithoutWhatTheWaitNeeds_FailsTypedAtOnce(string body, string reason)
    {
        await using var server = LoopbackServer.Start();
        server.DefaultResponse = CannedResponse.Json(body);
        using var client = server.CreateClient();
        var options = Fast();
        options.Timeout = TimeSpan.FromSeconds(10); // a wait that polled on would end here, as a timeout, not hang the run

        var ex = await Assert.ThrowsAsync<EdgeImpulseApiException>(() => client.Jobs.AttachToJob(ProjectId, TrainingJobId).WaitForCompletionAsync(options, CancellationToken.None));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(ex!.Message, Does.Contain(reason).And.Contain(TrainingJobId.ToString(System.Globalization.CultureInfo.InvariantCulture)));
            Assert.That((ex.OperationId, ex.Status), Is.EqualTo(("getJobStatus", 200)));
            Assert.That(server.Requests, Has.Count.EqualTo(1), "no second poll");
        }
    }

    [Test]
    public void JobFailedException_ForAJobWithoutAnId_IsAnArgumentError()
    {
        var job = FixtureJson.Read<GetJobResponse>("Jobs/getJobStatus.failed.json").Job!;
        job.Id = null;

        var ex = Assert.Throws<ArgumentException>(() => _ = new EdgeImpulseJobFailedException(ProjectId, job, []));

        Assert.That(ex!.ParamName, Is.EqualTo("job"));
    }

    [Test]
    public async Task Wait_JobFailed_MessageRedactsTheApiKeyInALogLine()
    {
        var log = JObject.Parse(TestPaths.ReadFixture("Jobs/getJobsLogs.failed.json"));
        log["stdout"]![1]!["data"] = $"Request failed: x-api-key {LoopbackServer.ApiKey} was rejected\n";
        await using var server = LoopbackServer.Start();
        server.Enqueue(CannedResponse.Fixture("Jobs/getJobStatus.failed.json")).Enqueue(CannedResponse.Json(log.ToString()));
        using var client = server.CreateClient();

        var ex = await Assert.ThrowsAsync<EdgeImpulseJobFailedException>(() => client.Jobs.AttachToJob(ProjectId, FailedJobId).WaitForCompletionAsync(Fast(), CancellationToken.None));

        Assert.That(ex!.Message, Does.Contain("x-api-key *** was rejected").And.Not.Contain(LoopbackServer.ApiKey));
    }

    [TestCase(280)]
    [TestCase(290)]
    [TestCase(297)]
    public async Task Wait_JobFailed_AKeyAcrossTheReasonCut_LeavesNoPartOfItInTheMessage(int padding)
    {
        var log = JObject.Parse(TestPaths.ReadFixture("Jobs/getJobsLogs.failed.json"));
        log["stdout"]![1]!["data"] = new string('x', padding) + LoopbackServer.ApiKey.ToUpperInvariant() + " rejected\n";
        await using var server = LoopbackServer.Start();
        server.Enqueue(CannedResponse.Fixture("Jobs/getJobStatus.failed.json")).Enqueue(CannedResponse.Json(log.ToString()));
        using var client = server.CreateClient();

        var ex = await Assert.ThrowsAsync<EdgeImpulseJobFailedException>(() => client.Jobs.AttachToJob(ProjectId, FailedJobId).WaitForCompletionAsync(Fast(), CancellationToken.None));

        Assert.That(ex!.Message, Does.Not.Contain("EI_0").IgnoreCase.And.Contain("***"));
    }

    [Test]
    public async Task Wait_PublicConstructorOverAJobsClient_RedactsTheApiKeyToo()
    {
        var log = JObject.Parse(TestPaths.ReadFixture("Jobs/getJobsLogs.failed.json"));
        log["stdout"]![1]!["data"] = $"Request failed: x-api-key {LoopbackServer.ApiKey} was rejected\n";
        await using var server = LoopbackServer.Start();
        server.Enqueue(CannedResponse.Fixture("Jobs/getJobStatus.failed.json")).Enqueue(CannedResponse.Json(log.ToString()));
        using var client = server.CreateClient();
        IJobsClient jobs = client.Jobs;

        var ex = await Assert.ThrowsAsync<EdgeImpulseJobFailedException>(() => new JobOperation(jobs, ProjectId, FailedJobId).WaitForCompletionAsync(Fast(), CancellationToken.None));

        Assert.That(ex!.Message, Does.Contain("x-api-key *** was rejected").And.Not.Contain(LoopbackServer.ApiKey));
    }

    [Test]
    public async Task Wait_ServerThatHangsUntilTheHttpTimeout_TheHangCountsTowardsTheTolerance()
    {
        // Each poll hangs 50 s and then fails without a response; the tolerance is the default 60 s.
        var clock = new SteppingClock();
        var jobs = new HangingJobsClient(clock, TimeSpan.FromSeconds(50));

        var ex = await Assert.ThrowsAsync<EdgeImpulseApiException>(() => new JobOperation(jobs.Client, ProjectId, TrainingJobId).WaitForCompletionAsync(new JobWaitOptions { TimeProvider = clock }, CancellationToken.None));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(jobs.Calls, Is.EqualTo(2), "the second failure ends 101 s after the first attempt started");
            Assert.That(ex!.Status, Is.Zero);
            Assert.That(ex.Message, Does.Contain("failing for 00:01:41 with retries"));
        }
    }

    [Test]
    public async Task Wait_ToleratesABurstOfServerErrorsAndADroppedConnection()
    {
        await using var server = LoopbackServer.Start();
        server.Enqueue(new CannedResponse(502, File.ReadAllBytes(TestPaths.Fixture("Common/error.bad-gateway.html")), "text/html"))
            .Enqueue(CannedResponse.Json("{\"success\":false,\"error\":\"Service unavailable\"}", 503))
            .Enqueue(CannedResponse.Dropped)
            .Enqueue(CannedResponse.Fixture("Jobs/getJobStatus.running.json"))
            .Enqueue(CannedResponse.Json("{}", 500))
            .Enqueue(CannedResponse.Fixture("Jobs/getJobStatus.success.json"));
        using var client = server.CreateClient();
        var progress = new RecordingProgress();

        var job = await client.Jobs.AttachToJob(ProjectId, TrainingJobId).WaitForCompletionAsync(Fast(progress), CancellationToken.None);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(job.FinishedSuccessful, Is.True);
            Assert.That(server.Requests, Has.Count.EqualTo(6));
            Assert.That(progress.Reports.Select(p => p.State), Is.EqualTo(new[] { JobProgressState.Started, JobProgressState.Finished }));
        }
    }

    [Test]
    public async Task DroppedConnection_IsANoResponseFailure()
    {
        await using var server = LoopbackServer.Start();
        server.Enqueue(CannedResponse.Dropped);
        using var client = server.CreateClient();

        var ex = await Assert.ThrowsAsync<EdgeImpulseApiException>(() => client.Jobs.GetJobStatusAsync(ProjectId, TrainingJobId, CancellationToken.None));

        Assert.That((ex!.Status, ex.OperationId), Is.EqualTo((0, "getJobStatus")));
    }

    [Test]
    public async Task Wait_ServerErrorsWithZeroTolerance_ThrowAtTheFirst()
    {
        await using var server = LoopbackServer.Start();
        server.DefaultResponse = CannedResponse.Json("{\"success\":false,\"error\":\"Service unavailable\"}", 503);
        using var client = server.CreateClient();
        var options = Fast();
        options.TransientFailureTolerance = TimeSpan.Zero;

        var ex = await Assert.ThrowsAsync<EdgeImpulseApiException>(() => client.Jobs.AttachToJob(ProjectId, TrainingJobId).WaitForCompletionAsync(options, CancellationToken.None));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(ex!.Status, Is.EqualTo(503));
            Assert.That(ex.OperationId, Is.EqualTo("getJobStatus"));
            Assert.That(ex.ErrorText, Is.EqualTo("Service unavailable"));
            Assert.That(server.Requests, Has.Count.EqualTo(1));
        }
    }

    [Test]
    public async Task Wait_ServerErrorsLongerThanTolerated_RethrowTheLastWithContext()
    {
        await using var server = LoopbackServer.Start();
        server.DefaultResponse = CannedResponse.Json("{\"success\":false,\"error\":\"Service unavailable\"}", 503);
        using var client = server.CreateClient();
        // The tolerance in the poller's clock (100x): 60 ms of real time was less than one cold first request on a
        // loaded machine, which then gave up before a second poll.
        var options = Fast();
        options.TimeProvider = new FastClock(speedup: 100);
        options.TransientFailureTolerance = TimeSpan.FromSeconds(60);

        var ex = await Assert.ThrowsAsync<EdgeImpulseApiException>(() => client.Jobs.AttachToJob(ProjectId, TrainingJobId).WaitForCompletionAsync(options, CancellationToken.None));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(ex!.Status, Is.EqualTo(503));
            Assert.That(ex.InnerException, Is.TypeOf<EdgeImpulseApiException>());
            Assert.That(ex.Message, Does.Contain("job 1847312964").And.Contain("TransientFailureTolerance"));
            Assert.That(server.Requests, Has.Count.GreaterThan(1));
        }
    }

    [Test]
    public async Task Wait_TooManyRequestsWithRetryAfter_WaitsThatLong()
    {
        await using var server = LoopbackServer.Start();
        server.Enqueue(TooManyRequests("7")).Enqueue(CannedResponse.Fixture("Jobs/getJobStatus.success.json"));
        using var client = server.CreateClient();
        // 100x, not the default 1000x: at 1000x a 60 ms stall of a loaded machine is already the 60 s tolerance.
        var clock = new FastClock(speedup: 100);

        var job = await client.Jobs.AttachToJob(ProjectId, TrainingJobId).WaitForCompletionAsync(new JobWaitOptions { TimeProvider = clock }, CancellationToken.None);

        Assert.That((job.FinishedSuccessful, clock.RequestedTimers), Is.EqualTo((true, new[] { TimeSpan.FromSeconds(7) })));
    }

    [Test]
    public async Task Wait_RetryAfterBeyondTheTolerance_GivesUpAtOnce()
    {
        await using var server = LoopbackServer.Start();
        server.Enqueue(TooManyRequests("120"));
        using var client = server.CreateClient();

        var ex = await Assert.ThrowsAsync<EdgeImpulseApiException>(() => client.Jobs.AttachToJob(ProjectId, TrainingJobId).WaitForCompletionAsync(new JobWaitOptions { TimeProvider = new FastClock() }, CancellationToken.None));

        Assert.That((ex!.Status, ex.RetryAfter, server.Requests.Count), Is.EqualTo((429, TimeSpan.FromSeconds(120), 1)));
    }

    [TestCase("Common/error.project-not-found.json", 404)]
    [TestCase("Common/error.success-false.json", 200)]
    public async Task Wait_ClientErrorOrSuccessFalse_IsNotRetried(string fixture, int status)
    {
        await using var server = LoopbackServer.Start();
        server.Enqueue(CannedResponse.Fixture(fixture, status)).Enqueue(CannedResponse.Fixture("Jobs/getJobStatus.success.json"));
        using var client = server.CreateClient();

        var ex = await Assert.ThrowsAsync<EdgeImpulseApiException>(() => client.Jobs.AttachToJob(ProjectId, TrainingJobId).WaitForCompletionAsync(Fast(), CancellationToken.None));

        Assert.That((ex!.Status, server.Requests.Count), Is.EqualTo((status, 1)));
    }

    [Test]
    public async Task Wait_CallerCancels_ThrowsWithTheCallersTokenAndStopsPolling()
    {
        await using var server = LoopbackServer.Start();
        server.DefaultResponse = CannedResponse.Fixture("Jobs/getJobStatus.running.json");
        using var client = server.CreateClient();
        using var cts = new CancellationTokenSource();
        var options = Fast(new RecordingProgress(_ => cts.Cancel()));

        var ex = await Assert.ThrowsAsync<OperationCanceledException>(() => client.Jobs.AttachToJob(ProjectId, TrainingJobId).WaitForCompletionAsync(options, cts.Token));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(ex!.CancellationToken, Is.EqualTo(cts.Token));
            Assert.That(ex.Message, Does.Contain("1847312964").And.Contain("keeps running on the server"));
            Assert.That(server.Requests.Select(r => (r.Method, r.Path)), Is.EqualTo(new[] { ("GET", StatusPath) }));
        }
    }

    [Test]
    public async Task Wait_CallerCancelsWithCancelJobOnAbort_CancelsTheJobOnTheServer()
    {
        await using var server = LoopbackServer.Start();
        server.Enqueue(CannedResponse.Fixture("Jobs/getJobStatus.running.json")).Enqueue(CannedResponse.Fixture("Jobs/cancelJob.success.json"));
        using var client = server.CreateClient();
        using var cts = new CancellationTokenSource();
        var options = Fast(new RecordingProgress(_ => cts.Cancel()));
        options.CancelJobOnAbort = true;

        var ex = await Assert.ThrowsAsync<OperationCanceledException>(() => client.Jobs.AttachToJob(ProjectId, TrainingJobId).WaitForCompletionAsync(options, cts.Token));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(ex!.CancellationToken, Is.EqualTo(cts.Token));
            Assert.That(ex.Message, Does.Contain("cancelled on the server"));
            Assert.That(server.Requests.Select(r => (r.Method, r.Path, r.Query)), Is.EqualTo(new[] { ("GET", StatusPath, string.Empty), ("POST", CancelPath, string.Empty) }));
        }
    }

    [Test]
    public async Task Wait_CallerCancelsAndCancelJobFails_StillReportsTheCancellation()
    {
        await using var server = LoopbackServer.Start();
        server.Enqueue(CannedResponse.Fixture("Jobs/getJobStatus.running.json"))
            .Enqueue(CannedResponse.Json("{\"success\":false,\"error\":\"Cluster unreachable\"}", 503));
        using var client = server.CreateClient();
        using var cts = new CancellationTokenSource();
        var options = Fast(new RecordingProgress(_ => cts.Cancel()));
        options.CancelJobOnAbort = true;

        var ex = await Assert.ThrowsAsync<OperationCanceledException>(() => client.Jobs.AttachToJob(ProjectId, TrainingJobId).WaitForCompletionAsync(options, cts.Token));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(ex!.CancellationToken, Is.EqualTo(cts.Token));
            Assert.That(ex.InnerException, Is.TypeOf<EdgeImpulseApiException>().With.Property(nameof(EdgeImpulseApiException.OperationId)).EqualTo("cancelJob"));
            Assert.That(ex.Message, Does.Contain("Cluster unreachable"));
        }
    }

    [TestCase(true)]
    [TestCase(false)]
    public async Task Wait_Timeout_ThrowsTypedTimeoutAndCancelsOnlyWhenAsked(bool cancelJobOnAbort)
    {
        await using var server = LoopbackServer.Start();
        server.Responder = r => r.Method == "POST" ? CannedResponse.Fixture("Jobs/cancelJob.success.json") : CannedResponse.Fixture("Jobs/getJobStatus.running.json");
        using var client = server.CreateClient();
        var options = Fast();
        options.Timeout = TimeSpan.FromMilliseconds(150);
        options.CancelJobOnAbort = cancelJobOnAbort;

        var ex = await Assert.ThrowsAsync<EdgeImpulseJobTimeoutException>(() => client.Jobs.AttachToJob(ProjectId, TrainingJobId).WaitForCompletionAsync(options, CancellationToken.None));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(ex!.JobId, Is.EqualTo(TrainingJobId));
            Assert.That(ex.ProjectId, Is.EqualTo(ProjectId));
            Assert.That(ex.Timeout, Is.EqualTo(TimeSpan.FromMilliseconds(150)));
            Assert.That(ex.CancelledOnServer, Is.EqualTo(cancelJobOnAbort));
            Assert.That(ex.CancelJobFailure, Is.Null);
            Assert.That(ex.Message, Does.Contain("1847312964").And.Contain("00:00:00.15"));
            Assert.That(server.Requests.Where(r => r.Method == "POST").Select(r => r.Path), Is.EqualTo(cancelJobOnAbort ? new[] { CancelPath } : Array.Empty<string>()));
            Assert.That(server.Requests[^1].Method, Is.EqualTo(cancelJobOnAbort ? "POST" : "GET"), "no poll after the timeout");
        }
    }

    [Test]
    public async Task Wait_TimeoutAndCancelJobFails_KeepsTheTimeoutAndTheCancelFailure()
    {
        await using var server = LoopbackServer.Start();
        server.Responder = r => r.Method == "POST"
            ? CannedResponse.Json("{\"success\":false,\"error\":\"Cluster unreachable\"}", 503)
            : CannedResponse.Fixture("Jobs/getJobStatus.running.json");
        using var client = server.CreateClient();
        var options = Fast();
        options.Timeout = TimeSpan.FromMilliseconds(100);
        options.CancelJobOnAbort = true;

        var ex = await Assert.ThrowsAsync<EdgeImpulseJobTimeoutException>(() => client.Jobs.AttachToJob(ProjectId, TrainingJobId).WaitForCompletionAsync(options, CancellationToken.None));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(ex!.CancelledOnServer, Is.False);
            Assert.That(ex.CancelJobFailure, Is.TypeOf<EdgeImpulseApiException>().With.Property(nameof(EdgeImpulseApiException.Status)).EqualTo(503));
            Assert.That(ex.Message, Does.Contain("cancelling it on the server failed").And.Contain("Cluster unreachable"));
        }
    }

    [Test]
    public async Task UpdateStatusAndCancel_SendOneRequestEach()
    {
        await using var server = LoopbackServer.Start();
        server.Enqueue(CannedResponse.Fixture("Jobs/getJobStatus.running.json")).Enqueue(CannedResponse.Fixture("Jobs/cancelJob.success.json"));
        using var client = server.CreateClient();
        var operation = client.Jobs.AttachToJob(ProjectId, TrainingJobId);
        var before = (operation.LastStatus, operation.HasCompleted);

        var job = await operation.UpdateStatusAsync(CancellationToken.None);
        await operation.CancelAsync(force: true, CancellationToken.None);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(before, Is.EqualTo(((Job?)null, false)));
            Assert.That((operation.LastStatus, operation.HasCompleted), Is.EqualTo((job, false)));
            Assert.That(operation.ToString(), Is.EqualTo("Job 1847312964 in project 52187: Started"));
            Assert.That(server.Requests.Select(r => (r.Method, r.Path, r.Query)), Is.EqualTo(new[] { ("GET", StatusPath, string.Empty), ("POST", CancelPath, "forceCancel=true") }));
        }
    }

    [Test]
    public async Task Operation_WorksOverAnyIJobsClient()
    {
        var jobs = new ScriptedJobsClient("Jobs/getJobStatus.running.json", "Jobs/getJobStatus.success.json");
        var operation = new JobOperation(jobs.Client, ProjectId, TrainingJobId);

        var job = await operation.WaitForCompletionAsync(Fast(), CancellationToken.None);

        Assert.That((job.FinishedSuccessful, jobs.StatusCalls), Is.EqualTo((true, 2)));
    }

    [Test]
    public void Operation_RejectsBadArguments()
    {
        var jobs = new ScriptedJobsClient();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(() => new JobOperation(null!, ProjectId, TrainingJobId), Throws.ArgumentNullException);
            Assert.That(() => new JobOperation(jobs.Client, 0, TrainingJobId), Throws.TypeOf<ArgumentOutOfRangeException>().With.Property("ParamName").EqualTo("projectId"));
            Assert.That(() => new JobOperation(jobs.Client, ProjectId, -1), Throws.TypeOf<ArgumentOutOfRangeException>().With.Property("ParamName").EqualTo("jobId"));
            Assert.That(() => new JobOperation(jobs.Client, ProjectId, TrainingJobId).GetLastLogLinesAsync(1001), Throws.TypeOf<ArgumentOutOfRangeException>().With.Property("ParamName").EqualTo("count"));
        }
    }

    internal static JobWaitOptions Fast(IProgress<JobProgress>? progress = null) => new()
    {
        InitialPollInterval = TimeSpan.FromMilliseconds(5),
        MaxPollInterval = TimeSpan.FromMilliseconds(20),
        Progress = progress,
    };

    private static CannedResponse TooManyRequests(string retryAfter) =>
        CannedResponse.Json("{\"success\":false,\"error\":\"Too many requests\"}", 429) with { Headers = new Dictionary<string, string> { ["Retry-After"] = retryAfter } };

    /// <summary>A jobs client (<see cref="Client"/>) whose status polls each take <c>hang</c> on the clock and then fail without a response.</summary>
    private sealed class HangingJobsClient
    {
        private int _calls;

        public HangingJobsClient(SteppingClock clock, TimeSpan hang)
        {
            Client = StatusOnlyJobsClient.Create(
                () =>
                {
                    Interlocked.Increment(ref _calls);
                    clock.Advance(hang);
                    throw new EdgeImpulseApiException("getJobStatus: the request timed out", "getJobStatus", 0, null, null, null);
                },
                "this client only hangs on getJobStatus.");
        }

        public IJobsClient Client { get; }

        public int Calls => _calls;
    }
}
