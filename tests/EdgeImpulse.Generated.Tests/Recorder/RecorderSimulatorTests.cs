using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using EdgeImpulse.Generated.Recorder;
using EdgeImpulse.Generated.Simulator;
using EdgeImpulse.Generated.SpecTool;
using EdgeImpulse.Generated.Tests.Infrastructure;
using EdgeImpulse.Generated.Tests.Simulator;
using Newtonsoft.Json.Linq;
using NUnit.Framework;

namespace EdgeImpulse.Generated.Tests.Recorder;

/// <summary>
/// The recorder end to end against the in-process simulator, started as the recorded project (features generated,
/// model trained, the recorded jobs present), with secrets planted in the recordings it serves.
/// </summary>
/// <remarks>
/// The recorder is the one the real Studio gets: it starts no job, it reads the job, profile job and sample ids from
/// the environment, and the trained simulator knows the recorded ones. Nothing in the recorder knows it is talking to
/// a simulator.
/// </remarks>
[TestFixture]
public sealed class RecorderSimulatorTests
{
    // The simulator's key: not ei_ + hex, so only the known-secret rule can catch it; '+', '/' and '=' make its
    // URL-encoded form differ from it.
    private const string ApiKey = "ei_sim+Recorder/Key=7d41";
    private const string UrlEncodedApiKey = "ei_sim%2BRecorder%2FKey%3D7d41";
    private const string Jwt = "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiI3NzAzMSIsIm5hbWUiOiJUb3ZlIn0.c2ltdWxhdG9yLXNpZ25lZA";
    private const string HexApiKey = "ei_0f9e8d7c6b5a49382716a5b4c3d2e1f00f9e8d7c6b5a49382716a5b4c3d2e1f0";
    private const string PlainApiKey = "pk-live-4417-aurora-kestrel";
    private const string Email = "tove.almqvist@example.org";
    private const string BasicCredential = "dG92ZTpodW50ZXIy";
    private const string SessionCookie = "sess_91c0f2d7b3";
    private const string SignatureKey = "5d2c81f0a4b94e7c9b3f06d1e8a27c45";

    /// <summary>Everything planted that must reach neither a fixture nor the console (the committed recordings hold only placeholders).</summary>
    private static readonly string[] Secrets =
    [
        ApiKey,
        UrlEncodedApiKey,
        Jwt,
        HexApiKey,
        PlainApiKey,
        Email,
        BasicCredential,
        SessionCookie,
        SignatureKey,
        "Tove Almqvist",
        "talmqvist",
        "77031", // a project owner's id (ownerId), and the job's creator's id
    ];

    private RecorderRunResult _run = null!;
    private IReadOnlyList<SimulatorRequest> _requests = null!;
    private RecordingPlan _plan = null!;

    [OneTimeSetUp]
    public async Task RecordFromTheTrainedSimulator()
    {
        await using var sim = await SimulatorTestKit.StartAsync(options =>
        {
            options.StartTrained = true;
            options.ApiKey = ApiKey;
            foreach (var (path, json) in PlantedSecrets())
            {
                options.FixtureOverrides[path] = json.ToString();
            }
        });

        var environment = RecorderRun.Environment(sim);
        _plan = RecordingPlan.Build(SpecCatalog.Load(TestPaths.Spec, TestPaths.Corrections), RecorderSettings.Parse([], environment));
        _run = await RecorderRun.RunAsync(environment, RecorderRun.NewOutputDirectory());
        _requests = sim.Requests;
    }

    [OneTimeTearDown]
    public void DeleteOutput()
    {
        if (_run is not null && Directory.Exists(_run.OutputDirectory))
        {
            Directory.Delete(_run.OutputDirectory, recursive: true);
        }
    }

    [Test]
    public void EveryPlannedOperation_IsRecorded_AndTheToolSucceeds()
    {
        using (Assert.EnterMultipleScope())
        {
            Assert.That(_plan.Calls.Select(c => c.Operation.OperationId), Is.EqualTo(RecordingPlan.Recorded.Select(e => e.OperationId)), "every table entry is planned: no id is missing");
            Assert.That(_run.ExitCode, Is.EqualTo(FixtureRecorder.Success), _run.Console);
            Assert.That(_run.Files.Keys, Is.EquivalentTo(_plan.Calls.Select(c => c.FixturePath)));
            Assert.That(_run.Output, Does.Contain($"Done: {RecordingPlan.Recorded.Count} recorded, 0 failed,"));
            Assert.That(_run.Error, Is.Empty);
        }
    }

