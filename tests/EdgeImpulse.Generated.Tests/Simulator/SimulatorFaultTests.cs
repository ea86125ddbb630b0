using System;
using System.IO;
using System.Linq;
using System.Net;
using System.Threading.Tasks;
using EdgeImpulse.Generated.Simulator;
using NUnit.Framework;
using static EdgeImpulse.Generated.Tests.Simulator.SimulatorTestKit;

namespace EdgeImpulse.Generated.Tests.Simulator;

/// <summary>Every fault knob, observed through the real client (and raw HTTP where the client hides the detail).</summary>
[TestFixture]
public sealed class SimulatorFaultTests
{
    [Test]
    public async Task ServerError_FailsTheNextCountCalls_OfTheTargetedOperationOnly()
    {
        await using var sim = await StartAsync();
        using var client = CreateClient(sim);
        sim.Faults.Add(new Fault { Kind = FaultKind.ServerError, OperationId = "getDspConfig", Count = 2 });

        var impulse = await client.Impulse.GetImpulseAsync(sim.ProjectId);
        var first = await Assert.ThrowsAsync<EdgeImpulseApiException>(() => client.Dsp.GetDspConfigAsync(sim.ProjectId, sim.DspId));
        var second = await Assert.ThrowsAsync<EdgeImpulseApiException>(() => client.Dsp.GetDspConfigAsync(sim.ProjectId, sim.DspId));
        var third = await client.Dsp.GetDspConfigAsync(sim.ProjectId, sim.DspId);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(impulse.Success, Is.True);
            Assert.That(first!.Status, Is.EqualTo(500));
            Assert.That(second!.Status, Is.EqualTo(500));
            Assert.That(third.Success, Is.True);
            Assert.That(sim.Faults.Pending, Is.Empty);
            Assert.That(sim.Requests.Select(r => r.Fault), Is.EqualTo(new FaultKind?[] { null, FaultKind.ServerError, FaultKind.ServerError, null }));
        }
    }

    [Test]
    public async Task ServerError502_SendsTheRecordedNginxPage()
    {
        await using var sim = await StartAsync();
        using var client = CreateClient(sim);
        sim.Faults.Add(new Fault { Kind = FaultKind.ServerError, Status = 502 });

        var error = await Assert.ThrowsAsync<EdgeImpulseApiException>(() => client.Jobs.GetJobStatusAsync(sim.ProjectId, 1));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(error!.Status, Is.EqualTo(502));
            Assert.That(error.ContentType, Is.EqualTo("text/html"));
            Assert.That(error.BodyExcerpt, Does.Contain("502 Bad Gateway"));
        }
    }

    [Test]
    public async Task ServerError_IsNotHandled_SoNothingChanges()
    {
        await using var sim = await StartAsync();
        using var client = CreateClient(sim);
        sim.Faults.Add(new Fault { Kind = FaultKind.ServerError, OperationId = "setKeras" });

        await Assert.ThrowsAsync<EdgeImpulseApiException>(() => client.Learn.SetKerasAsync(sim.ProjectId, sim.LearnId, new SetKerasParameterRequest { TrainingCycles = 77 }));
        var keras = await client.Learn.GetKerasAsync(sim.ProjectId, sim.LearnId);

        Assert.That(keras.TrainingCycles, Is.Not.EqualTo(77));
    }

    [Test]
    public async Task RateLimited_Is429_WithRetryAfter()
    {
        await using var sim = await StartAsync();
        using var client = CreateClient(sim);
        using var http = CreateHttpClient(sim);
        sim.Faults.Add(new Fault { Kind = FaultKind.RateLimited, RetryAfter = TimeSpan.FromSeconds(7), Count = 2 });

        var error = await Assert.ThrowsAsync<EdgeImpulseApiException>(() => client.Impulse.GetImpulseAsync(sim.ProjectId));
        using var raw = await http.GetAsync($"api/{sim.ProjectId}/impulse");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(error!.Status, Is.EqualTo(429));
            Assert.That(error.ErrorText, Is.Not.Empty);
            Assert.That(raw.StatusCode, Is.EqualTo(HttpStatusCode.TooManyRequests));
            Assert.That(raw.Headers.RetryAfter?.Delta, Is.EqualTo(TimeSpan.FromSeconds(7)));
        }
    }

    [Test]
    public async Task DropConnection_LeavesTheClientWithoutAResponse()
    {
        await using var sim = await StartAsync();
        using var client = CreateClient(sim);
        sim.Faults.Add(new Fault { Kind = FaultKind.DropConnection, OperationId = "getJobStatus" });

        var error = await Assert.ThrowsAsync<EdgeImpulseApiException>(() => client.Jobs.GetJobStatusAsync(sim.ProjectId, 1));
        var after = await Assert.ThrowsAsync<EdgeImpulseApiException>(() => client.Jobs.GetJobStatusAsync(sim.ProjectId, 1));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(error!.Status, Is.Zero);
            Assert.That(after!.Status, Is.EqualTo(200), "the next call reaches the simulator again");
        }
    }

    [Test]
    public async Task TruncatedBody_FailsTheCall_AfterTheRequestWasHandled()
    {
        await using var sim = await StartAsync();
        using var client = CreateClient(sim);
        sim.Faults.Add(new Fault { Kind = FaultKind.TruncatedBody, OperationId = "setKeras" });

        await Assert.ThrowsAsync<EdgeImpulseApiException>(() => client.Learn.SetKerasAsync(sim.ProjectId, sim.LearnId, new SetKerasParameterRequest { TrainingCycles = 77 }));
        var keras = await client.Learn.GetKerasAsync(sim.ProjectId, sim.LearnId);

        Assert.That(keras.TrainingCycles, Is.EqualTo(77), "the answer was lost, the change was not");
    }

    [Test]
    public async Task TruncatedBody_OnADownload_BreaksTheStream()
    {
        await using var sim = await StartAsync();
        using var client = CreateClient(sim);
        await GenerateFeaturesAsync(client, sim);
        sim.Faults.Add(new Fault { Kind = FaultKind.TruncatedBody, OperationId = "downloadDspData" });

        using var file = await client.Dsp.DownloadDspDataAsync(sim.ProjectId, sim.DspId, RawDataCategory.Training);

        // The headers arrived whole; the body stops halfway, so reading it must fail rather than look complete.
        Assert.That(file.ContentLength, Is.GreaterThan(0));
        await Assert.ThrowsAsync(Is.InstanceOf<IOException>(), () => ReadAllAsync(file));
    }

    [Test]
    public async Task Latency_MakesAShortClientTimeoutExpire()
    {
        await using var sim = await StartAsync();
        using var patient = CreateClient(sim);
        using var hasty = CreateClient(sim, o => o.Timeout = TimeSpan.FromMilliseconds(200));
        sim.Faults.Add(new Fault { Kind = FaultKind.Latency, Delay = TimeSpan.FromSeconds(5), OperationId = "getImpulse" });

        var error = await Assert.ThrowsAsync<EdgeImpulseApiException>(() => hasty.Impulse.GetImpulseAsync(sim.ProjectId));
        var next = await hasty.Impulse.GetImpulseAsync(sim.ProjectId);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(error!.Status, Is.Zero);
            Assert.That(error.Message, Does.Contain("timed out"));
            Assert.That(next.Success, Is.True, "the fault hit one request only");
        }
    }

    [Test]
    public async Task Latency_StillAnswers_WhenTheClientWaits()
    {
        await using var sim = await StartAsync();
        using var client = CreateClient(sim);
        sim.Faults.Add(new Fault { Kind = FaultKind.Latency, Delay = TimeSpan.FromMilliseconds(100) });

        var impulse = await client.Impulse.GetImpulseAsync(sim.ProjectId);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(impulse.Success, Is.True);
            Assert.That(sim.Requests.Single().Fault, Is.EqualTo(FaultKind.Latency));
        }
    }

    public static readonly TestCaseData[] JobStarts = [.. Fault.JobStartOperationIds.Select(id => new TestCaseData(id).SetArgDisplayNames(id))];

    [TestCaseSource(nameof(JobStarts))]
    public async Task JobFails_FailsTheJobTheNextStartStarts_WithTheScriptedLine_ThenJobsSucceedAgain(string operationId)
    {
        await using var sim = await StartAsync(o => o.StartTrained = true);   // a deployment build needs a trained model
        using var client = CreateClient(sim);
        await GenerateFeaturesAsync(client, sim);                       // training needs features to succeed
        sim.Faults.Add(new Fault { Kind = FaultKind.JobFails, OperationId = operationId, JobFailureMessage = "ERR: scripted for " + operationId });

        var failed = await WaitForJobAsync(client, sim, await StartJobAsync(client, sim, operationId));
        var log = await client.Jobs.DownloadJobsLogsAsync(sim.ProjectId, failed.Id!.Value);
        var next = await WaitForJobAsync(client, sim, await StartJobAsync(client, sim, operationId));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(failed.FinishedSuccessful, Is.False);
            Assert.That(log, Does.Contain("ERR: scripted for " + operationId));
            Assert.That(next.FinishedSuccessful, Is.True);
            Assert.That(sim.Faults.Pending, Is.Empty);
        }
    }

    [Test]
    public async Task JobFails_ThroughTheClientsWait_IsAJobFailedException_QuotingTheScriptedLine()
    {
        await using var sim = await StartAsync();
        using var client = CreateClient(sim);
        sim.Faults.Add(new Fault { Kind = FaultKind.JobFails, OperationId = "generateFeaturesJob", JobFailureMessage = "ERR: disk full" });

        var ex = await Assert.ThrowsAsync<EdgeImpulseJobFailedException>(() => client.GenerateFeaturesAsync(sim.ProjectId, sim.DspId, new JobWaitOptions { InitialPollInterval = TimeSpan.FromMilliseconds(50) }));

        Assert.That(ex!.Message, Does.EndWith(": ERR: disk full"));
    }

    private static async Task<long?> StartJobAsync(EdgeImpulseClient client, StudioSimulator sim, string operationId) => operationId switch
    {
        "trainKerasJob" => (await client.Jobs.TrainKerasJobAsync(sim.ProjectId, sim.LearnId, new SetKerasParameterRequest())).Id,
        "generateFeaturesJob" => (await client.Jobs.GenerateFeaturesJobAsync(sim.ProjectId, new GenerateFeaturesRequest { DspId = sim.DspId })).Id,
        "autotuneDspJob" => (await client.Jobs.AutotuneDspJobAsync(sim.ProjectId, new AutotuneDspRequest { DspId = sim.DspId })).Id,
        "buildOnDeviceModelJob" => (await client.Jobs.BuildOnDeviceModelJobAsync(sim.ProjectId, "zip", new BuildOnDeviceModelRequest { Engine = DeploymentTargetEngine.Tflite })).Id,
        "startVersionJob" => (await client.Jobs.StartVersionJobAsync(sim.ProjectId, new ProjectVersionRequest { Description = "scripted", MakePublic = false })).Id,
        _ => (await client.Dsp.StartProfileCustomDspBlockAsync(sim.ProjectId, sim.DspId, new DspRunRequestWithoutFeaturesReadOnly())).Id,
    };

    [Test]
    public void Add_RejectsFaultsThatCannotHappen()
    {
        var faults = new FaultList();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(() => faults.Add(new Fault { Kind = FaultKind.ServerError, Count = 0 }), Throws.InstanceOf<ArgumentOutOfRangeException>());
            Assert.That(() => faults.Add(new Fault { Kind = FaultKind.ServerError, Status = 404 }), Throws.InstanceOf<ArgumentOutOfRangeException>());
            Assert.That(() => faults.Add(new Fault { Kind = FaultKind.Latency, Delay = TimeSpan.FromSeconds(-1) }), Throws.InstanceOf<ArgumentOutOfRangeException>());
            Assert.That(() => faults.Add(new Fault { Kind = FaultKind.JobFails }), Throws.InstanceOf<ArgumentException>().With.Message.Contains("trainKerasJob"));
            Assert.That(() => faults.Add(new Fault { Kind = FaultKind.JobFails, OperationId = "getJobStatus" }), Throws.InstanceOf<ArgumentException>());
            Assert.That(faults.Pending, Is.Empty);
        }
    }
}
