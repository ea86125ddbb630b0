using System;
using System.Buffers.Binary;
using System.Collections.Generic;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using EdgeImpulse.Generated.Npy;
using EdgeImpulse.Generated.Tests.Custom.Jobs;
using EdgeImpulse.Generated.Tests.Custom.Npy;
using NSubstitute;
using NSubstitute.ExceptionExtensions;
using NSubstitute.Extensions;
using NUnit.Framework;

namespace EdgeImpulse.Generated.Tests.Custom;

/// <summary>
/// A user's own code tested with mocks (NSubstitute) of the facade, the area interfaces and <see cref="JobOperation"/>:
/// every member the README's usage calls can be substituted.
/// </summary>
[TestFixture]
public sealed class MockingTests
{
    private const int ProjectId = 52187;
    private const int LearnId = 4;
    private const int DspId = 3;

    private static readonly Job Finished = new() { Id = 42, Category = "Training model", Finished = DateTimeOffset.UnixEpoch, FinishedSuccessful = true };

    [Test]
    public async Task AMockedJobsClient_ThrowsARateLimit_TheUserCodeSees()
    {
        var jobs = Substitute.For<IJobsClient>();
        jobs.StartTrainKerasAsync(ProjectId, LearnId, Arg.Any<SetKerasParameterRequest>(), Arg.Any<CancellationToken>())
            .ThrowsAsync(new EdgeImpulseApiException(429, "trainKerasJob failed (HTTP 429): Too many requests", operationId: "trainKerasJob", retryAfter: TimeSpan.FromSeconds(3)));

        var ex = await Assert.ThrowsAsync<EdgeImpulseApiException>(() => UserCode.StartTrainingAsync(jobs));

        Assert.Multiple(() =>
        {
            Assert.That(ex!.Status, Is.EqualTo(429));
            Assert.That(ex.RetryAfter, Is.EqualTo(TimeSpan.FromSeconds(3)));
            Assert.That(ex.OperationId, Is.EqualTo("trainKerasJob"));
        });
    }

    [Test]
    public async Task ARealJobOperation_OverAMockedJobsClient_WaitsOutA429_ThenReturnsTheJob()
    {
        var jobs = Substitute.For<IJobsClient>();
        jobs.GetJobStatusAsync(ProjectId, 42, Arg.Any<CancellationToken>()).Returns(
            _ => throw new EdgeImpulseApiException(429, "getJobStatus failed (HTTP 429)", operationId: "getJobStatus", retryAfter: TimeSpan.FromSeconds(2)),
            _ => Task.FromResult(new GetJobResponse { Success = true, Job = Finished }));
        var clock = new FastClock();

        var job = await new JobOperation(jobs, ProjectId, 42).WaitForCompletionAsync(new JobWaitOptions { TimeProvider = clock });

        Assert.That(job.Id, Is.EqualTo(42));
        await jobs.Received(2).GetJobStatusAsync(ProjectId, 42, Arg.Any<CancellationToken>());
        Assert.That(clock.RequestedTimers, Does.Contain(TimeSpan.FromSeconds(2)), "the 429's Retry-After was honoured");
    }

    [Test]
    public async Task AMockedJobOperation_YieldsTheLogLines_TheUserCodePrints()
    {
        var training = Substitute.For<JobOperation>();
        training.JobId.Returns(42);
        training.StreamLogsAsync(Arg.Any<JobWaitOptions?>(), Arg.Any<CancellationToken>()).Returns(_ => Lines("Epoch 1/2", "Epoch 2/2"));
        training.WaitForCompletionAsync(Arg.Any<JobWaitOptions?>(), Arg.Any<CancellationToken>()).Returns(Finished);
        var jobs = Substitute.For<IJobsClient>();
        jobs.StartTrainKerasAsync(ProjectId, LearnId, Arg.Any<SetKerasParameterRequest>(), Arg.Any<CancellationToken>()).Returns(training);

        var printed = await UserCode.TrainAndPrintLogAsync(jobs);

        Assert.That(printed, Is.EqualTo(new[] { "job 42: Epoch 1/2", "job 42: Epoch 2/2", "job 42 done: True" }));
    }

    [Test]
    public async Task AMockedFacade_AnswersTheWorkflowHelper()
    {
        var client = Substitute.For<EdgeImpulseClient>();
        client.GenerateFeaturesAsync(ProjectId, DspId, Arg.Any<JobWaitOptions?>(), Arg.Any<CancellationToken>()).Returns(Finished);

        var job = await client.GenerateFeaturesAsync(ProjectId, DspId);

        Assert.That(job, Is.SameAs(Finished));
    }

