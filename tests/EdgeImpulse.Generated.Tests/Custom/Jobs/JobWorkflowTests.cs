using System;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using EdgeImpulse.Generated.Tests.Infrastructure;
using NUnit.Framework;
using static EdgeImpulse.Generated.Tests.Infrastructure.WireAssert;

namespace EdgeImpulse.Generated.Tests.Custom.Jobs;

/// <summary>The start methods and workflow helpers: the exact requests each sends, in order, and what it returns.</summary>
[TestFixture]
public sealed class JobWorkflowTests
{
    private const int ProjectId = 52187;
    private const int DspId = 3;
    private const int LearnId = 4;

    [Test]
    public async Task TrainKeras_WithSettings_StoresThemTrainsWaitsAndReadsMetadata()
    {
        await using var server = LoopbackServer.Start();
        server.Enqueue(CannedResponse.Fixture("Learn/setKeras.success.json"))
            .Enqueue(CannedResponse.Fixture("Jobs/trainKerasJob.success.json"))
            .Enqueue(CannedResponse.Fixture("Jobs/getJobStatus.running.json"))
            .Enqueue(CannedResponse.Fixture("Jobs/getJobStatus.success.json"))
            .Enqueue(CannedResponse.Fixture("Learn/getKerasMetadata.success.json"));
        using var client = server.CreateClient();
        var settings = FixtureJson.Read<SetKerasParameterRequest>("Jobs/trainKerasJob.request.json");

        var result = await client.TrainKerasAsync(ProjectId, LearnId, settings, JobWaitTests.Fast(), CancellationToken.None);

        var requests = server.Requests;
        using (Assert.EnterMultipleScope())
        {
            Assert.That(requests.Select(r => (r.Method, r.Path)), Is.EqualTo(new[]
            {
                ("POST", "/v1/api/52187/training/keras/4"),
                ("POST", "/v1/api/52187/jobs/train/keras/4"),
                ("GET", "/v1/api/52187/jobs/1847312964/status"),
                ("GET", "/v1/api/52187/jobs/1847312964/status"),
                ("GET", "/v1/api/52187/training/keras/4/metadata"),
            }));
            AssertJsonBody(requests[0], "Jobs/trainKerasJob.request.json");
            AssertJsonBody(requests[1], "Jobs/trainKerasJob.request.json");
            Assert.That(result.Job.Id, Is.EqualTo(1847312964));
            Assert.That(result.Job.FinishedSuccessful, Is.True);
            Assert.That(result.Metadata.Success, Is.True);
            Assert.That(result.Metadata.Layers, Is.Not.Empty);
        }
    }

    [Test]
    public async Task TrainKeras_WithoutSettings_TrainsWithTheStoredOnes()
    {
        await using var server = LoopbackServer.Start();
        server.Enqueue(CannedResponse.Fixture("Jobs/trainKerasJob.success.json"))
            .Enqueue(CannedResponse.Fixture("Jobs/getJobStatus.success.json"))
            .Enqueue(CannedResponse.Fixture("Learn/getKerasMetadata.success.json"));
        using var client = server.CreateClient();

        await client.TrainKerasAsync(ProjectId, LearnId, cancellationToken: CancellationToken.None);

        var requests = server.Requests;
        using (Assert.EnterMultipleScope())
        {
            Assert.That(requests.Select(r => r.Path), Is.EqualTo(new[] { "/v1/api/52187/jobs/train/keras/4", "/v1/api/52187/jobs/1847312964/status", "/v1/api/52187/training/keras/4/metadata" }));
            Assert.That(requests[0].Body, Is.EqualTo("{}"));
        }
    }

    [Test]
    public async Task TrainKeras_JobFails_ThrowsWithoutReadingMetadata()
    {
        await using var server = LoopbackServer.Start();
        server.Enqueue(CannedResponse.Json("{\"success\":true,\"id\":1847341876}"))
            .Enqueue(CannedResponse.Fixture("Jobs/getJobStatus.failed.json"))
            .Enqueue(CannedResponse.Fixture("Jobs/getJobsLogs.failed.json"));
        using var client = server.CreateClient();

        var ex = await Assert.ThrowsAsync<EdgeImpulseJobFailedException>(() => client.TrainKerasAsync(ProjectId, LearnId, options: JobWaitTests.Fast(), cancellationToken: CancellationToken.None));

        Assert.That((ex!.JobId, server.Requests[^1].Path), Is.EqualTo((1847341876L, "/v1/api/52187/jobs/1847341876/stdout")));
    }

