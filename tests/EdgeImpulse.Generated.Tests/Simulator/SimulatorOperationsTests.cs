using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Threading.Tasks;
using EdgeImpulse.Generated.Simulator;
using EdgeImpulse.Generated.Tests.Infrastructure;
using EdgeImpulse.Generated.Tests.Spec;
using NUnit.Framework;
using static EdgeImpulse.Generated.Tests.Simulator.SimulatorTestKit;

namespace EdgeImpulse.Generated.Tests.Simulator;

/// <summary>The simulator serves the training story's operations of the spec, each answers the real client, and its JSON fits the spec.</summary>
[TestFixture]
public sealed class SimulatorOperationsTests
{
    // The operations of the training story (impulse, DSP, features, Keras, jobs, logs, model download).
    private static readonly string[] TrainingStory =
    [
        "getImpulse", "getKeras", "setKeras", "getKerasMetadata", "downloadLearnModel", "getDspConfig", "setDspConfig",
        "clearDspBlock", "getDspMetadata", "getDspFeatureLabels", "getDspFeatureImportance", "getAutotunerResults",
        "getPerformanceAllVariants", "runDspOnFeaturesArray", "getDspRawSample", "getDspSampleSlice", "runDspSampleSlice",
        "runDspSampleSliceReadOnly", "dspGetFeaturesForSample", "dspSampleTrainedFeatures", "downloadDspData",
        "downloadDspLabels", "startProfileCustomDspBlock", "generateFeaturesJob", "autotuneDspJob", "trainKerasJob",
        "getJobStatus", "getJobsLogs", "downloadJobsLogs", "cancelJob", "getProfileTfliteJobResult",
    ];

    [Test]
    public async Task OperationIds_AreOperationsOfTheSpec_AndCoverTheTrainingStory()
    {
        await using var sim = await StartAsync();

        var specified = SpecSchemas.Operations().Select(o => (string)o["operationId"]!).ToArray();

        Assert.That(specified, Has.Length.EqualTo(544));
        Assert.That(sim.OperationIds, Is.SubsetOf(specified), "the others answer success:false naming themselves (SimulatorUnsimulatedTests)");
        Assert.That(TrainingStory, Is.SubsetOf(sim.OperationIds));
    }

