using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using EdgeImpulse.Generated.Recorder;
using EdgeImpulse.Generated.Tests.Infrastructure;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using NUnit.Framework;

namespace EdgeImpulse.Generated.Tests.Recorder;

/// <summary>
/// One full recorder run against the loopback server, which answers every recorded operation with its authored
/// fixture laced with secrets and with the personal data of a user, Maya Lindqvist (the committed fixtures hold only
/// the sanitizer's placeholders), except two operations that fail (success:false echoing the key, and an HTTP 502).
/// </summary>
[TestFixture]
public sealed class RecorderLoopbackTests
{
    private const string Jwt = "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiI0MDMxOCIsIm5hbWUiOiJNYXlhIn0.kP3J0aW5nLXNpZ25hdHVyZQ";
    private const string Email = "maya@lindqvist.se";
    private const string FailingJsonOperation = "getKerasMetadata";
    private const string FailingHttpOperation = "getAutotunerResults";
    private const string PreviousGoodFixture = "{\n  \"success\": true,\n  \"results\": []\n}\n";

    /// <summary>Everything the served responses carry that must not reach a fixture or the console.</summary>
    private static readonly string[] Secrets =
    [
        LoopbackServer.ApiKey,
        Jwt,
        Email,
        "Maya Lindqvist",
        "Lindqvist",
        "mlindqvist",
        "40318", // the user's id, also inside the photo URL
        "usercdn.edgeimpulse.com/photos",
        "5d2c81f0a4b94e7c9b3f06d1e8a27c45", // the sample's signatureKey
    ];

    private RecorderRunResult _run = null!;
    private IReadOnlyList<RecordedRequest> _requests = null!;