    [Test]
    public async Task GenerateFeatures_ForADspBlock_StartsAndWaits()
    {
        await using var server = LoopbackServer.Start();
        server.Enqueue(CannedResponse.Fixture("Jobs/generateFeaturesJob.success.json"))
            .Enqueue(CannedResponse.Fixture("Jobs/getJobStatus.generate-features.json"));
        using var client = server.CreateClient();

        var job = await client.GenerateFeaturesAsync(ProjectId, DspId, JobWaitTests.Fast(), CancellationToken.None);

        var requests = server.Requests;
        using (Assert.EnterMultipleScope())
        {
            Assert.That(requests.Select(r => (r.Method, r.Path)), Is.EqualTo(new[] { ("POST", "/v1/api/52187/jobs/generate-features"), ("GET", "/v1/api/52187/jobs/1847306511/status") }));
            Assert.That(requests[0].Body, Is.EqualTo("{\"dspId\":3}"));
            Assert.That((job.Id, job.CategoryKey, job.FinishedSuccessful), Is.EqualTo((1847306511L, "dsp-generate-features", (bool?)true)));
        }
    }

    [Test]
    public async Task GenerateFeatures_WithARequest_SendsItAsIs()
    {
        await using var server = LoopbackServer.Start();
        server.Enqueue(CannedResponse.Fixture("Jobs/generateFeaturesJob.success.json"))
            .Enqueue(CannedResponse.Fixture("Jobs/getJobStatus.generate-features.json"));
        using var client = server.CreateClient();
        var request = FixtureJson.Read<GenerateFeaturesRequest>("Jobs/generateFeaturesJob.request.json");

        await client.GenerateFeaturesAsync(ProjectId, request, JobWaitTests.Fast(), CancellationToken.None);

        AssertJsonBody(server.Requests[0], "Jobs/generateFeaturesJob.request.json");
    }

    [Test]
    public async Task AutotuneDsp_StartsWaitsAndReadsTheResults()
    {
        await using var server = LoopbackServer.Start();
        server.Enqueue(CannedResponse.Fixture("Jobs/autotuneDspJob.success.json"))
            .Enqueue(CannedResponse.Fixture("Jobs/getJobStatus.autotune.json"))
            .Enqueue(CannedResponse.Fixture("Dsp/getAutotunerResults.success.json"));
        using var client = server.CreateClient();
        var request = FixtureJson.Read<AutotuneDspRequest>("Jobs/autotuneDspJob.request.json");

        var results = await client.AutotuneDspAsync(ProjectId, request, JobWaitTests.Fast(), CancellationToken.None);

        var requests = server.Requests;
        using (Assert.EnterMultipleScope())
        {
            Assert.That(requests.Select(r => (r.Method, r.Path)), Is.EqualTo(new[]
            {
                ("POST", "/v1/api/52187/jobs/autotune-dsp"),
                ("GET", "/v1/api/52187/jobs/1847298420/status"),
                ("GET", "/v1/api/52187/dsp/3/get-autotuner-results"),
            }));
            AssertJsonBody(requests[0], "Jobs/autotuneDspJob.request.json");
            Assert.That(results.Results.First().Key, Is.EqualTo("scale-axes"));
        }
    }

