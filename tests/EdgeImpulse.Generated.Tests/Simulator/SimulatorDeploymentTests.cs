using System;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Threading.Tasks;
using EdgeImpulse.Generated.Simulator;
using EdgeImpulse.Generated.Tests.Infrastructure;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using NUnit.Framework;
using static EdgeImpulse.Generated.Tests.Simulator.SimulatorTestKit;

namespace EdgeImpulse.Generated.Tests.Simulator;

/// <summary>
/// The deployment path after training, on the wire (wire operationIds, raw HTTP, so these hold whatever the generated
/// names are): targets, the build job and its package, the downloads before and after, samples, impulse edits, versions.
/// Jobs run on a hand-moved clock, so "before the job finished" is exact.
/// </summary>
[TestFixture]
public sealed class SimulatorDeploymentTests
{
    private static readonly TimeSpan PastAnyJob = TimeSpan.FromSeconds(10);

    [Test]
    public async Task ListDeploymentTargets_AnswersTheRecordedTargets()
    {
        await using var sim = await StartAsync();
        using var http = CreateHttpClient(sim);

        var targets = await GetJsonAsync(http, $"api/{sim.ProjectId}/deployment/targets");

        Assert.That(targets["targets"]!.Select(t => (string?)t["format"]), Is.EqualTo(RecordedTargets().Select(t => (string?)t["format"])));
    }