    [OneTimeSetUp]
    public async Task RecordAgainstTheLoopbackServer()
    {
        await using var server = LoopbackServer.Start();
        foreach (var entry in RecordingPlan.Recorded)
        {
            server.Enqueue(LacedResponse(entry.OperationId));
        }

        var outputDirectory = RecorderRun.NewOutputDirectory();
        var previous = Path.Combine(outputDirectory, "Dsp", FailingHttpOperation + ".success.json");
        Directory.CreateDirectory(Path.GetDirectoryName(previous)!);
        await File.WriteAllTextAsync(previous, PreviousGoodFixture);

        _run = await RecorderRun.RunAsync(RecorderRun.Environment(server.BaseUrl, LoopbackServer.ApiKey), outputDirectory);
        _requests = server.Requests;
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
    public void NoSecretSurvives_InAnyWrittenFile_OrOnTheConsole() =>
        RecordedFixtureAssert.ContainNoSecret(_run, Secrets);

    [Test]
    public void WrittenFixtures_AreStable_SortedAndParse() =>
        RecordedFixtureAssert.AreStable(_run);

    [Test]
    public void EveryRecordedOperation_IsWritten_WhereTheAuthoredFixtureIs()
    {
        var expected = RecordingPlan.Recorded.Select(e => e.OperationId)
            .Where(id => id is not (FailingJsonOperation or FailingHttpOperation))
            .Select(id => Directory.GetFiles(TestPaths.Fixtures, id + ".success.*", SearchOption.AllDirectories).Single())
            .Select(path => Path.GetRelativePath(TestPaths.Fixtures, path).Replace(Path.DirectorySeparatorChar, '/'))
            .Append($"Dsp/{FailingHttpOperation}.success.json"); // the previous file, left alone

        Assert.That(_run.Files.Keys, Is.EquivalentTo(expected));
    }

    [Test]
    public void FailedCalls_AreReported_WriteNothing_AndTheToolExitsNonZero()
    {
        using (Assert.EnterMultipleScope())
        {
            Assert.That(_run.ExitCode, Is.EqualTo(FixtureRecorder.Failure));
            Assert.That(_run.Output, Does.Contain($"FAILED    {FailingJsonOperation}: success is not true: Invalid API key REDACTED for {SanitizerRules.Email}"));
            Assert.That(_run.Output, Does.Contain($"FAILED    {FailingHttpOperation}: HTTP 502"));
            Assert.That(_run.Files.Keys, Has.None.Contains(FailingJsonOperation));
            Assert.That(_run.Text($"Dsp/{FailingHttpOperation}.success.json"), Is.EqualTo(PreviousGoodFixture), "a good fixture was overwritten by a failure");
            Assert.That(_run.Output, Does.Contain($"Done: {RecordingPlan.Recorded.Count - 2} recorded, 2 failed,"));
        }
    }

    [Test]
    public void MutatingOperations_AreNeverCalled_AndAreListedAsSkipped()
    {
        using (Assert.EnterMultipleScope())
        {
            Assert.That(_requests.Select(r => r.Method).Distinct(), Is.EqualTo(new[] { "GET" }));
            Assert.That(_requests, Has.Count.EqualTo(RecordingPlan.Recorded.Count));
            foreach (var operationId in RecordingPlan.NotRecorded.Keys)
            {
                Assert.That(_run.Output, Does.Contain($"skipped   {operationId}: "));
            }

            Assert.That(_run.Output, Does.Contain("skipped   setKeras: POST: changes the learn block's settings; its fixtures stay authored"));
            Assert.That(_run.Output, Does.Contain("skipped   buildOnDeviceModelJob: POST: may change the project, and only GET operations are recorded"));
        }
    }

    [Test]
    public void EveryRequest_CarriesTheKeyHeader_AndTheSpecsAcceptType()
    {
        using (Assert.EnterMultipleScope())
        {
            foreach (var request in _requests)
            {
                Assert.That(request.Header("x-api-key"), Is.EqualTo(LoopbackServer.ApiKey), request.Path);
                Assert.That(request.Header("Accept"), Is.EqualTo(request.Path.EndsWith("/stdout/download", StringComparison.Ordinal) ? "text/plain" : "application/json"), request.Path);
                Assert.That(request.Body, Is.Empty, request.Path);
            }
        }
    }

    [Test]
    public void Requests_GoOutInTableOrder_WithTheSpecsPathsAndTheTablesValues()
    {
        var sent = _requests.Select(r => r.Query.Length == 0 ? r.Path : $"{r.Path}?{r.Query}").ToList();

        Assert.That(sent, Is.EqualTo(new[]
        {
            "/v1/api/52187/impulse",
            "/v1/api/52187/training/keras/4",
            "/v1/api/52187/training/keras/4/metadata",
            "/v1/api/52187/dsp/3",
            "/v1/api/52187/dsp/3/metadata",
            "/v1/api/52187/dsp/3/features/labels",
            "/v1/api/52187/dsp/3/features/importance",
            "/v1/api/52187/dsp/3/get-autotuner-results",
            "/v1/api/52187/dsp/3/performance",
            "/v1/api/52187/dsp/3/features/get-graph/training?featureAx1=0&featureAx2=6&featureAx3=12",
            "/v1/api/52187/dsp/3/raw-data/748301546?limitPayloadValues=1000",
            "/v1/api/52187/dsp/3/raw-data/748301546/slice?sliceStart=0",
            "/v1/api/52187/dsp/3/features/get-graph/classification/748301546",
            "/v1/api/52187/dsp/3/raw-data/748301546/slice/run/readonly?sliceStart=0",
            "/v1/api/52187/jobs/1847312964/status",
            "/v1/api/52187/jobs/1847312964/stdout",
            "/v1/api/52187/jobs/1847312964/stdout/download",
            "/v1/api/52187/jobs/profile-tflite/1847330187/result",
        }));
    }

    [Test]
    public void AFixtureWithoutSecrets_IsRecordedUnchanged_ButForKeyOrder()
    {
        var recorded = _run.Json("Dsp/getDspConfig.success.json");
        var authored = StableJson.Normalize(StableJson.Parse(TestPaths.ReadFixture("Dsp/getDspConfig.success.json")));

        Assert.That(JToken.DeepEquals(recorded, authored), Is.True);
    }

    [Test]
    public void UserFields_GetPlaceholders_OfTheSameJsonType_AndTheClientStillReadsThem()
    {
        var text = _run.Text("Jobs/getJobStatus.success.json");
        var job = JsonConvert.DeserializeObject<GetJobResponse>(text, ApiConnection.SerializerSettings)!.Job!;
        var raw = StableJson.Parse(text);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(raw.SelectToken("job.createdByUser.id")!.Type, Is.EqualTo(JTokenType.Integer));
            Assert.That(job.CreatedByUser!.Id, Is.EqualTo((int)SanitizerRules.UserId));
            Assert.That(job.CreatedByUser.Name, Is.EqualTo(SanitizerRules.PersonName));
            Assert.That(job.CreatedByUser.Username, Is.EqualTo(SanitizerRules.Username));
            Assert.That(job.CreatedByUser.Photo, Is.EqualTo(SanitizerRules.PhotoUrl));
            Assert.That(job.JobNotificationUids, Is.EqualTo(new[] { (int)SanitizerRules.UserId }));
            Assert.That(job.Id, Is.EqualTo(1847312964L), "the job's own id is not a user id");
            Assert.That(job.Created, Is.EqualTo(new DateTimeOffset(2026, 1, 14, 9, 40, 2, 114, TimeSpan.Zero)));
        }
    }