    [Test]
    public async Task EveryOperation_AnswersTheClient_InAWorkflowOrder()
    {
        await using var sim = await StartAsync();
        using var client = CreateClient(sim);
        var (project, dsp, learn, sample) = (sim.ProjectId, sim.DspId, sim.LearnId, RecordedSampleId);

        var impulse = await client.Impulse.GetImpulseAsync(project);
        var config = await client.Dsp.GetDspConfigAsync(project, dsp);
        await client.Dsp.SetDspConfigAsync(project, dsp, new DspConfigRequest { Config = { ["fft-length"] = "32" } });
        var features = await GenerateFeaturesAsync(client, sim, featureImportance: true);
        var logs = await client.Jobs.GetJobsLogsAsync(project, features.Id!.Value);
        var logText = await client.Jobs.DownloadJobsLogsAsync(project, features.Id!.Value);
        var metadata = await client.Dsp.GetDspMetadataAsync(project, dsp);
        var featureLabels = await client.Dsp.GetDspFeatureLabelsAsync(project, dsp);
        var importance = await client.Dsp.GetDspFeatureImportanceAsync(project, dsp);
        var performance = await client.Dsp.GetPerformanceAllVariantsAsync(project, dsp);
        var raw = await client.Dsp.GetDspRawSampleAsync(project, dsp, sample);
        var slice = await client.Dsp.GetDspSampleSliceAsync(project, dsp, sample, 0, 2000);
        var run = await client.Dsp.RunDspSampleSliceAsync(project, dsp, sample, 0, FixtureJson.Read<DspRunRequestWithoutFeatures>("Dsp/runDspSampleSlice.request.json"), 2000);
        var readOnly = await client.Dsp.RunDspSampleSliceReadOnlyAsync(project, dsp, sample, 0, 2000);
        var onFeatures = await client.Dsp.RunDspOnFeaturesArrayAsync(project, dsp, FixtureJson.Read<DspRunRequestWithFeatures>("Dsp/runDspOnFeaturesArray.request.json"));
        var sampleFeatures = await client.Dsp.GetFeaturesForSampleAsync(project, dsp, sample);
        var trainedFeatures = await client.Dsp.SampleTrainedFeaturesAsync(project, dsp, 0, 6, 12, RawDataCategory.Training);
        using (var data = await client.Dsp.DownloadDspDataAsync(project, dsp, RawDataCategory.Training))
        using (var labels = await client.Dsp.DownloadDspLabelsAsync(project, dsp, RawDataCategory.Training))
        {
            Assert.That((await ReadAllAsync(data)).Length, Is.GreaterThan(128));
            Assert.That((await ReadAllAsync(labels)).Length, Is.GreaterThan(128));
        }

        var autotune = await WaitForJobAsync(client, sim, (await client.Jobs.AutotuneDspJobAsync(project, FixtureJson.Read<AutotuneDspRequest>("Jobs/autotuneDspJob.request.json"))).Id);
        var autotuned = await client.Dsp.GetAutotunerResultsAsync(project, dsp);
        var profile = await WaitForJobAsync(client, sim, (await client.Dsp.StartProfileCustomDspBlockAsync(project, dsp, FixtureJson.Read<DspRunRequestWithoutFeaturesReadOnly>("Dsp/startProfileCustomDspBlock.request.json"))).Id);
        var profiled = await client.Jobs.GetProfileTfliteJobResultAsync(project, profile.Id!.Value);
        var keras = await client.Learn.GetKerasAsync(project, learn);
        await client.Learn.SetKerasAsync(project, learn, FixtureJson.Read<SetKerasParameterRequest>("Learn/setKeras.request.json"));
        var training = await WaitForJobAsync(client, sim, (await client.Jobs.TrainKerasJobAsync(project, learn, FixtureJson.Read<SetKerasParameterRequest>("Jobs/trainKerasJob.request.json"))).Id);
        var modelMetadata = await client.Learn.GetKerasMetadataAsync(project, learn);
        using (var model = await client.Learn.DownloadLearnModelAsync(project, learn, "tflite-float32"))
        {
            Assert.That(await ReadAllAsync(model), Is.Not.Empty);
        }

        var targets = await client.Deployment.ListDeploymentTargetsForProjectAsync(project);
        var build = await client.Jobs.BuildOnDeviceModelJobAsync(project, "zip", FixtureJson.Read<BuildOnDeviceModelRequest>("Jobs/buildOnDeviceModelJob.request.json"));
        var built = await WaitForJobAsync(client, sim, build.Id);
        var deployment = await client.Deployment.GetDeploymentAsync(project, "zip");
        var history = await client.Deployment.ListDeploymentHistoryAsync(project);
        using (var package = await client.Deployment.DownloadHistoricDeploymentAsync(project, build.DeploymentVersion!.Value))
#pragma warning disable CS0618 // downloadBuild is deprecated upstream; the simulator still answers it
        using (var latest = await client.Deployment.DownloadBuildAsync(project, "zip"))
#pragma warning restore CS0618
        {
            Assert.That(await ReadAllAsync(latest), Is.EqualTo(await ReadAllAsync(package)));
        }

        var samples = await client.RawData.ListSamplesAsync(project, RawDataFilterCategory.Training, limit: 3);
        var versionJob = await WaitForJobAsync(client, sim, (await client.Jobs.StartVersionJobAsync(project, FixtureJson.Read<ProjectVersionRequest>("Jobs/startVersionJob.request.json"))).Id);
        var versions = await client.Projects.ListVersionsAsync(project);
        var toCancel = await client.Jobs.TrainKerasJobAsync(project, learn, new SetKerasParameterRequest());
        await client.Jobs.CancelJobAsync(project, toCancel.Id!.Value);
        await client.Dsp.ClearDspBlockAsync(project, dsp);
        await client.Impulse.UpdateImpulseAsync(project, FixtureJson.Read<UpdateImpulseRequest>("Impulse/updateImpulse.request.json"));
        var created = await client.Impulse.CreateImpulseAsync(project, FixtureJson.Read<CreateImpulseRequest>("Impulse/createImpulse.request.json"));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(impulse.Impulse!.DspBlocks.Select(b => b.Id), Does.Contain(dsp));
            Assert.That(config.Dsp!.Id, Is.EqualTo(dsp));
            Assert.That(features.FinishedSuccessful, Is.True);
            Assert.That(logs.Stdout, Is.Not.Empty);
            Assert.That(logText, Does.Contain("Job completed (success)"));
            Assert.That(metadata.Generated, Is.True);
            Assert.That(featureLabels.Labels, Is.Not.Empty);
            Assert.That(importance.HasFeatureImportance, Is.True);
            Assert.That(performance.Performance, Is.Not.Empty);
            Assert.That(raw.Sample!.Id, Is.EqualTo(sample));
            Assert.That(slice.Sample!.Id, Is.EqualTo(sample));
            Assert.That(run.Sample!.Sample!.Id, Is.EqualTo(sample));
            Assert.That(readOnly.Sample!.Sample!.Id, Is.EqualTo(sample));
            Assert.That(onFeatures.Features, Is.Not.Empty);
            Assert.That(sampleFeatures.Data.Select(d => d.Sample?.Id), Is.All.EqualTo(sample));
            Assert.That(trainedFeatures.Data, Is.Not.Empty);
            Assert.That(autotune.FinishedSuccessful, Is.True);
            Assert.That(autotuned.Results, Is.Not.Empty);
            Assert.That(profiled.Success, Is.True);
            Assert.That(keras.Name, Is.Not.Empty);
            Assert.That(training.FinishedSuccessful, Is.True);
            Assert.That(modelMetadata.HasTrainedModel, Is.True);
            Assert.That(targets.Targets, Is.Not.Empty);
            Assert.That(built.FinishedSuccessful, Is.True);
            Assert.That((deployment.HasDeployment, deployment.Version), Is.EqualTo(((bool?)true, build.DeploymentVersion)));
            Assert.That(history.Deployments.Select(d => d.DeploymentVersion), Is.EqualTo(new[] { build.DeploymentVersion }));
            Assert.That(samples.Samples, Has.Count.EqualTo(3));
            Assert.That(versionJob.FinishedSuccessful, Is.True);
            Assert.That(versions.Versions.Select(v => v.Description), Is.EqualTo(new[] { "Trained from CI" }));
            Assert.That(created.Id, Is.EqualTo(1));
            Assert.That(sim.Requests.Select(r => r.OperationId).Distinct(), Is.EquivalentTo(sim.OperationIds));
        }
    }

    [TestCaseSource(nameof(TrainedProjectCalls))]
    public async Task JsonResponses_FitTheSpec_WhenTheProjectIsTrained(string operationId, string method, string path, string? requestFixture) =>
        await AssertFitsSpecAsync(await StartAsync(o => o.StartTrained = true), operationId, method, path, requestFixture);

    [TestCaseSource(nameof(FreshProjectCalls))]
    public async Task JsonResponses_FitTheSpec_WhenNothingIsGeneratedYet(string operationId, string method, string path, string? requestFixture) =>
        await AssertFitsSpecAsync(await StartAsync(), operationId, method, path, requestFixture);

    private static IEnumerable<TestCaseData> TrainedProjectCalls()
    {
        const long Training = 1847312964, Profile = 1847330187;
        var sample = RecordedSampleId;
        yield return Call("getImpulse", "GET", "impulse");
        yield return Call("getKeras", "GET", "training/keras/4");
        yield return Call("setKeras", "POST", "training/keras/4", "Learn/setKeras.request.json");
        yield return Call("getKerasMetadata", "GET", "training/keras/4/metadata?excludeLabels=true");
        yield return Call("getDspConfig", "GET", "dsp/3");
        yield return Call("setDspConfig", "POST", "dsp/3", "Dsp/setDspConfig.request.json");
        yield return Call("clearDspBlock", "POST", "dsp/3/clear");
        yield return Call("getDspMetadata", "GET", "dsp/3/metadata?category=all");
        yield return Call("getDspFeatureLabels", "GET", "dsp/3/features/labels");
        yield return Call("getDspFeatureImportance", "GET", "dsp/3/features/importance");
        yield return Call("getAutotunerResults", "GET", "dsp/3/get-autotuner-results");
        yield return Call("getPerformanceAllVariants", "GET", "dsp/3/performance");
        yield return Call("runDspOnFeaturesArray", "POST", "dsp/3/run", "Dsp/runDspOnFeaturesArray.request.json");
        yield return Call("getDspRawSample", "GET", $"dsp/3/raw-data/{sample}?limitPayloadValues=10");
        yield return Call("getDspSampleSlice", "GET", $"dsp/3/raw-data/{sample}/slice?sliceStart=0&sliceEnd=2000");
        yield return Call("runDspSampleSlice", "POST", $"dsp/3/raw-data/{sample}/slice/run?sliceStart=0", "Dsp/runDspSampleSlice.request.json");
        yield return Call("runDspSampleSliceReadOnly", "GET", $"dsp/3/raw-data/{sample}/slice/run/readonly?sliceStart=0");
        yield return Call("dspGetFeaturesForSample", "GET", $"dsp/3/features/get-graph/classification/{sample}");
        yield return Call("dspSampleTrainedFeatures", "GET", "dsp/3/features/get-graph/training?featureAx1=1&featureAx2=2&featureAx3=3");
        yield return Call("startProfileCustomDspBlock", "POST", "dsp/3/profile", "Dsp/startProfileCustomDspBlock.request.json");
        yield return Call("generateFeaturesJob", "POST", "jobs/generate-features", "Jobs/generateFeaturesJob.request.json");
        yield return Call("autotuneDspJob", "POST", "jobs/autotune-dsp", "Jobs/autotuneDspJob.request.json");
        yield return Call("trainKerasJob", "POST", "jobs/train/keras/4", "Jobs/trainKerasJob.request.json");
        yield return Call("getJobStatus", "GET", $"jobs/{Training}/status");
        yield return Call("getJobsLogs", "GET", $"jobs/{Training}/stdout?limit=5&logLevel=warn");
        yield return Call("cancelJob", "POST", $"jobs/{Training}/cancel?forceCancel=true");
        yield return Call("getProfileTfliteJobResult", "GET", $"jobs/profile-tflite/{Profile}/result");
    }

    private static IEnumerable<TestCaseData> FreshProjectCalls()
    {
        yield return Call("getKeras", "GET", "training/keras/4");
        yield return Call("getKerasMetadata", "GET", "training/keras/4/metadata");
        yield return Call("getDspConfig", "GET", "dsp/3");
        yield return Call("getDspMetadata", "GET", "dsp/3/metadata");
        yield return Call("getDspFeatureImportance", "GET", "dsp/3/features/importance");
        yield return Call("getAutotunerResults", "GET", "dsp/3/get-autotuner-results");
        yield return Call("trainKerasJob", "POST", "jobs/train/keras/4", "Jobs/trainKerasJob.request.json");
    }

    private static TestCaseData Call(string operationId, string method, string path, string? requestFixture = null) =>
        new TestCaseData(operationId, method, path, requestFixture).SetArgDisplayNames(operationId);

    private static async Task AssertFitsSpecAsync(StudioSimulator simulator, string operationId, string method, string path, string? requestFixture)
    {
        await using var sim = simulator;
        using var http = CreateHttpClient(sim);
        using var request = new HttpRequestMessage(new HttpMethod(method), $"api/{sim.ProjectId}/{path}");
        if (requestFixture is not null)
        {
            request.Content = JsonContent(TestPaths.ReadFixture(requestFixture));
        }

        using var response = await http.SendAsync(request);
        var json = await response.Content.ReadAsStringAsync();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), json);
            Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/json"));
            Assert.That(json, Does.StartWith("{\"success\":true"));
            Assert.That(sim.Requests.Single().OperationId, Is.EqualTo(operationId));
            Assert.That(await SpecSchemas.ValidateAsync(operationId, json), Is.Empty);
        }
    }
}