    [Test]
    public void TheSimulatorSawOnlyTheRecordedGets_OneEach_AndStartedNoJob()
    {
        using (Assert.EnterMultipleScope())
        {
            Assert.That(_requests.Select(r => r.OperationId), Is.EqualTo(RecordingPlan.Recorded.Select(e => e.OperationId)));
            Assert.That(_requests.Select(r => r.Method), Is.All.EqualTo("GET"));
            Assert.That(_requests.Select(r => r.Fault), Is.All.Null);
        }
    }

    [Test]
    public void WrittenFixtures_AreStable_SortedAndParse() =>
        RecordedFixtureAssert.AreStable(_run);

    [Test]
    public void NoSecretSurvives_InAnyWrittenFile_OrOnTheConsole() =>
        RecordedFixtureAssert.ContainNoSecret(_run, Secrets);

    [Test]
    public void ThePlantedValues_ReachedTheRecorder_AndWereReplacedWhereTheyWere()
    {
        // Without this, "no secret survives" would also pass if the simulator had not served the planted values.
        var impulse = _run.Json("Impulse/getImpulse.success.json");
        var metadata = _run.Json("Dsp/getDspMetadata.success.json");
        var sample = _run.Json("Dsp/getDspRawSample.success.json");
        var job = _run.Json("Jobs/getJobStatus.success.json");
        var logs = _run.Json("Jobs/getJobsLogs.success.json");

        using (Assert.EnterMultipleScope())
        {
            Assert.That((string?)impulse.SelectToken("debug.echo[0]"), Is.EqualTo("key REDACTED (url https://studio.edgeimpulse.com/v1/api?key=REDACTED) session REDACTED"));
            Assert.That((string?)impulse.SelectToken("debug.headers.Authorization"), Is.EqualTo(SanitizerRules.Redacted));
            Assert.That((string?)impulse.SelectToken("debug.headers.Cookie"), Is.EqualTo(SanitizerRules.Redacted));
            Assert.That(metadata["apiKeys"]!.Select(k => (string?)k["key"]), Is.EqualTo(new[] { SanitizerRules.Redacted, SanitizerRules.Redacted }));
            Assert.That(metadata["apiKeys"]!.Select(k => (string?)k["name"]), Is.EqualTo(new[] { "CI", "Dashboard" }), "the key's other fields are data");
            Assert.That((long)metadata["ownerId"]!, Is.EqualTo(SanitizerRules.UserId));
            Assert.That((string?)sample.SelectToken("sample.projectOwnerName"), Is.EqualTo(SanitizerRules.PersonName));
            Assert.That((string?)sample.SelectToken("sample.signatureKey"), Is.EqualTo(SanitizerRules.Redacted));
            Assert.That((string?)sample.SelectToken("sample.lastUpdatedBy.username"), Is.EqualTo(SanitizerRules.Username));
            Assert.That((string?)sample.SelectToken("sample.metadata.collected_by"), Is.EqualTo(SanitizerRules.Username), "a user name learned in the same response");
            Assert.That((string?)job.SelectToken("job.createdByUser.email"), Is.EqualTo(SanitizerRules.Email));
            Assert.That((long)job.SelectToken("job.createdByUser.id")!, Is.EqualTo(SanitizerRules.UserId));
            Assert.That((string?)job.SelectToken("job.createdByUser.username"), Is.EqualTo(SanitizerRules.Username));
            Assert.That(job.SelectToken("job.jobNotificationUids")!.Values<long>(), Is.EqualTo(new[] { SanitizerRules.UserId }));
            Assert.That(logs["stdout"]!.Select(l => (string?)l["data"]), Has.Some.EqualTo($"Uploaded by {SanitizerRules.Username} ({SanitizerRules.Email}) with {SanitizerRules.Redacted}\n"));
            Assert.That(logs["stdout"]!.Select(l => (string?)l["data"]), Has.Some.EqualTo("Authorization: Basic REDACTED\n"));
            Assert.That(_run.Text("Jobs/downloadJobsLogs.success.txt"), Does.Contain($"Uploaded by {SanitizerRules.Username} ({SanitizerRules.Email}) with {SanitizerRules.Redacted}\n"));
        }
    }