    [Test]
    public async Task AFacadeWithMockedAreaClients_RunsItsRealWorkflowHelper_ThroughThem()
    {
        var operation = Substitute.For<JobOperation>();
        operation.WaitForCompletionAsync(Arg.Any<JobWaitOptions?>(), Arg.Any<CancellationToken>()).Returns(Finished);
        var jobs = Substitute.For<IJobsClient>();
        jobs.StartGenerateFeaturesAsync(ProjectId, Arg.Is<GenerateFeaturesRequest>(r => r.DspId == DspId), Arg.Any<CancellationToken>()).Returns(operation);
        var client = Substitute.ForPartsOf<EdgeImpulseClient>();
        client.Configure().Jobs.Returns(jobs);

        var job = await client.GenerateFeaturesAsync(ProjectId, DspId);

        Assert.That(job, Is.SameAs(Finished));
        await jobs.Received(1).StartGenerateFeaturesAsync(ProjectId, Arg.Any<GenerateFeaturesRequest>(), Arg.Any<CancellationToken>());
    }

    [Test]
    public async Task AMockedDspClient_StartsAProfileJob()
    {
        var operation = Substitute.For<JobOperation>();
        operation.JobId.Returns(77);
        var dsp = Substitute.For<IDspClient>();
        dsp.StartProfileAsync(ProjectId, DspId, Arg.Any<DspRunRequestWithoutFeaturesReadOnly>(), Arg.Any<CancellationToken>()).Returns(operation);

        var started = await dsp.StartProfileAsync(ProjectId, DspId, new DspRunRequestWithoutFeaturesReadOnly());

        Assert.That(started.JobId, Is.EqualTo(77));
    }

    [Test]
    public async Task AMockedDspClient_ServesAnArrayDownload_ThroughTheExtensionMethod()
    {
        var data = new byte[8];
        BinaryPrimitives.WriteSingleLittleEndian(data, 1.5f);
        BinaryPrimitives.WriteSingleLittleEndian(data.AsSpan(4), -2f);
        var npy = NpyBytes.Header("{'descr': '<f4', 'fortran_order': False, 'shape': (1, 2), }", data: data);
        var dsp = Substitute.For<IDspClient>();
        dsp.DownloadDspDataAsync(ProjectId, DspId, RawDataCategory.Training, Arg.Any<bool?>(), Arg.Any<CancellationToken>())
            .Returns(_ => new FileResponse(200, new Dictionary<string, IEnumerable<string>>(), new MemoryStream(npy), null, null));

        var array = await dsp.DownloadDspDataArrayAsync(ProjectId, DspId, RawDataCategory.Training);

        Assert.That(array.Shape, Is.EqualTo(new[] { 1, 2 }));
        Assert.That(array.ToDoubleArray(), Is.EqualTo(new[] { 1.5, -2.0 }));
    }

    [Test]
    public async Task AHandWrittenJobsClient_GetsTheStartAndAttachMembersByDefault()
    {
        // An IJobsClient written before these members were on the interface still compiles and gets working ones.
        IJobsClient jobs = new ScriptedJobsClient("Jobs/getJobStatus.success.json").Client;

        var operation = jobs.AttachToJob(ProjectId, 42);
        var job = await operation.WaitForCompletionAsync(new JobWaitOptions { TimeProvider = new FastClock() });

        Assert.That(job.FinishedSuccessful, Is.True);
        Assert.That(operation.JobId, Is.EqualTo(42));
    }

    [Test]
    public void AnUnconfiguredTestDouble_SaysWhatToOverride()
    {
        var client = new BareClient();

        var ex = Assert.Throws<InvalidOperationException>(() => _ = client.Jobs);

        Assert.That(ex!.Message, Does.Contain("protected constructor").And.Contain("override"));
    }

    private static async IAsyncEnumerable<JobLogLine> Lines(params string[] data)
    {
        foreach (var text in data)
        {
            await Task.Yield();
            yield return new JobLogLine { Data = text, Created = DateTimeOffset.UnixEpoch };
        }
    }

    private sealed class BareClient : EdgeImpulseClient
    {
    }

    /// <summary>What a user writes against the library's interfaces, and tests with mocks.</summary>
    private static class UserCode
    {
        public static Task<JobOperation> StartTrainingAsync(IJobsClient jobs) =>
            jobs.StartTrainKerasAsync(ProjectId, LearnId, new SetKerasParameterRequest { TrainingCycles = 30 });

        public static async Task<List<string>> TrainAndPrintLogAsync(IJobsClient jobs, CancellationToken cancellationToken = default)
        {
            var printed = new List<string>();
            var training = await StartTrainingAsync(jobs);
            await foreach (var line in training.StreamLogsAsync(cancellationToken: cancellationToken))
            {
                printed.Add($"job {training.JobId}: {line.Data}");
            }

            var job = await training.WaitForCompletionAsync(new JobWaitOptions(), cancellationToken);
            printed.Add($"job {training.JobId} done: {job.FinishedSuccessful}");
            return printed;
        }
    }
}
