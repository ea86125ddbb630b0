using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Threading.Tasks;
using EdgeImpulse.Generated.Tests.Infrastructure;
using EdgeImpulse.Generated.Tests.Spec;
using Newtonsoft.Json.Linq;
using NUnit.Framework;
using static EdgeImpulse.Generated.Tests.Simulator.SimulatorTestKit;

namespace EdgeImpulse.Generated.Tests.Simulator;

/// <summary>Failures read like the Studio's: unknown ids, invalid requests, missing credentials.</summary>
[TestFixture]
public sealed class SimulatorErrorTests
{
    [Test]
    public async Task UnknownIds_FailWithTheStudiosTexts()
    {
        await using var sim = await StartAsync();
        using var client = CreateClient(sim);

        var learn = await Assert.ThrowsAsync<EdgeImpulseApiException>(() => client.Learn.GetKerasAsync(sim.ProjectId, 187));
        var dsp = await Assert.ThrowsAsync<EdgeImpulseApiException>(() => client.Dsp.GetDspConfigAsync(sim.ProjectId, 9));
        var dspInBody = await Assert.ThrowsAsync<EdgeImpulseApiException>(() => client.Jobs.GenerateFeaturesJobAsync(sim.ProjectId, new GenerateFeaturesRequest { DspId = 9 }));
        var project = await Assert.ThrowsAsync<EdgeImpulseApiException>(() => client.Impulse.GetImpulseAsync(999999));
        var job = await Assert.ThrowsAsync<EdgeImpulseApiException>(() => client.Jobs.GetJobStatusAsync(sim.ProjectId, 12873488112));
        var sample = await Assert.ThrowsAsync<EdgeImpulseApiException>(() => client.Dsp.GetDspRawSampleAsync(sim.ProjectId, sim.DspId, 42));
        var impulse = await Assert.ThrowsAsync<EdgeImpulseApiException>(() => client.Impulse.GetImpulseAsync(sim.ProjectId, 7));

        using (Assert.EnterMultipleScope())
        {
            Assert.That((learn!.Status, learn.ErrorText), Is.EqualTo((200, "No learning block found with ID 187")));
            Assert.That((dsp!.Status, dsp.ErrorText), Is.EqualTo((200, "No DSP block found with ID 9")));
            Assert.That((dspInBody!.Status, dspInBody.ErrorText), Is.EqualTo((200, "No DSP block found with ID 9")));
            Assert.That((project!.Status, project.ErrorText), Is.EqualTo((404, "Project 999999 not found")));
            Assert.That((job!.Status, job.ErrorText), Is.EqualTo((200, "No job found with ID 12873488112")));
            Assert.That((sample!.Status, sample.ErrorText), Is.EqualTo((200, "No sample found with ID 42")));
            Assert.That((impulse!.Status, impulse.ErrorText), Is.EqualTo((200, "No impulse found with ID 7")));
        }
    }

