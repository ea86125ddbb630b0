using System;
using System.Linq;
using System.Threading.Tasks;
using EdgeImpulse.Generated.Simulator;
using NUnit.Framework;
using static EdgeImpulse.Generated.Tests.Simulator.SimulatorTestKit;

namespace EdgeImpulse.Generated.Tests.Simulator;

/// <summary>Jobs: created, started, finished on the simulator's clock; logs that grow, window and filter; failing and cancelled jobs.</summary>
[TestFixture]
public sealed class SimulatorJobTests
{
    private static readonly JobTimings Timings = new()
    {
        StartDelay = TimeSpan.FromSeconds(1),
        GenerateFeatures = TimeSpan.FromSeconds(10),
        TrainKeras = TimeSpan.FromSeconds(20),
        AutotuneDsp = TimeSpan.FromSeconds(10),
        ProfileDsp = TimeSpan.FromSeconds(10),
    };

    [Test]
    public async Task Job_MovesFromCreatedToStartedToFinished_AndItsLogGrows()
    {
        var clock = new ManualClock();
        await using var sim = await StartAsync(o => (o.TimeProvider, o.Jobs) = (clock, Timings));
        using var client = CreateClient(sim);

        var id = (await client.Jobs.GenerateFeaturesJobAsync(sim.ProjectId, new GenerateFeaturesRequest { DspId = sim.DspId })).Id;
        var created = (await client.Jobs.GetJobStatusAsync(sim.ProjectId, id!.Value)).Job!;
        var createdLogs = await client.Jobs.GetJobsLogsAsync(sim.ProjectId, id!.Value);
        clock.Advance(TimeSpan.FromSeconds(6));
        var running = (await client.Jobs.GetJobStatusAsync(sim.ProjectId, id!.Value)).Job!;
        var runningLogs = await client.Jobs.GetJobsLogsAsync(sim.ProjectId, id!.Value);
        var notYet = await client.Dsp.GetDspConfigAsync(sim.ProjectId, sim.DspId);
        clock.Advance(TimeSpan.FromSeconds(6));
        var finished = (await client.Jobs.GetJobStatusAsync(sim.ProjectId, id!.Value)).Job!;
        var finishedLogs = await client.Jobs.GetJobsLogsAsync(sim.ProjectId, id!.Value);
        var generated = await client.Dsp.GetDspConfigAsync(sim.ProjectId, sim.DspId);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(id, Is.GreaterThan(int.MaxValue), "job ids exercise 64 bits");
            Assert.That(created.Id, Is.EqualTo(id));
            Assert.That(created.Key, Is.EqualTo($"dsp-{sim.DspId}"));
            Assert.That(created.Started, Is.Null);
            Assert.That(created.Finished, Is.Null);
            Assert.That(createdLogs.Stdout.Last().Data, Is.EqualTo($"Creating job... OK (ID: {id})\n"), "the oldest line comes last");
            Assert.That(running.Started, Is.Not.Null);
            Assert.That(running.Finished, Is.Null);
            Assert.That(running.FinishedSuccessful, Is.Null);
            Assert.That(runningLogs.TotalCount, Is.GreaterThan(createdLogs.TotalCount!.Value));
            Assert.That(notYet.Dsp!.Features!.Generated, Is.False, "features exist only once the job has finished");
            Assert.That(finished.Finished, Is.Not.Null);
            Assert.That(finished.FinishedSuccessful, Is.True);
            Assert.That(finished.ComputeTime, Is.EqualTo(10).Within(0.01));
            Assert.That(finishedLogs.TotalCount, Is.GreaterThan(runningLogs.TotalCount!.Value));
            Assert.That(finishedLogs.Stdout.First().Data, Is.EqualTo("Job completed (success)\n"), "the newest line comes first");
            Assert.That(generated.Dsp!.Features!.Generated, Is.True);
        }
    }

    [Test]
    public async Task TrainingBeforeFeaturesExist_FailsWithAnErrorLine()
    {
        await using var sim = await StartAsync();
        using var client = CreateClient(sim);

        var started = await client.Jobs.TrainKerasJobAsync(sim.ProjectId, sim.LearnId, new SetKerasParameterRequest());
        var job = await WaitForJobAsync(client, sim, started.Id);
        var errors = await client.Jobs.GetJobsLogsAsync(sim.ProjectId, job.Id!.Value, logLevel: JobLogLevel.Error);
        var keras = await client.Learn.GetKerasAsync(sim.ProjectId, sim.LearnId);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(started.Success, Is.True, "the job starts; it is the job that fails");
            Assert.That(job.FinishedSuccessful, Is.False);
            Assert.That(errors.Stdout.Select(l => l.LogLevel), Is.All.EqualTo(JobLogLevel.Error));
            Assert.That(errors.Stdout.Last().Data, Does.Contain("No features were generated for DSP block \"Spectral features\" (ID 3)"));
            Assert.That(errors.Stdout.First().Data, Does.Contain("No features were generated"), "the newest error line is the reason, as in the recorded failed log");
            Assert.That(keras.Trained, Is.False);
        }
    }

    [Test]
    public async Task CancelJob_EndsARunningJobUnsuccessfully_WithALogLine()
    {
        var clock = new ManualClock();
        await using var sim = await StartAsync(o => (o.TimeProvider, o.Jobs) = (clock, Timings));
        using var client = CreateClient(sim);
        var id = (await client.Jobs.GenerateFeaturesJobAsync(sim.ProjectId, new GenerateFeaturesRequest { DspId = sim.DspId })).Id;
        clock.Advance(TimeSpan.FromSeconds(3));

        await client.Jobs.CancelJobAsync(sim.ProjectId, id!.Value, true);
        var cancelled = (await client.Jobs.GetJobStatusAsync(sim.ProjectId, id!.Value)).Job!;
        var logs = await client.Jobs.GetJobsLogsAsync(sim.ProjectId, id!.Value);
        clock.Advance(TimeSpan.FromSeconds(30));
        var later = (await client.Jobs.GetJobStatusAsync(sim.ProjectId, id!.Value)).Job!;
        var dsp = await client.Dsp.GetDspConfigAsync(sim.ProjectId, sim.DspId);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(sim.Requests.Single(r => r.OperationId == "cancelJob").Query, Is.EqualTo("?forceCancel=true"));
            Assert.That(cancelled.Finished, Is.Not.Null);
            Assert.That(cancelled.FinishedSuccessful, Is.False);
            Assert.That(logs.Stdout.Select(l => l.Data), Does.Contain("Job cancelled by user\n"));
            Assert.That(later.Finished, Is.EqualTo(cancelled.Finished), "a cancelled job stays finished when it was");
            Assert.That(dsp.Dsp!.Features!.Generated, Is.False, "a cancelled job leaves nothing behind");
        }
    }

    [Test]
    public async Task GetJobsLogs_ReturnsTheMostRecentLinesNewestFirst_UpToLimit_WithTheTotal()
    {
        await using var sim = await StartAsync();
        using var client = CreateClient(sim);
        await GenerateFeaturesAsync(client, sim);
        var job = await WaitForJobAsync(client, sim, (await client.Jobs.TrainKerasJobAsync(sim.ProjectId, sim.LearnId, new SetKerasParameterRequest { TrainingCycles = 30 })).Id);

        var all = await client.Jobs.GetJobsLogsAsync(sim.ProjectId, job.Id!.Value);
        var last10 = await client.Jobs.GetJobsLogsAsync(sim.ProjectId, job.Id!.Value, limit: 10);
        var text = await client.Jobs.DownloadJobsLogsAsync(sim.ProjectId, job.Id!.Value, limit: 10);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(all.TotalCount, Is.EqualTo(all.Stdout.Count));
            Assert.That(all.Stdout.Select(l => l.Created), Is.Ordered.Descending);
            Assert.That(all.Stdout.Count(l => l.Data!.StartsWith("Epoch ", StringComparison.Ordinal)), Is.EqualTo(30));
            Assert.That(last10.Stdout, Has.Count.EqualTo(10));
            Assert.That(last10.TotalCount, Is.EqualTo(all.TotalCount));
            Assert.That(last10.Stdout.Select(l => l.Data), Is.EqualTo(all.Stdout.Take(10).Select(l => l.Data)));
            Assert.That(text, Is.EqualTo(string.Concat(last10.Stdout.Reverse().Select(l => l.Data))), "the download is chronological");
        }
    }

    [Test]
    public async Task GetJobsLogs_ReturnsAtMostTheLast1000Lines()
    {
        await using var sim = await StartAsync();
        using var client = CreateClient(sim);
        await GenerateFeaturesAsync(client, sim);
        var job = await WaitForJobAsync(client, sim, (await client.Jobs.TrainKerasJobAsync(sim.ProjectId, sim.LearnId, new SetKerasParameterRequest { TrainingCycles = 600 })).Id);

        var logs = await client.Jobs.GetJobsLogsAsync(sim.ProjectId, job.Id!.Value, limit: 5000);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(logs.TotalCount, Is.GreaterThan(1200));
            Assert.That(logs.Stdout, Has.Count.EqualTo(1000));
            Assert.That(logs.Stdout.First().Data, Is.EqualTo("Job completed (success)\n"));
        }
    }

    [Test]
    public async Task GetJobsLogs_LogLevel_KeepsThatLevelAndMoreSevere()
    {
        await using var sim = await StartAsync();
        using var client = CreateClient(sim);
        var job = await GenerateFeaturesAsync(client, sim);

        var all = await client.Jobs.GetJobsLogsAsync(sim.ProjectId, job.Id!.Value);
        var info = await client.Jobs.GetJobsLogsAsync(sim.ProjectId, job.Id!.Value, logLevel: JobLogLevel.Info);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(all.Stdout.Select(l => l.LogLevel), Does.Contain(JobLogLevel.Debug));
            Assert.That(info.Stdout.Select(l => l.LogLevel), Does.Not.Contain(JobLogLevel.Debug));
            Assert.That(info.TotalCount, Is.EqualTo(all.TotalCount - all.Stdout.Count(l => l.LogLevel == JobLogLevel.Debug)));
        }
    }

    [Test]
    public async Task ProfileResult_IsThereOnlyOnceTheProfileJobHasFinished()
    {
        var clock = new ManualClock();
        await using var sim = await StartAsync(o => (o.TimeProvider, o.Jobs) = (clock, Timings));
        using var client = CreateClient(sim);
        var body = new DspRunRequestWithoutFeaturesReadOnly { Params = { ["scale-axes"] = "1" } };
        var profile = await client.Dsp.StartProfileCustomDspBlockAsync(sim.ProjectId, sim.DspId, body);
        var training = await client.Jobs.TrainKerasJobAsync(sim.ProjectId, sim.LearnId, new SetKerasParameterRequest());

        var earlyError = await Assert.ThrowsAsync<EdgeImpulseApiException>(() => client.Jobs.GetProfileTfliteJobResultAsync(sim.ProjectId, profile.Id!.Value));
        var notProfileError = await Assert.ThrowsAsync<EdgeImpulseApiException>(() => client.Jobs.GetProfileTfliteJobResultAsync(sim.ProjectId, training.Id!.Value));
        clock.Advance(TimeSpan.FromSeconds(12));
        var result = await client.Jobs.GetProfileTfliteJobResultAsync(sim.ProjectId, profile.Id!.Value);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(earlyError!.ErrorText, Is.EqualTo($"Job {profile.Id} has not finished yet"));
            Assert.That(notProfileError!.ErrorText, Is.EqualTo($"Job {training.Id} is not a profiling job"));
            Assert.That(result.Success, Is.True);
            Assert.That(result.Memory, Is.Not.Null);
        }
    }

    [Test]
    public async Task AutotunerResults_AreEmptyUntilAnAutotuneJobFinishes()
    {
        await using var sim = await StartAsync();
        using var client = CreateClient(sim);

        var before = await client.Dsp.GetAutotunerResultsAsync(sim.ProjectId, sim.DspId);
        var job = await client.Jobs.AutotuneDspJobAsync(sim.ProjectId, new AutotuneDspRequest { DspId = sim.DspId });
        await WaitForJobAsync(client, sim, job.Id);
        var after = await client.Dsp.GetAutotunerResultsAsync(sim.ProjectId, sim.DspId);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(before.Results, Is.Empty);
            Assert.That(after.Results, Is.Not.Empty);
        }
    }

    [TestCase("setDspConfig")]
    [TestCase("runDspSampleSlice")]
    [TestCase("clearDspBlock")]
    public async Task GenerateFeatures_ParametersChangedOrClearedWhileRunning_SucceedsButLeavesNoCurrentFeatures(string change)
    {
        var clock = new ManualClock();
        await using var sim = await StartAsync(o => (o.TimeProvider, o.Jobs) = (clock, Timings));
        using var client = CreateClient(sim);
        var id = (await client.Jobs.GenerateFeaturesJobAsync(sim.ProjectId, new GenerateFeaturesRequest { DspId = sim.DspId })).Id;
        clock.Advance(TimeSpan.FromSeconds(5));

        // The job has copied scale-axes = 1; the block's value changes (or the block is cleared) while it runs.
        switch (change)
        {
            case "setDspConfig":
                await client.Dsp.SetDspConfigAsync(sim.ProjectId, sim.DspId, new DspConfigRequest { Config = { ["scale-axes"] = "7" } });
                break;
            case "runDspSampleSlice":
                var run = new DspRunRequestWithoutFeatures { Params = { ["scale-axes"] = "7" }, Store = true };
                await client.Dsp.RunDspSampleSliceAsync(sim.ProjectId, sim.DspId, RecordedSampleId, 0, run, 2000);
                break;
            default:
                await client.Dsp.ClearDspBlockAsync(sim.ProjectId, sim.DspId);
                break;
        }

        clock.Advance(TimeSpan.FromSeconds(30));
        var job = (await client.Jobs.GetJobStatusAsync(sim.ProjectId, id!.Value)).Job!;
        var config = await client.Dsp.GetDspConfigAsync(sim.ProjectId, sim.DspId);
        var metadata = await client.Dsp.GetDspMetadataAsync(sim.ProjectId, sim.DspId);
        var download = await Assert.ThrowsAsync<EdgeImpulseApiException>(() => client.Dsp.DownloadDspDataAsync(sim.ProjectId, sim.DspId, RawDataCategory.Training));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(job.FinishedSuccessful, Is.True, "the job itself ran to the end");
            Assert.That(config.Dsp!.Features!.Generated, Is.False, "its features are of the parameters it started with");
            Assert.That(metadata.Generated, Is.False);
            Assert.That(metadata.DspConfig["scale-axes"], Is.EqualTo(change == "clearDspBlock" ? "1" : "7"), "the current parameters, not the job's copy");
            Assert.That(download!.ErrorText, Does.Contain("have not been generated yet"));
        }
    }

    [Test]
    public async Task GenerateFeatures_SameParametersSetWhileRunning_StillGeneratesThem()
    {
        var clock = new ManualClock();
        await using var sim = await StartAsync(o => (o.TimeProvider, o.Jobs) = (clock, Timings));
        using var client = CreateClient(sim);
        var id = (await client.Jobs.GenerateFeaturesJobAsync(sim.ProjectId, new GenerateFeaturesRequest { DspId = sim.DspId })).Id;
        clock.Advance(TimeSpan.FromSeconds(5));

        await client.Dsp.SetDspConfigAsync(sim.ProjectId, sim.DspId, new DspConfigRequest { Config = { ["scale-axes"] = "1" } });
        clock.Advance(TimeSpan.FromSeconds(30));
        var metadata = await client.Dsp.GetDspMetadataAsync(sim.ProjectId, sim.DspId);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(metadata.Generated, Is.True, "setting a parameter to the value it has changes nothing");
            Assert.That(metadata.DspConfig["scale-axes"], Is.EqualTo("1"));
            Assert.That((await client.Jobs.GetJobStatusAsync(sim.ProjectId, id!.Value)).Job!.FinishedSuccessful, Is.True);
        }
    }

    [Test]
    public async Task GenerateFeatures_StartedAgainAfterAChange_GeneratesTheNewParameters()
    {
        var clock = new ManualClock();
        await using var sim = await StartAsync(o => (o.TimeProvider, o.Jobs) = (clock, Timings));
        using var client = CreateClient(sim);
        await client.Jobs.GenerateFeaturesJobAsync(sim.ProjectId, new GenerateFeaturesRequest { DspId = sim.DspId });
        clock.Advance(TimeSpan.FromSeconds(5));
        await client.Dsp.SetDspConfigAsync(sim.ProjectId, sim.DspId, new DspConfigRequest { Config = { ["scale-axes"] = "7" } });
        await client.Jobs.GenerateFeaturesJobAsync(sim.ProjectId, new GenerateFeaturesRequest { DspId = sim.DspId });

        clock.Advance(TimeSpan.FromSeconds(8));
        var afterFirst = await client.Dsp.GetDspMetadataAsync(sim.ProjectId, sim.DspId);
        clock.Advance(TimeSpan.FromSeconds(30));
        var afterSecond = await client.Dsp.GetDspMetadataAsync(sim.ProjectId, sim.DspId);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(afterFirst.Generated, Is.False, "the first job finished with the old parameters");
            Assert.That(afterSecond.Generated, Is.True);
            Assert.That(afterSecond.DspConfig["scale-axes"], Is.EqualTo("7"));
        }
    }
}
