extern alias SampleApp;

using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using EdgeImpulse.Generated.Simulator;
using EdgeImpulse.Generated.Tests.Custom.Jobs;
using NUnit.Framework;
using SampleApp::EdgeImpulse.Generated.Sample;
using static EdgeImpulse.Generated.Tests.Simulator.SimulatorTestKit;

namespace EdgeImpulse.Generated.Tests.Simulator;

/// <summary>
/// End to end against the simulator: the sample's workflow as a newcomer runs it, and JobOperation's waits, aborts,
/// log streams and retries on jobs that really start, log, finish, fail or get cancelled.
/// </summary>
[TestFixture]
public sealed class SimulatorWorkflowTests
{
    // A training job that runs long enough to be caught running (the test ends it, or the simulator is disposed).
    private static readonly JobTimings LongTraining = new() { StartDelay = TimeSpan.FromMilliseconds(20), TrainKeras = TimeSpan.FromMinutes(5) };

    [Test]
    public async Task SampleWorkflow_RunsAsWritten_AndReportsWhatTheStudioSays()
    {
        await using var sim = await StartAsync();
        using var client = CreateClient(sim);
        using var bound = Bound();
        var output = new StringWriter();

        var result = await TrainingWorkflow.RunAsync(client, sim.ProjectId, output, bound.Token, FastWait());

        var metadata = await client.Dsp.GetDspMetadataAsync(sim.ProjectId, result.DspId);
        var keras = await client.Learn.GetKerasMetadataAsync(sim.ProjectId, result.LearnId);
        var log = await client.Jobs.GetJobsLogsAsync(sim.ProjectId, result.TrainingJob.Id!.Value, limit: 1000);
        var text = await client.Jobs.DownloadJobsLogsAsync(sim.ProjectId, result.TrainingJob.Id!.Value);
        using (Assert.EnterMultipleScope())
        {
            Assert.That((result.DspId, result.LearnId), Is.EqualTo((sim.DspId, sim.LearnId)));
            Assert.That((result.FeatureJob.CategoryKey, result.FeatureJob.FinishedSuccessful), Is.EqualTo(("dsp-generate-features", (bool?)true)));
            Assert.That((result.TrainingJob.CategoryKey, result.TrainingJob.FinishedSuccessful), Is.EqualTo(("learn-train-studio-wrapper", (bool?)true)));
            Assert.That(result.LogLineCount, Is.GreaterThan(0).And.EqualTo(log.TotalCount), "every line of the training log was streamed once");
            Assert.That(result.FeatureShape, Is.EqualTo(new[] { metadata.WindowCount, metadata.FeatureCount }));
            Assert.That(result.FeatureType, Is.EqualTo("float32"));
            Assert.That(result.Accuracy, Is.EqualTo(keras.ModelValidationMetrics.Single(m => m.Type == KerasModelType.Float32).Accuracy));
            Assert.That(result.Accuracy, Is.EqualTo(LastValidationAccuracy(text)).Within(0.00005), "the metrics are the last val_accuracy the log printed (4 decimals)");
            Assert.That(output.ToString(), Does.Contain($"Done: features job {result.FeatureJob.Id}, training job {result.TrainingJob.Id} ({result.LogLineCount} log lines)"));
            Assert.That(output.ToString(), Does.Contain("      | Job completed (success)"));
            Assert.That(result.Deployment.Job.CategoryKey, Is.EqualTo("build-ondevice-model"));
            Assert.That(result.Deployment.FileName, Is.EqualTo("ei-continuous-motion-recognition-zip-v1.zip"));
            Assert.That(result.Deployment.Length, Is.GreaterThan(1000));
            Assert.That(result.DeploymentContent.MetadataProjectId, Is.EqualTo(sim.ProjectId), "the package's model_metadata.h names the project it was built from");
            Assert.That(result.DeploymentContent.EntryCount, Is.EqualTo(5));
            Assert.That(output.ToString(), Does.Contain($"Downloaded ei-continuous-motion-recognition-zip-v1.zip: {result.Deployment.Length} bytes, deployment version 1, 5 files; model_metadata.h names project {sim.ProjectId} (matches this project)"));
            Assert.That(output.ToString(), Does.Contain($"deployment ei-continuous-motion-recognition-zip-v1.zip ({result.Deployment.Length} bytes)."));
        }
    }