    [Test]
    public async Task DownloadsBeforeFeaturesExist_FailWithSuccessFalse()
    {
        await using var sim = await StartAsync();
        using var client = CreateClient(sim);

        var data = await Assert.ThrowsAsync<EdgeImpulseApiException>(() => client.Dsp.DownloadDspDataAsync(sim.ProjectId, sim.DspId, RawDataCategory.Training));
        var labels = await Assert.ThrowsAsync<EdgeImpulseApiException>(() => client.Dsp.DownloadDspLabelsAsync(sim.ProjectId, sim.DspId, RawDataCategory.Training));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(data!.ErrorText, Is.EqualTo("Features for DSP block \"Spectral features\" (ID 3) have not been generated yet. Generate features first."));
            Assert.That(data.ContentType, Is.EqualTo("application/json"));
            Assert.That(labels!.ErrorText, Is.EqualTo(data.ErrorText));
        }
    }

    [TestCase("{\"batchSize\": \"large\"}", "body.batchSize: expected number")]
    [TestCase("{\"visualLayers\": [{\"type\": \"dense\", \"neurons\": 1.5}]}", "body.visualLayers[0].neurons: expected integer")]
    [TestCase("{\"visualLayers\": [{\"neurons\": 8}]}", "body.visualLayers[0].type: required")]
    [TestCase("{\"mode\": \"creative\"}", "body.mode: not one of the allowed values")]
    [TestCase("{\"trainingCycles\": 30", "body: malformed JSON")]
    [TestCase("", "body: required")]
    public async Task InvalidBody_Is400_NamingTheField(string body, string expected)
    {
        await using var sim = await StartAsync();
        using var http = CreateHttpClient(sim);

        using var response = await http.PostAsync($"api/{sim.ProjectId}/training/keras/{sim.LearnId}", JsonContent(body));
        var json = JObject.Parse(await response.Content.ReadAsStringAsync());

        using (Assert.EnterMultipleScope())
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That((bool)json["success"]!, Is.False);
            Assert.That((string)json["error"]!, Does.StartWith(expected));
        }
    }

    [Test]
    public async Task InvalidBody_ChangesNothing()
    {
        await using var sim = await StartAsync();
        using var client = CreateClient(sim);
        using var http = CreateHttpClient(sim);
        var before = await client.Learn.GetKerasAsync(sim.ProjectId, sim.LearnId);

        using var response = await http.PostAsync($"api/{sim.ProjectId}/training/keras/{sim.LearnId}", JsonContent("{\"trainingCycles\": 99, \"batchSize\": \"large\"}"));
        var after = await client.Learn.GetKerasAsync(sim.ProjectId, sim.LearnId);

        Assert.That(after.TrainingCycles, Is.EqualTo(before.TrainingCycles));
    }

    [TestCase("dsp/three", "path.dspId: expected integer, got 'three'")]
    [TestCase("dsp/3/raw-data/748301546/slice", "query.sliceStart: required")]
    [TestCase("jobs/1/stdout?limit=ten", "query.limit: expected integer, got 'ten'")]
    [TestCase("jobs/1/stdout?logLevel=verbose", "query.logLevel: expected one of error, warn, info, debug, got 'verbose'")]
    [TestCase("dsp-data/3/x/everything", "path.category: expected one of training, testing, post-processing, validation, got 'everything'")]
    public async Task InvalidParameter_Is400_NamingIt(string path, string expected)
    {
        await using var sim = await StartAsync();
        using var http = CreateHttpClient(sim);

        using var response = await http.GetAsync($"api/{sim.ProjectId}/{path}");
        var json = JObject.Parse(await response.Content.ReadAsStringAsync());

        using (Assert.EnterMultipleScope())
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That((string)json["error"]!, Is.EqualTo(expected));
        }
    }

    [Test]
    public async Task MissingOrWrongApiKey_Is401_AndAnyJwtIsAccepted()
    {
        await using var sim = await StartAsync();
        using var anonymous = CreateClient(sim, o => o.ApiKey = null);
        using var wrongKey = CreateClient(sim, o => o.ApiKey = "ei_not_the_key");
        using var jwt = CreateClient(sim, o => (o.ApiKey, o.JwtToken) = (null, "header.payload.signature"));

        var missing = await Assert.ThrowsAsync<EdgeImpulseApiException>(() => anonymous.Impulse.GetImpulseAsync(sim.ProjectId));
        var wrong = await Assert.ThrowsAsync<EdgeImpulseApiException>(() => wrongKey.Impulse.GetImpulseAsync(sim.ProjectId));
        var impulse = await jwt.Impulse.GetImpulseAsync(sim.ProjectId);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(missing!.Status, Is.EqualTo(401));
            Assert.That(missing.ErrorText, Does.Contain("x-api-key"));
            Assert.That(wrong!.Status, Is.EqualTo(401));
            Assert.That(wrong.ErrorText, Is.EqualTo("Invalid API key"));
            Assert.That(impulse.Success, Is.True);
        }
    }

    [Test]
    public async Task UnknownRoute_Is404_AndIsRecordedWithoutOperation()
    {
        await using var sim = await StartAsync();
        using var http = CreateHttpClient(sim);

        using var response = await http.GetAsync($"api/{sim.ProjectId}/no-such-thing");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
            Assert.That(sim.Requests, Has.Count.EqualTo(1));
            Assert.That(sim.Requests[0].OperationId, Is.Null);
            Assert.That(sim.Requests[0].Path, Is.EqualTo($"/v1/api/{sim.ProjectId}/no-such-thing"));
        }
    }

    [Test]
    public async Task Requests_AreRecordedWithoutTheApiKey()
    {
        await using var sim = await StartAsync();
        using var client = CreateClient(sim);

        await client.Learn.SetKerasAsync(sim.ProjectId, sim.LearnId, new SetKerasParameterRequest { TrainingCycles = 5 });
        var recorded = sim.Requests.Single();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(recorded.OperationId, Is.EqualTo("setKeras"));
            Assert.That(recorded.Method, Is.EqualTo("POST"));
            Assert.That(recorded.Path, Is.EqualTo($"/v1/api/{sim.ProjectId}/training/keras/{sim.LearnId}"));
            Assert.That(JObject.Parse(recorded.Body)["trainingCycles"]!.Value<int>(), Is.EqualTo(5));
            Assert.That(recorded.ToString(), Does.Not.Contain(sim.ApiKey));
        }
    }

    [TestCaseSource(nameof(UnknownIdCases))]
    public async Task UnknownId_FailsWithSuccessFalseAndTheStudiosText(string operationId, string method, string path, string? body, string expected)
    {
        await using var sim = await StartAsync();
        using var http = CreateHttpClient(sim);
        using var request = new HttpRequestMessage(new HttpMethod(method), $"api/{sim.ProjectId}/{path}") { Content = body is null ? null : JsonContent(body) };

        using var response = await http.SendAsync(request);
        var json = JObject.Parse(await response.Content.ReadAsStringAsync());

        using (Assert.EnterMultipleScope())
        {
            Assert.That(sim.Requests.Single().OperationId, Is.EqualTo(operationId), "the request reached the operation meant");
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/json"));
            Assert.That((bool)json["success"]!, Is.False);
            Assert.That((string)json["error"]!, Is.EqualTo(expected));
        }
    }

    // Simulated operations that take no id to get wrong (or whose unknown id is a 404: SimulatorDeploymentTests).
    private static readonly string[] WithoutIds = ["listSamples", "listVersions", "startVersionJob", "listDeploymentHistory", "downloadHistoricDeployment"];

    [Test]
    public async Task UnknownIdCases_CoverEverySimulatedOperationThatTakesAnId()
    {
        await using var sim = await StartAsync();
        var covered = UnknownIdCases().Select(c => (string)c.Arguments[0]!).Distinct();

        Assert.That(covered, Is.EquivalentTo(sim.OperationIds.Except(WithoutIds)));
    }

    // One request per operation with an unknown id (and, where an operation takes two ids, one per id), with a valid
    // body and the required query parameters, so only the id can fail. The simulator starts fresh: no features, no jobs.
    private static IEnumerable<TestCaseData> UnknownIdCases()
    {
        const string Learn = "No learning block found with ID 187";
        const string Dsp = "No DSP block found with ID 9";
        const string Job = "No job found with ID 12873488112";
        const string Sample = "No sample found with ID 42";
        var sample = RecordedSampleId;
        var slice = "?sliceStart=0&sliceEnd=2000";
        string Body(string fixture, long? dspId = null)
        {
            var json = JObject.Parse(TestPaths.ReadFixture(fixture));
            if (dspId is { } id)
            {
                json["dspId"] = id;
            }

            return json.ToString();
        }

        (string Operation, string Method, string Path, string? Body, string Expected)[] cases =
        [
            ("getImpulse", "GET", "impulse?impulseId=7", null, "No impulse found with ID 7"),
            ("getKeras", "GET", "training/keras/187", null, Learn),
            ("setKeras", "POST", "training/keras/187", Body("Learn/setKeras.request.json"), Learn),
            ("getKerasMetadata", "GET", "training/keras/187/metadata", null, Learn),
            ("trainKerasJob", "POST", "jobs/train/keras/187", Body("Jobs/trainKerasJob.request.json"), Learn),
            ("getDspConfig", "GET", "dsp/9", null, Dsp),
            ("setDspConfig", "POST", "dsp/9", Body("Dsp/setDspConfig.request.json"), Dsp),
            ("clearDspBlock", "POST", "dsp/9/clear", null, Dsp),
            ("getDspMetadata", "GET", "dsp/9/metadata", null, Dsp),
            ("getDspFeatureLabels", "GET", "dsp/9/features/labels", null, Dsp),
            ("getDspFeatureImportance", "GET", "dsp/9/features/importance", null, Dsp),
            ("getAutotunerResults", "GET", "dsp/9/get-autotuner-results", null, Dsp),
            ("getPerformanceAllVariants", "GET", "dsp/9/performance", null, Dsp),
            ("runDspOnFeaturesArray", "POST", "dsp/9/run", Body("Dsp/runDspOnFeaturesArray.request.json"), Dsp),
            ("startProfileCustomDspBlock", "POST", "dsp/9/profile", Body("Dsp/startProfileCustomDspBlock.request.json"), Dsp),
            ("getDspRawSample", "GET", $"dsp/9/raw-data/{sample}", null, Dsp),
            ("getDspRawSample", "GET", "dsp/3/raw-data/42", null, Sample),
            ("getDspSampleSlice", "GET", $"dsp/9/raw-data/{sample}/slice{slice}", null, Dsp),
            ("getDspSampleSlice", "GET", $"dsp/3/raw-data/42/slice{slice}", null, Sample),
            ("runDspSampleSlice", "POST", $"dsp/9/raw-data/{sample}/slice/run{slice}", Body("Dsp/runDspSampleSlice.request.json"), Dsp),
            ("runDspSampleSlice", "POST", $"dsp/3/raw-data/42/slice/run{slice}", Body("Dsp/runDspSampleSlice.request.json"), Sample),
            ("runDspSampleSliceReadOnly", "GET", $"dsp/9/raw-data/{sample}/slice/run/readonly{slice}", null, Dsp),
            ("runDspSampleSliceReadOnly", "GET", $"dsp/3/raw-data/42/slice/run/readonly{slice}", null, Sample),
            ("dspGetFeaturesForSample", "GET", $"dsp/9/features/get-graph/classification/{sample}", null, Dsp),
            ("dspGetFeaturesForSample", "GET", "dsp/3/features/get-graph/classification/42", null, Sample),
            ("dspSampleTrainedFeatures", "GET", "dsp/9/features/get-graph/training?featureAx1=0&featureAx2=1&featureAx3=2", null, Dsp),
            ("downloadDspData", "GET", "dsp-data/9/x/training", null, Dsp),
            ("downloadDspLabels", "GET", "dsp-data/9/y/training", null, Dsp),
            ("downloadLearnModel", "GET", "learn-data/187/model/tflite-float32", null, Learn),
            ("generateFeaturesJob", "POST", "jobs/generate-features", Body("Jobs/generateFeaturesJob.request.json", dspId: 9), Dsp),
            ("autotuneDspJob", "POST", "jobs/autotune-dsp", Body("Jobs/autotuneDspJob.request.json", dspId: 9), Dsp),
            ("getJobStatus", "GET", "jobs/12873488112/status", null, Job),
            ("getJobsLogs", "GET", "jobs/12873488112/stdout", null, Job),
            ("downloadJobsLogs", "GET", "jobs/12873488112/stdout/download", null, Job),
            ("cancelJob", "POST", "jobs/12873488112/cancel", null, Job),
            ("getProfileTfliteJobResult", "GET", "jobs/profile-tflite/12873488112/result", null, Job),
            ("listDeploymentTargetsForProject", "GET", "deployment/targets?impulseId=7", null, "No impulse found with ID 7"),
            ("buildOnDeviceModelJob", "POST", "jobs/build-ondevice-model?type=zip&impulseId=7", Body("Jobs/buildOnDeviceModelJob.request.json"), "No impulse found with ID 7"),
            ("getDeployment", "GET", "deployment?type=zip&impulseId=7", null, "No impulse found with ID 7"),
            ("downloadBuild", "GET", "deployment/download?type=zip&impulseId=7", null, "No impulse found with ID 7"),
            ("createImpulse", "POST", "impulse?impulseId=7", Body("Impulse/createImpulse.request.json"), "The simulator has one impulse (ID 1): impulse 7 is not simulated"),
            ("updateImpulse", "POST", "impulse/update?impulseId=7", Body("Impulse/updateImpulse.request.json"), "The simulator has one impulse (ID 1): impulse 7 is not simulated"),
        ];
        return cases.Select(c => new TestCaseData(c.Operation, c.Method, c.Path, c.Body, c.Expected).SetArgDisplayNames(c.Operation, c.Path.Split('?')[0]));
    }
}