    [Test]
    public void TrainedFeatures_AreRecordedForTheStorysFeatureAxes()
    {
        // X is keyed by the feature indices asked for; the story (and the client tests reading it) uses 0, 6 and 12.
        var authored = Fixture("Dsp/dspSampleTrainedFeatures.success.json");
        var recorded = _run.Json("Dsp/dspSampleTrainedFeatures.success.json");

        Assert.That(((JObject)recorded.SelectToken("data[0].X")!).Properties().Select(p => p.Name), Is.EquivalentTo(((JObject)authored.SelectToken("data[0].X")!).Properties().Select(p => p.Name)));
    }

    [Test]
    public void TheConsole_ShowsTheBaseUrl_AndWhereTheKeyCameFrom_NeverTheKey()
    {
        using (Assert.EnterMultipleScope())
        {
            Assert.That(_run.Output, Does.Match(@"^Recording 18 operations from http://127\.0\.0\.1:\d+/v1 into "));
            Assert.That(_run.Output, Does.Contain("authenticated by x-api-key from EI_API_KEY"));
        }
    }

    // The recordings with secrets added where the Studio could put them. The simulator serves these in place of its own.
    private static IEnumerable<(string Path, JObject Json)> PlantedSecrets()
    {
        var impulse = Fixture("Impulse/getImpulse.success.json");
        impulse["debug"] = new JObject
        {
            ["echo"] = new JArray($"key {ApiKey} (url https://studio.edgeimpulse.com/v1/api?key={UrlEncodedApiKey}) session {Jwt}"),
            ["headers"] = new JObject { ["Authorization"] = $"Basic {BasicCredential}", ["Cookie"] = $"session={SessionCookie}" },
        };
        yield return ("Impulse/getImpulse.success.json", impulse);

        var metadata = Fixture("Dsp/getDspMetadata.success.json");
        metadata["ownerId"] = 77031;
        metadata["apiKeys"] = new JArray(
            new JObject { ["id"] = 11, ["name"] = "CI", ["key"] = HexApiKey },
            new JObject { ["id"] = 12, ["name"] = "Dashboard", ["key"] = PlainApiKey });
        yield return ("Dsp/getDspMetadata.success.json", metadata);

        var sample = Fixture("Dsp/getDspRawSample.success.json");
        sample["sample"]!["projectOwnerName"] = "Tove Almqvist";
        sample["sample"]!["signatureKey"] = SignatureKey;
        sample["sample"]!["lastUpdatedBy"] = new JObject { ["type"] = "user", ["username"] = "talmqvist" };
        sample["sample"]!["metadata"]!["collected_by"] = "talmqvist";
        yield return ("Dsp/getDspRawSample.success.json", sample);

        var job = Fixture("Jobs/getJobStatus.success.json");
        job["job"]!["createdByUser"] = new JObject { ["id"] = 77031, ["name"] = "Tove Almqvist", ["username"] = "talmqvist", ["email"] = Email };
        job["job"]!["jobNotificationUids"] = new JArray(77031);
        yield return ("Jobs/getJobStatus.success.json", job);

        // The training job's log, served by getJobsLogs (newest first) and downloadJobsLogs (as text).
        var logs = Fixture("Jobs/getJobsLogs.success.json");
        var newest = (string)logs["stdout"]![0]!["created"]!;
        ((JArray)logs["stdout"]!).Insert(0, new JObject { ["created"] = newest, ["data"] = $"Uploaded by talmqvist ({Email}) with {Jwt}\n", ["logLevel"] = "info" });
        ((JArray)logs["stdout"]!).Insert(0, new JObject { ["created"] = newest, ["data"] = $"Authorization: Basic {BasicCredential}\n", ["logLevel"] = "debug" });
        yield return ("Jobs/getJobsLogs.success.json", logs);
    }

    private static JObject Fixture(string path) => (JObject)StableJson.Parse(TestPaths.ReadFixture(path));
}