    [Test]
    public void NamesLearnedInOneResponse_AreScrubbedFromFreeTextInAnother()
    {
        var keras = _run.Json("Learn/getKeras.success.json").ToString();
        var sample = _run.Json("Dsp/getDspRawSample.success.json");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(keras, Does.Contain("https://github.com/example-user/ei-1d-rescnn-block"));
            Assert.That((string?)sample.SelectToken("sample.metadata.collected_by"), Is.EqualTo(SanitizerRules.Username));
            Assert.That((string?)sample.SelectToken("sample.projectOwnerName"), Is.EqualTo(SanitizerRules.PersonName));
            Assert.That((string?)sample.SelectToken("sample.signatureKey"), Is.EqualTo(SanitizerRules.Redacted));
        }
    }

    [Test]
    public void DatesAreNormalisedToUtc_AndTheTextFixtureKeepsItsLines()
    {
        var logs = _run.Json("Jobs/getJobsLogs.success.json");
        var text = _run.Text("Jobs/downloadJobsLogs.success.txt");
        var authoredText = TestPaths.ReadFixture("Jobs/downloadJobsLogs.success.txt");

        using (Assert.EnterMultipleScope())
        {
            Assert.That((string?)logs["stdout"]!.Last!["created"], Is.EqualTo("2026-01-14T09:42:53.500Z"));
            Assert.That((string?)logs["stdout"]!.Last!["data"], Is.EqualTo("Authorization: x-api-key REDACTED, jwt=REDACTED"));
            Assert.That(text, Does.StartWith(authoredText));
            Assert.That(text[authoredText.Length..], Is.EqualTo("Uploaded by example-user (user@example.com) with REDACTED\n"));
        }
    }

    private static CannedResponse LacedResponse(string operationId)
    {
        var key = LoopbackServer.ApiKey;
        switch (operationId)
        {
            case FailingJsonOperation:
                return CannedResponse.Json(new JObject { ["success"] = false, ["error"] = $"Invalid API key {key} for {Email}" }.ToString());
            case FailingHttpOperation:
                return CannedResponse.Text(TestPaths.ReadFixture("Common/error.bad-gateway.html"), "text/html", status: 502);
            case "downloadJobsLogs":
                return CannedResponse.Text(TestPaths.ReadFixture("Jobs/downloadJobsLogs.success.txt") + $"Uploaded by mlindqvist ({Email}) with {Jwt}\r\n");
        }

        var json = (JObject)StableJson.Parse(TestPaths.ReadFixture(AuthoredFixture(operationId)));
        switch (operationId)
        {
            case "getImpulse":
                // Deep in arrays, inside a longer string, under a name no rule lists.
                json["notes"] = new JArray(new JObject { ["history"] = new JArray(new JArray($"rotated {Jwt} yesterday")) });
                break;
            case "getKeras":
                json["contact"] = $"write to {Email.ToUpperInvariant()}";
                json["transferLearningModels"]![0]!["author"] = "Maya Lindqvist";
                json["transferLearningModels"]![0]!["repositoryUrl"] = "https://github.com/mlindqvist/ei-1d-rescnn-block";
                break;
            case "getDspMetadata":
                json["apiKey"] = key;
                json["owner"] = new JObject { ["id"] = 40318, ["name"] = "Maya Lindqvist", ["email"] = Email };
                json[Jwt] = "a secret as a property name";
                break;
            case "getDspRawSample":
                LaceSample((JObject)json["sample"]!);
                json["sample"]!["lastUpdatedBy"] = new JObject { ["type"] = "user", ["id"] = 40318 };
                break;
            case "getDspSampleSlice":
                LaceSample((JObject)json["sample"]!);
                break;
            case "runDspSampleSliceReadOnly":
                LaceSample((JObject)json["sample"]!["sample"]!);
                break;
            case "getJobStatus":
                json["job"]!["createdByUser"] = new JObject
                {
                    ["id"] = 40318,
                    ["name"] = "Maya Lindqvist",
                    ["username"] = "mlindqvist",
                    ["photo"] = "https://usercdn.edgeimpulse.com/photos/40318/7c1e9a4f2b.jpg",
                    ["email"] = Email,
                };
                json["job"]!["jobNotificationUids"] = new JArray(40318);
                break;
            case "getJobsLogs":
                ((JArray)json["stdout"]!).Add(new JObject
                {
                    ["created"] = "2026-01-14T10:42:53.5+01:00",
                    ["data"] = $"Authorization: x-api-key {key}, jwt={Jwt}",
                    ["logLevel"] = "debug",
                });
                break;
        }

        return CannedResponse.Json(json.ToString());
    }

    // Where the Studio puts the owner and the uploader in a sample, and the key it was signed with.
    private static void LaceSample(JObject sample)
    {
        sample["projectOwnerName"] = "Maya Lindqvist";
        sample["metadata"]!["collected_by"] = "mlindqvist";
        sample["signatureKey"] = "5d2c81f0a4b94e7c9b3f06d1e8a27c45";
    }

    private static string AuthoredFixture(string operationId) =>
        Path.GetRelativePath(TestPaths.Fixtures, Directory.GetFiles(TestPaths.Fixtures, operationId + ".success.json", SearchOption.AllDirectories).Single());
}