    [Test]
    public async Task BuildOnDeviceModelJob_OnATrainedProject_BuildsAZipThatSaysWhatItWasBuiltFrom_DownloadableOnceTheJobSucceeded()
    {
        var clock = new ManualClock();
        await using var sim = await StartAsync(o => { o.StartTrained = true; o.TimeProvider = clock; });
        using var http = CreateHttpClient(sim);

        var started = await PostJsonAsync(http, $"api/{sim.ProjectId}/jobs/build-ondevice-model?type=zip", """{"engine": "tflite-eon", "modelType": "float32"}""");
        var version = (int)started["deploymentVersion"]!;
        using var early = await http.GetAsync($"api/{sim.ProjectId}/deployment/history/{version}/download");
        var earlyError = JObject.Parse(await early.Content.ReadAsStringAsync());
        clock.Advance(PastAnyJob);
        var status = await GetJsonAsync(http, $"api/{sim.ProjectId}/jobs/{started["id"]}/status");
        var log = await http.GetStringAsync($"api/{sim.ProjectId}/jobs/{started["id"]}/stdout/download");
        using var download = await http.GetAsync($"api/{sim.ProjectId}/deployment/history/{version}/download");
        var package = await download.Content.ReadAsByteArrayAsync();
        var manifest = ReadManifest(package, out var entries);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(version, Is.EqualTo(1), "a project's first deployment");
            Assert.That(early.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
            Assert.That((string?)earlyError["error"], Does.Contain($"Deployment version {version} is still building"));
            Assert.That((bool?)status.SelectToken("job.finishedSuccessful"), Is.True);
            Assert.That((string?)status.SelectToken("job.categoryKey"), Is.EqualTo("build-ondevice-model"));
            Assert.That(log, Does.Contain("Building C++ library (zip)").And.Contain("Engine: tflite-eon, model: float32").And.Contain("EON Compiler"));
            Assert.That(download.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(download.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/zip"));
            Assert.That(download.Content.Headers.ContentDisposition?.FileName?.Trim('"'), Is.EqualTo("ei-continuous-motion-recognition-zip-v1.zip"));
            Assert.That(entries, Is.SupersetOf(new[] { "deployment.json", "model-parameters/model_metadata.h", "tflite-model/trained_model_float32.tflite" }));
            Assert.That((long?)manifest.SelectToken("project.id"), Is.EqualTo(sim.ProjectId));
            Assert.That((string?)manifest.SelectToken("target.format"), Is.EqualTo("zip"));
            Assert.That((string?)manifest["engine"], Is.EqualTo("tflite-eon"));
            Assert.That((string?)manifest["modelType"], Is.EqualTo("float32"));
            Assert.That((int?)manifest["deploymentVersion"], Is.EqualTo(version));
            Assert.That(manifest["labels"]!.Values<string>(), Is.EqualTo(new[] { "idle", "snake", "updown", "wave" }));
            Assert.That(manifest.SelectToken("impulse.learnBlocks")!.Select(b => (string?)b["name"]), Does.Contain("Classifier"));
        }
    }

    [Test]
    public async Task DeprecatedDownloadBuild_AndGetDeployment_FollowTheNewestSuccessfulBuildOfAType()
    {
        var clock = new ManualClock();
        await using var sim = await StartAsync(o => { o.StartTrained = true; o.TimeProvider = clock; });
        using var http = CreateHttpClient(sim);

        var none = await GetJsonAsync(http, $"api/{sim.ProjectId}/deployment?type=zip");
        using var missing = await http.GetAsync($"api/{sim.ProjectId}/deployment/download?type=zip");
        await PostJsonAsync(http, $"api/{sim.ProjectId}/jobs/build-ondevice-model?type=zip", """{"engine": "tflite"}""");
        await PostJsonAsync(http, $"api/{sim.ProjectId}/jobs/build-ondevice-model?type=wasm", """{"engine": "tflite"}""");
        clock.Advance(PastAnyJob);
        await PostJsonAsync(http, $"api/{sim.ProjectId}/jobs/build-ondevice-model?type=zip", """{"engine": "tflite-eon"}""");
        var whileBuilding = await GetJsonAsync(http, $"api/{sim.ProjectId}/deployment?type=zip");
        clock.Advance(PastAnyJob);
        var built = await GetJsonAsync(http, $"api/{sim.ProjectId}/deployment?type=zip");
        var byEngine = await GetJsonAsync(http, $"api/{sim.ProjectId}/deployment?type=zip&engine=tflite");
        var latest = ReadManifest(await http.GetByteArrayAsync($"api/{sim.ProjectId}/deployment/download?type=zip"), out _);
        var history = await GetJsonAsync(http, $"api/{sim.ProjectId}/deployment/history");

        using (Assert.EnterMultipleScope())
        {
            Assert.That((bool?)none["hasDeployment"], Is.False);
            Assert.That(missing.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
            Assert.That((int?)whileBuilding["version"], Is.EqualTo(1), "version 3 is still building");
            Assert.That((int?)built["version"], Is.EqualTo(3));
            Assert.That((int?)byEngine["version"], Is.EqualTo(1));
            Assert.That((int?)latest["deploymentVersion"], Is.EqualTo(3));
            Assert.That(history["deployments"]!.Select(d => (int?)d["deploymentVersion"]), Is.EqualTo(new[] { 3, 2, 1 }), "newest first");
            Assert.That(history["deployments"]!.Select(d => (string?)d["deploymentFormat"]), Is.EqualTo(new[] { "zip", "wasm", "zip" }));
            Assert.That((int?)history["totalDeploymentCount"], Is.EqualTo(3));
        }
    }

    [Test]
    public async Task BuildOnDeviceModelJob_BeforeTraining_FailsWithTheReason_AndLeavesNothingToDownload()
    {
        var clock = new ManualClock();
        await using var sim = await StartAsync(o => o.TimeProvider = clock);
        using var http = CreateHttpClient(sim);

        var started = await PostJsonAsync(http, $"api/{sim.ProjectId}/jobs/build-ondevice-model?type=zip", """{"engine": "tflite-eon"}""");
        clock.Advance(PastAnyJob);
        var status = await GetJsonAsync(http, $"api/{sim.ProjectId}/jobs/{started["id"]}/status");
        var log = await http.GetStringAsync($"api/{sim.ProjectId}/jobs/{started["id"]}/stdout/download");
        using var download = await http.GetAsync($"api/{sim.ProjectId}/deployment/history/{started["deploymentVersion"]}/download");

        using (Assert.EnterMultipleScope())
        {
            Assert.That((bool?)status.SelectToken("job.finishedSuccessful"), Is.False);
            Assert.That(log, Does.Contain("ERR: The model of learn block \"Classifier\" (ID 4) has not been trained yet"));
            Assert.That(download.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
            Assert.That(await download.Content.ReadAsStringAsync(), Does.Contain("failed to build"));
        }
    }

    public static readonly TestCaseData[] RefusedBuilds =
    [
        new TestCaseData("nope", """{"engine": "tflite"}""", "Unknown deployment target \"nope\"").SetArgDisplayNames("unknown type"),
        new TestCaseData("zip", """{"engine": "tensorrt"}""", "does not support engine \"tensorrt\" (supported: tflite-eon, tflite-eon-ram-optimized, tflite)").SetArgDisplayNames("engine"),
        new TestCaseData("zip", """{"engine": "tflite", "modelType": "akida"}""", "does not support the akida model").SetArgDisplayNames("model variant"),
        new TestCaseData("brainchip-akd1000", """{"engine": "akida"}""", "is disabled for this project: This target needs a BrainChip Akida learn block").SetArgDisplayNames("disabled target"),
    ];

    [TestCaseSource(nameof(RefusedBuilds))]
    public async Task BuildOnDeviceModelJob_RefusesWhatTheTargetCannotBuild_AsTheStudioRefusesActions(string type, string body, string error)
    {
        await using var sim = await StartAsync(o => o.StartTrained = true);
        using var http = CreateHttpClient(sim);

        using var response = await http.PostAsync($"api/{sim.ProjectId}/jobs/build-ondevice-model?type={type}", JsonContent(body));
        var json = JObject.Parse(await response.Content.ReadAsStringAsync());

        using (Assert.EnterMultipleScope())
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That((bool?)json["success"], Is.False);
            Assert.That((string?)json["error"], Does.Contain(error));
        }
    }

    [Test]
    public async Task ListSamples_ListsTheDataSet_FilteredAndPaged_InTheRecordedSampleShape()
    {
        await using var sim = await StartAsync();
        using var http = CreateHttpClient(sim);
        var included = JObject.Parse(TestPaths.ReadFixture("Dsp/getDspMetadata.success.json"))["includedSamples"]!.Select(s => (long)s["id"]!).ToArray();

        var all = await GetJsonAsync(http, $"api/{sim.ProjectId}/raw-data?category=training");
        var page = await GetJsonAsync(http, $"api/{sim.ProjectId}/raw-data?category=training&limit=5&offset=10");
        var waves = await GetJsonAsync(http, $"api/{sim.ProjectId}/raw-data?category=training&labels=%5B%22wave%22%5D&excludeSensors=true");
        var testing = await GetJsonAsync(http, $"api/{sim.ProjectId}/raw-data?category=testing");
        var ids = all["samples"]!.Select(s => (long)s["id"]!).ToArray();
        var recorded = (JObject)JObject.Parse(TestPaths.ReadFixture("RawData/listSamples.success.json"))["samples"]![0]!;
        var first = (JObject)all["samples"]![0]!;

        using (Assert.EnterMultipleScope())
        {
            Assert.That(ids, Is.EquivalentTo(included), "the samples getDspMetadata counts windows of");
            Assert.That(ids, Is.Ordered.Descending, "newest (highest id) first");
            Assert.That((int?)all["totalCount"], Is.EqualTo(included.Length));
            Assert.That(page["samples"]!.Select(s => (long)s["id"]!), Is.EqualTo(ids.Skip(10).Take(5)));
            Assert.That((int?)page["totalCount"], Is.EqualTo(included.Length), "totalCount counts every match, not the page");
            Assert.That(waves["samples"]!.Select(s => (string?)s["label"]).Distinct(), Is.EqualTo(new[] { "wave" }));
            Assert.That(waves["samples"]!.SelectMany(s => s["sensors"]!), Is.Empty);
            Assert.That(testing["samples"]!.Select(s => (string?)s["category"]).Distinct(), Is.EqualTo(new[] { "testing" }));
            Assert.That(first.Properties().Select(p => p.Name), Is.EquivalentTo(recorded.Properties().Select(p => p.Name)));
            Assert.That((string?)first["filename"], Does.StartWith((string?)first["label"] + "."));
        }
    }

    [Test]
    public async Task CreateImpulse_ReplacesTheBlocks_KeepingTheStateOfBlocksThatDidNotChange()
    {
        await using var sim = await StartAsync(o => o.StartTrained = true);
        using var http = CreateHttpClient(sim);
        var request = JObject.Parse(TestPaths.ReadFixture("Impulse/createImpulse.request.json"));

        var created = await PostJsonAsync(http, $"api/{sim.ProjectId}/impulse", request.ToString());
        var impulse = (await GetJsonAsync(http, $"api/{sim.ProjectId}/impulse"))["impulse"]!;
        var kept = await GetJsonAsync(http, $"api/{sim.ProjectId}/training/keras/4/metadata");
        var removed = await GetJsonAsync(http, $"api/{sim.ProjectId}/training/keras/5", expectSuccess: false);
        request["inputBlocks"]![0]!["windowSizeMs"] = 1000;
        await PostJsonAsync(http, $"api/{sim.ProjectId}/impulse", request.ToString());
        var rewindowed = await GetJsonAsync(http, $"api/{sim.ProjectId}/dsp/{sim.DspId}/metadata");
        var retrainNeeded = await GetJsonAsync(http, $"api/{sim.ProjectId}/training/keras/4/metadata");

        using (Assert.EnterMultipleScope())
        {
            Assert.That((long?)created["id"], Is.EqualTo(1));
            Assert.That((string?)impulse["name"], Is.EqualTo("Motion classifier"));
            Assert.That(impulse["learnBlocks"]!.Select(b => (long?)b["id"]), Is.EqualTo(new long?[] { 4 }));
            Assert.That((string?)impulse["learnBlocks"]![0]!["createdAt"], Is.EqualTo("2026-01-14T09:12:44.318Z"), "an unchanged block keeps its creation stamp");
            Assert.That((bool?)kept["hasTrainedModel"], Is.Not.False, "block 4 and its inputs did not change: still trained");
            Assert.That((string?)removed["error"], Is.EqualTo("No learning block found with ID 5"));
            Assert.That((bool?)rewindowed["generated"], Is.False, "a new window makes the features stale");
            Assert.That((bool?)retrainNeeded["hasTrainedModel"], Is.False, "and the model trained on them");
        }
    }

    [Test]
    public async Task CreateImpulse_WithALearnBlockOnAMissingDspBlock_IsRefused()
    {
        await using var sim = await StartAsync();
        using var http = CreateHttpClient(sim);
        var request = JObject.Parse(TestPaths.ReadFixture("Impulse/createImpulse.request.json"));
        request["learnBlocks"]![0]!["dsp"] = new JArray(9);

        var refused = await PostJsonAsync(http, $"api/{sim.ProjectId}/impulse", request.ToString(), expectSuccess: false);
        var impulse = (await GetJsonAsync(http, $"api/{sim.ProjectId}/impulse"))["impulse"]!;

        using (Assert.EnterMultipleScope())
        {
            Assert.That((string?)refused["error"], Is.EqualTo("Invalid impulse: learn block 4 takes DSP block 9, which is not in the impulse"));
            Assert.That(impulse["learnBlocks"]!.Count(), Is.EqualTo(2), "nothing changed");
        }
    }

    [Test]
    public async Task UpdateImpulse_SetsNameTagsAndType_ThatGetImpulseShows()
    {
        await using var sim = await StartAsync();
        using var http = CreateHttpClient(sim);

        await PostJsonAsync(http, $"api/{sim.ProjectId}/impulse/update", TestPaths.ReadFixture("Impulse/updateImpulse.request.json"));
        await PostJsonAsync(http, $"api/{sim.ProjectId}/impulse/update", """{"type": "BYOM"}""");
        var impulse = (await GetJsonAsync(http, $"api/{sim.ProjectId}/impulse"))["impulse"]!;

        using (Assert.EnterMultipleScope())
        {
            Assert.That((string?)impulse["name"], Is.EqualTo("Motion classifier (int8)"));
            Assert.That(impulse["tags"]!.Values<string>(), Is.EqualTo(new[] { "ci", "motion" }));
            Assert.That((string?)impulse["type"], Is.EqualTo("BYOM"), "a field left out of an update keeps its value; this one was set");
            Assert.That(impulse["learnBlocks"]!.Count(), Is.EqualTo(2), "an update leaves the blocks alone");
        }
    }

    [Test]
    public async Task StartVersionJob_AddsAVersionWhenItsJobFinishes_ContinuingTheRecordedNumbering()
    {
        var clock = new ManualClock();
        await using var sim = await StartAsync(o => { o.StartTrained = true; o.TimeProvider = clock; });
        using var http = CreateHttpClient(sim);

        var before = await GetJsonAsync(http, $"api/{sim.ProjectId}/versions");
        var started = await PostJsonAsync(http, $"api/{sim.ProjectId}/jobs/version", TestPaths.ReadFixture("Jobs/startVersionJob.request.json"));
        var whileRunning = await GetJsonAsync(http, $"api/{sim.ProjectId}/versions");
        clock.Advance(PastAnyJob);
        var after = await GetJsonAsync(http, $"api/{sim.ProjectId}/versions");
        var log = await http.GetStringAsync($"api/{sim.ProjectId}/jobs/{started["id"]}/stdout/download");
        var newest = after["versions"]![0]!;

        using (Assert.EnterMultipleScope())
        {
            Assert.That(before["versions"]!.Select(v => (int?)v["version"]), Is.EqualTo(new[] { 2, 1 }), "the recorded versions, newest first");
            Assert.That((int?)before["nextVersion"], Is.EqualTo(3));
            Assert.That(whileRunning["versions"]!.Count(), Is.EqualTo(2));
            Assert.That(after["versions"]!.Select(v => (int?)v["version"]), Is.EqualTo(new[] { 3, 2, 1 }));
            Assert.That((int?)after["nextVersion"], Is.EqualTo(4));
            Assert.That((string?)newest["description"], Is.EqualTo("Trained from CI"));
            Assert.That((string?)newest.SelectToken("bucket.path"), Is.EqualTo($"/projects/{sim.ProjectId}/versions/3"));
            Assert.That(log, Does.Contain("Version 3 created"));
        }
    }

    [Test]
    public async Task StartVersionJob_IntoADataBucket_IsRefusedAsNotSimulated()
    {
        await using var sim = await StartAsync();
        using var http = CreateHttpClient(sim);

        var refused = await PostJsonAsync(http, $"api/{sim.ProjectId}/jobs/version", """{"description": "x", "makePublic": false, "bucketId": 3}""", expectSuccess: false);

        Assert.That((string?)refused["error"], Does.StartWith("Data buckets are not simulated"));
    }

    private static JArray RecordedTargets() => (JArray)JObject.Parse(TestPaths.ReadFixture("Deployment/listDeploymentTargetsForProject.success.json"))["targets"]!;

    private static async Task<JObject> GetJsonAsync(HttpClient http, string path, bool expectSuccess = true)
    {
        using var response = await http.GetAsync(path);
        return await ReadAsync(response, path, expectSuccess);
    }

    private static async Task<JObject> PostJsonAsync(HttpClient http, string path, string body, bool expectSuccess = true)
    {
        using var response = await http.PostAsync(path, JsonContent(body));
        return await ReadAsync(response, path, expectSuccess);
    }

    private static async Task<JObject> ReadAsync(HttpResponseMessage response, string path, bool expectSuccess)
    {
        var json = Parse(await response.Content.ReadAsStringAsync());
        Assert.That((bool?)json["success"], Is.EqualTo(expectSuccess), $"{path}: {json}");
        return json;
    }

    // Dates stay the strings the simulator wrote (JObject.Parse would turn them into DateTime and reformat them).
    private static JObject Parse(string json)
    {
        using var reader = new JsonTextReader(new StringReader(json)) { DateParseHandling = DateParseHandling.None };
        return JObject.Load(reader);
    }

    private static JObject ReadManifest(byte[] package, out string[] entries)
    {
        using var zip = new ZipArchive(new MemoryStream(package), ZipArchiveMode.Read);
        entries = zip.Entries.Select(e => e.FullName).ToArray();
        using var reader = new StreamReader(zip.GetEntry("deployment.json")!.Open());
        return JObject.Parse(reader.ReadToEnd());
    }
}