    [TestCase(false)]
    [TestCase(true)]
    public async Task TrainingWithoutFeatures_FailsWithTheJobAndItsErrorLines(bool logReadFailsFirst)
    {
        await using var sim = await StartAsync();
        using var client = CreateClient(sim);
        using var bound = Bound();
        if (logReadFailsFirst)
        {
            // The failure's log is read like a status poll: a 5xx and a dropped connection are retried.
            sim.Faults.Add(new Fault { Kind = FaultKind.ServerError, OperationId = "getJobsLogs" });
            sim.Faults.Add(new Fault { Kind = FaultKind.DropConnection, OperationId = "getJobsLogs" });
        }

        var ex = await Assert.ThrowsAsync<EdgeImpulseJobFailedException>(() => client.TrainKerasAsync(sim.ProjectId, sim.LearnId, options: FastWait(), cancellationToken: bound.Token));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(ex!.ProjectId, Is.EqualTo(sim.ProjectId));
            Assert.That(ex.JobId, Is.GreaterThan(int.MaxValue), "a simulator job id");
            Assert.That((ex.Job.CategoryKey, ex.Job.FinishedSuccessful), Is.EqualTo(("learn-train-studio-wrapper", (bool?)false)));
            Assert.That(ex.LastLogLines, Is.Not.Empty);
            Assert.That(ex.LastLogLines.Select(l => l.Created), Is.Ordered);
            Assert.That(ex.LastLogLines.Where(l => l.LogLevel == JobLogLevel.Error).Select(l => l.Data), Has.Some.Contains("No features were generated for DSP block \"Spectral features\" (ID 3)"));
            Assert.That(ex.LastLogLines[^1].Data, Is.EqualTo("Application exited with code 1\n"), "the Studio's last line of a failed job");
            Assert.That(ex.Message, Does.StartWith($"Job {ex.JobId} (Training model) in project {sim.ProjectId} failed: "));
            Assert.That(ex.Message, Does.Contain("No features were generated for DSP block"), "the message quotes the reason, not a generic last line");
            Assert.That(sim.Requests.Select(r => r.OperationId), Does.Not.Contain("getKerasMetadata"), "no metadata is read for a failed training");
            Assert.That(sim.Faults.Pending, Is.Empty);
        }
    }

    [Test]
    public async Task CallerCancels_WithCancelJobOnAbort_TheJobIsCancelledOnTheServer()
    {
        await using var sim = await StartAsync(o => (o.Jobs, o.StartTrained) = (LongTraining, true));
        using var client = CreateClient(sim);
        var operation = await client.Jobs.StartTrainKerasAsync(sim.ProjectId, sim.LearnId, new SetKerasParameterRequest());
        using var cts = new CancellationTokenSource();
        var options = FastWait(new RecordingProgress(p => CancelOnceStarted(p, cts)));
        options.CancelJobOnAbort = true;

        var ex = await Assert.ThrowsAsync<OperationCanceledException>(() => operation.WaitForCompletionAsync(options, cts.Token));

        var job = (await client.Jobs.GetJobStatusAsync(sim.ProjectId, operation.JobId)).Job!;
        var log = await client.Jobs.GetJobsLogsAsync(sim.ProjectId, operation.JobId);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(ex!.CancellationToken, Is.EqualTo(cts.Token));
            Assert.That(ex.Message, Does.Contain("the job was cancelled on the server too"));
            Assert.That(sim.Requests.Count(r => r.OperationId == "cancelJob"), Is.EqualTo(1));
            Assert.That(job.Finished, Is.Not.Null);
            Assert.That(job.FinishedSuccessful, Is.False);
            Assert.That(log.Stdout.Select(l => l.Data), Does.Contain("Job cancelled by user\n"));
        }
    }

    [Test]
    public async Task CallerCancels_WithoutCancelJobOnAbort_TheJobKeepsRunning()
    {
        await using var sim = await StartAsync(o => (o.Jobs, o.StartTrained) = (LongTraining, true));
        using var client = CreateClient(sim);
        var operation = await client.Jobs.StartTrainKerasAsync(sim.ProjectId, sim.LearnId, new SetKerasParameterRequest());
        using var cts = new CancellationTokenSource();

        var ex = await Assert.ThrowsAsync<OperationCanceledException>(() => operation.WaitForCompletionAsync(FastWait(new RecordingProgress(p => CancelOnceStarted(p, cts))), cts.Token));

        var job = (await client.Jobs.GetJobStatusAsync(sim.ProjectId, operation.JobId)).Job!;
        using (Assert.EnterMultipleScope())
        {
            Assert.That(ex!.Message, Does.Contain("the job keeps running on the server"));
            Assert.That(sim.Requests.Select(r => r.OperationId), Does.Not.Contain("cancelJob"));
            Assert.That((job.Started, job.Finished), Is.EqualTo((operation.LastStatus!.Started, (DateTimeOffset?)null)));
        }
    }

    [Test]
    public async Task Timeout_ThrowsTheTypedTimeout_WithTheLastStatus()
    {
        await using var sim = await StartAsync(o => (o.Jobs, o.StartTrained) = (LongTraining, true));
        using var client = CreateClient(sim);
        var operation = await client.Jobs.StartTrainKerasAsync(sim.ProjectId, sim.LearnId, new SetKerasParameterRequest());
        await operation.UpdateStatusAsync();
        var options = FastWait();
        options.Timeout = TimeSpan.FromMilliseconds(300);

        var ex = await Assert.ThrowsAsync<EdgeImpulseJobTimeoutException>(() => operation.WaitForCompletionAsync(options, CancellationToken.None));

        var job = (await client.Jobs.GetJobStatusAsync(sim.ProjectId, operation.JobId)).Job!;
        using (Assert.EnterMultipleScope())
        {
            Assert.That((ex!.ProjectId, ex.JobId, ex.Timeout), Is.EqualTo((sim.ProjectId, operation.JobId, TimeSpan.FromMilliseconds(300))));
            Assert.That(ex.LastStatus?.Id, Is.EqualTo(operation.JobId));
            Assert.That(ex.CancelledOnServer, Is.False);
            Assert.That(job.Finished, Is.Null, "without CancelJobOnAbort the job runs on");
        }
    }

    [TestCase(1)]
    [TestCase(5)]
    [TestCase(100)]
    public async Task StreamLogs_YieldsTheWholeLogInOrder_EachLineOnce(int logLinesPerPoll)
    {
        await using var sim = await StartAsync(o => (o.StartTrained, o.Jobs.TrainKeras) = (true, TimeSpan.FromMilliseconds(400)));
        using var client = CreateClient(sim);
        using var bound = Bound();
        var operation = await client.Jobs.StartTrainKerasAsync(sim.ProjectId, sim.LearnId, new SetKerasParameterRequest { TrainingCycles = 150 }, bound.Token);
        var options = FastWait();
        options.LogLinesPerPoll = logLinesPerPoll;

        var streamed = await CollectAsync(operation.StreamLogsAsync(options, bound.Token));

        await AssertWholeLogAsync(client, sim, operation, streamed);
        Assert.That(operation.HasCompleted, Is.True, "the stream ends once the job has finished");
    }

    [Test]
    public async Task Wait_ThroughServerErrorsRateLimitsAndDroppedConnections_Completes()
    {
        await using var sim = await StartAsync(o => o.StartTrained = true);
        using var client = CreateClient(sim);
        using var bound = Bound();
        var operation = await client.Jobs.StartTrainKerasAsync(sim.ProjectId, sim.LearnId, new SetKerasParameterRequest(), bound.Token);
        AddFaults(sim, "getJobStatus");
        var clock = new FastClock(speedup: 10);

        var job = await operation.WaitForCompletionAsync(ClockedWait(clock), bound.Token);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(job.FinishedSuccessful, Is.True);
            Assert.That(sim.Faults.Pending, Is.Empty, "every fault hit a poll");
            Assert.That(FaultsHit(sim, "getJobStatus"), Is.EquivalentTo(AllFaultKinds));
            Assert.That(clock.RequestedTimers, Does.Contain(TimeSpan.FromSeconds(1)), "the 429's Retry-After was waited out");
        }
    }

    [Test]
    public async Task StreamLogs_ThroughFaultsOnStatusAndLogReads_StillYieldsTheWholeLog()
    {
        await using var sim = await StartAsync(o => (o.StartTrained, o.Jobs.TrainKeras) = (true, TimeSpan.FromMilliseconds(400)));
        using var client = CreateClient(sim);
        using var bound = Bound();
        var operation = await client.Jobs.StartTrainKerasAsync(sim.ProjectId, sim.LearnId, new SetKerasParameterRequest { TrainingCycles = 60 }, bound.Token);
        AddFaults(sim, "getJobsLogs");
        AddFaults(sim, "getJobStatus");
        var options = ClockedWait(new FastClock(speedup: 10));
        options.LogLinesPerPoll = 5;

        var streamed = await CollectAsync(operation.StreamLogsAsync(options, bound.Token));

        Assert.That(FaultsHit(sim, "getJobsLogs"), Is.EquivalentTo(AllFaultKinds));
        await AssertWholeLogAsync(client, sim, operation, streamed);
    }

    private static FaultKind[] AllFaultKinds => [FaultKind.ServerError, FaultKind.ServerError, FaultKind.ServerError, FaultKind.DropConnection, FaultKind.RateLimited, FaultKind.TruncatedBody];

    // A bound on a whole test, so a broken wait fails it instead of hanging the run; never reached when things work.
    private static CancellationTokenSource Bound() => new(TimeSpan.FromSeconds(60));

    private static JobWaitOptions FastWait(IProgress<JobProgress>? progress = null) => new()
    {
        InitialPollInterval = TimeSpan.FromMilliseconds(5),
        MaxPollInterval = TimeSpan.FromMilliseconds(25),
        Progress = progress,
    };

    // Poll intervals of 5-25 ms and the simulator's 1 s Retry-After as 100 ms, on a clock 10 times faster.
    private static JobWaitOptions ClockedWait(FastClock clock) => new()
    {
        InitialPollInterval = TimeSpan.FromMilliseconds(50),
        MaxPollInterval = TimeSpan.FromMilliseconds(250),
        TimeProvider = clock,
    };

    private static void CancelOnceStarted(JobProgress progress, CancellationTokenSource cts)
    {
        if (progress.State == JobProgressState.Started)
        {
            cts.Cancel();
        }
    }

    // A 5xx burst (JSON 500s and the nginx 502 page), a dropped connection, a 429 and a half-sent body, in turn.
    private static void AddFaults(StudioSimulator sim, string operationId)
    {
        sim.Faults.Add(new Fault { Kind = FaultKind.ServerError, OperationId = operationId, Count = 2 });
        sim.Faults.Add(new Fault { Kind = FaultKind.ServerError, Status = 502, OperationId = operationId });
        sim.Faults.Add(new Fault { Kind = FaultKind.DropConnection, OperationId = operationId });
        sim.Faults.Add(new Fault { Kind = FaultKind.RateLimited, RetryAfter = TimeSpan.FromSeconds(1), OperationId = operationId });
        sim.Faults.Add(new Fault { Kind = FaultKind.TruncatedBody, OperationId = operationId });
    }

    private static FaultKind[] FaultsHit(StudioSimulator sim, string operationId) =>
        sim.Requests.Where(r => r.OperationId == operationId && r.Fault is not null).Select(r => r.Fault!.Value).ToArray();

    private static async Task<List<JobLogLine>> CollectAsync(IAsyncEnumerable<JobLogLine> lines)
    {
        var collected = new List<JobLogLine>();
        await foreach (var line in lines)
        {
            collected.Add(line);
        }

        return collected;
    }

    // The streamed lines are the job's whole log: the chronological text download, and the last 1000 lines read once it has finished.
    private static async Task AssertWholeLogAsync(EdgeImpulseClient client, StudioSimulator sim, JobOperation operation, List<JobLogLine> streamed)
    {
        var final = await client.Jobs.GetJobsLogsAsync(sim.ProjectId, operation.JobId, limit: 1000);
        var text = await client.Jobs.DownloadJobsLogsAsync(sim.ProjectId, operation.JobId);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(streamed.Where(l => l.IsGapNotice), Is.Empty);
            Assert.That(final.TotalCount, Is.LessThanOrEqualTo(1000).And.GreaterThan(100), "the whole log fits one read, and takes many polls");
            Assert.That(streamed.Select(l => (l.Created, l.Data, l.LogLevel)), Is.EqualTo(final.Stdout.Reverse().Select(l => (l.Created, l.Data, l.LogLevel))));
            Assert.That(string.Concat(streamed.Select(l => l.Data)), Is.EqualTo(text));
        }
    }
}