    [Test]
    public async Task ProfileDsp_StartsWaitsAndReadsTheProfile()
    {
        await using var server = LoopbackServer.Start();
        server.Enqueue(CannedResponse.Fixture("Dsp/startProfileCustomDspBlock.success.json"))
            .Enqueue(CannedResponse.Fixture("Jobs/getJobStatus.profile.json"))
            .Enqueue(CannedResponse.Fixture("Jobs/getProfileTfliteJobResult.success.json"));
        using var client = server.CreateClient();
        var body = FixtureJson.Read<DspRunRequestWithoutFeaturesReadOnly>("Dsp/startProfileCustomDspBlock.request.json");

        var profile = await client.ProfileDspAsync(ProjectId, DspId, body, JobWaitTests.Fast(), CancellationToken.None);

        var requests = server.Requests;
        using (Assert.EnterMultipleScope())
        {
            Assert.That(requests.Select(r => (r.Method, r.Path)), Is.EqualTo(new[]
            {
                ("POST", "/v1/api/52187/dsp/3/profile"),
                ("GET", "/v1/api/52187/jobs/1847330187/status"),
                ("GET", "/v1/api/52187/jobs/profile-tflite/1847330187/result"),
            }));
            AssertJsonBody(requests[0], "Dsp/startProfileCustomDspBlock.request.json");
            Assert.That((profile.Device, profile.TimePerInferenceMs), Is.EqualTo(("cortex-m4f-80mhz", 1)));
        }
    }

    [Test]
    public async Task StartMethods_ReturnAnOperationForTheStartedJob()
    {
        await using var server = LoopbackServer.Start();
        server.Enqueue(CannedResponse.Fixture("Jobs/trainKerasJob.large-id.json"))
            .Enqueue(CannedResponse.Fixture("Jobs/generateFeaturesJob.success.json"))
            .Enqueue(CannedResponse.Fixture("Jobs/autotuneDspJob.success.json"))
            .Enqueue(CannedResponse.Fixture("Dsp/startProfileCustomDspBlock.success.json"));
        using var client = server.CreateClient();

        var operations = new[]
        {
            await client.Jobs.StartTrainKerasAsync(ProjectId, LearnId, new SetKerasParameterRequest(), CancellationToken.None),
            await client.Jobs.StartGenerateFeaturesAsync(ProjectId, new GenerateFeaturesRequest { DspId = DspId }, CancellationToken.None),
            await client.Jobs.StartAutotuneDspAsync(ProjectId, new AutotuneDspRequest { DspId = DspId }, CancellationToken.None),
            await client.Dsp.StartProfileAsync(ProjectId, DspId, new DspRunRequestWithoutFeaturesReadOnly(), CancellationToken.None),
        };

        using (Assert.EnterMultipleScope())
        {
            Assert.That(operations.Select(o => o.JobId), Is.EqualTo(new[] { 12873488112, 1847306511, 1847298420, 1847330187 }));
            Assert.That(operations.Select(o => (o.ProjectId, o.LastStatus, o.HasCompleted)), Is.All.EqualTo((ProjectId, (Job?)null, false)));
            Assert.That(server.Requests, Has.Count.EqualTo(4), "starting does not poll");
        }
    }

    [TestCase("trainKerasJob")]
    [TestCase("generateFeaturesJob")]
    [TestCase("autotuneDspJob")]
    [TestCase("startProfileCustomDspBlock")]
    public async Task StartMethods_SuccessWithoutAJobId_IsAnApiError(string operationId)
    {
        await using var server = LoopbackServer.Start();
        server.Enqueue(CannedResponse.Json("{\"success\":true}"));
        using var client = server.CreateClient();
        Func<Task<JobOperation>> start = operationId switch
        {
            "trainKerasJob" => () => client.Jobs.StartTrainKerasAsync(ProjectId, LearnId, new SetKerasParameterRequest(), CancellationToken.None),
            "generateFeaturesJob" => () => client.Jobs.StartGenerateFeaturesAsync(ProjectId, new GenerateFeaturesRequest { DspId = DspId }, CancellationToken.None),
            "autotuneDspJob" => () => client.Jobs.StartAutotuneDspAsync(ProjectId, new AutotuneDspRequest { DspId = DspId }, CancellationToken.None),
            _ => () => client.Dsp.StartProfileAsync(ProjectId, DspId, new DspRunRequestWithoutFeaturesReadOnly(), CancellationToken.None),
        };

        var ex = await Assert.ThrowsAsync<EdgeImpulseApiException>(async () => await start());

        using (Assert.EnterMultipleScope())
        {
            Assert.That(ex!.Message, Is.EqualTo($"{operationId} returned no job id."));
            Assert.That((ex.OperationId, ex.Status), Is.EqualTo((operationId, 200)));
            Assert.That(server.Requests, Has.Count.EqualTo(1));
        }
    }
}
