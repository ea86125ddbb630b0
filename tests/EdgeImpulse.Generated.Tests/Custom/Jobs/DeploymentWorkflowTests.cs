using System;
using System.Collections.Generic;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using EdgeImpulse.Generated.Simulator;
using EdgeImpulse.Generated.Tests.Infrastructure;
using EdgeImpulse.Generated.Tests.Simulator;
using Newtonsoft.Json.Linq;
using NUnit.Framework;

namespace EdgeImpulse.Generated.Tests.Custom.Jobs;

/// <summary>
/// <see cref="EdgeImpulseClient.BuildAndDownloadDeploymentAsync"/> and its stream variant: the exact requests (loopback),
/// then the whole path against the simulator — success with a package that says what it was built from, a failing
/// build, a refused build, cancellation.
/// </summary>
[TestFixture]
public sealed class DeploymentWorkflowTests
{
    private const int ProjectId = 52187;
    private const long StudioFirstJobId = (1L << 31) + 1; // the simulator's first job id (StudioState.FirstJobId)
    private const string PackageFixture = "Deployment/downloadHistoricDeployment.success.zip";

    private static BuildOnDeviceModelRequest CppEon => new() { Engine = DeploymentTargetEngine.TfliteEon, ModelType = KerasModelVariant.Int8 };

    [Test]
    public async Task BuildAndDownload_StartsTheBuild_WaitsForItsJob_AndDownloadsThePackageByItsVersion()
    {
        var zip = File.ReadAllBytes(TestPaths.Fixture(PackageFixture));
        await using var server = LoopbackServer.Start();
        server.Enqueue(CannedResponse.Fixture("Jobs/buildOnDeviceModelJob.success.json"))
            .Enqueue(CannedResponse.Fixture("Jobs/getJobStatus.build-deployment.json"))
            .Enqueue(new CannedResponse(200, zip, "application/zip", new Dictionary<string, string> { ["Content-Disposition"] = "attachment; filename=\"ei-continuous-motion-recognition-zip-v3.zip\"" }));
        using var client = server.CreateClient();

        using var download = await client.BuildAndDownloadDeploymentAsync(ProjectId, "zip", CppEon, JobWaitTests.Fast(), CancellationToken.None);
        var bytes = await ReadAllAsync(download.File);

        var requests = server.Requests;
        using (Assert.EnterMultipleScope())
        {
            Assert.That(requests.Select(r => (r.Method, r.Path, r.Query)), Is.EqualTo(new[]
            {
                ("POST", "/v1/api/52187/jobs/build-ondevice-model", "type=zip"),
                ("GET", "/v1/api/52187/jobs/1847341178/status", string.Empty),
                ("GET", "/v1/api/52187/deployment/history/3/download", string.Empty),
            }));
            WireAssert.AssertJsonBody(requests[0], "Jobs/buildOnDeviceModelJob.request.json");
            Assert.That(download.Job.Id, Is.EqualTo(1847341178L));
            Assert.That(download.Job.FinishedSuccessful, Is.True);
            Assert.That(download.DeploymentVersion, Is.EqualTo(3));
            Assert.That(download.FileName, Is.EqualTo("ei-continuous-motion-recognition-zip-v3.zip"));
            Assert.That(bytes, Is.EqualTo(zip));
        }
    }

    [Test]
    public async Task BuildAndDownload_WithoutAFileNameFromTheStudio_NamesThePackageAfterTypeAndVersion()
    {
        await using var server = LoopbackServer.Start();
        server.Enqueue(CannedResponse.Fixture("Jobs/buildOnDeviceModelJob.success.json"))
            .Enqueue(CannedResponse.Fixture("Jobs/getJobStatus.build-deployment.json"))
            .Enqueue(CannedResponse.Binary(File.ReadAllBytes(TestPaths.Fixture(PackageFixture)), "application/zip"));
        using var client = server.CreateClient();

        using var download = await client.BuildAndDownloadDeploymentAsync(ProjectId, "zip", CppEon, JobWaitTests.Fast());

        Assert.That(download.FileName, Is.EqualTo("zip-v3.zip"));
    }

    [Test]
    public async Task BuildAndDownload_WhenTheStartNamesNoDeploymentVersion_FailsBeforeWaiting()
    {
        await using var server = LoopbackServer.Start();
        server.Enqueue(CannedResponse.Json("""{"success": true, "id": 1847341178}"""));
        using var client = server.CreateClient();

        var ex = await AssertThrows<EdgeImpulseApiException>(() => client.BuildAndDownloadDeploymentAsync(ProjectId, "zip", CppEon, JobWaitTests.Fast()));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(ex.OperationId, Is.EqualTo("buildOnDeviceModelJob"));
            Assert.That(ex.Message, Does.Contain("no deploymentVersion"));
            Assert.That(server.Requests, Has.Count.EqualTo(1), "nothing polled for a build it could not download");
        }
    }

    [Test]
    public async Task BuildAndDownload_WhenTheDownloadFailsAfterTheBuild_KeepsTheFinishedJob()
    {
        await using var server = LoopbackServer.Start();
        server.Enqueue(CannedResponse.Fixture("Jobs/buildOnDeviceModelJob.success.json"))
            .Enqueue(CannedResponse.Fixture("Jobs/getJobStatus.build-deployment.json"))
            .Enqueue(CannedResponse.Json("""{"success": false, "error": "No deployment found with version 3"}""", 404));
        using var client = server.CreateClient();

        var ex = await AssertThrows<EdgeImpulseApiException>(() => client.BuildAndDownloadDeploymentAsync(ProjectId, "zip", CppEon, JobWaitTests.Fast()));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(ex.Status, Is.EqualTo(404));
            Assert.That(ex.Message, Does.Contain("Job 1847341178 finished successfully, but reading its result failed").And.Contain("No deployment found with version 3"));
            Assert.That(ex.CompletedJob?.Id, Is.EqualTo(1847341178L), "the caller downloads again instead of building again");
        }
    }

    public static readonly TestCaseData[] InvalidInput =
    [
        new TestCaseData(string.Empty, CppEon, "type").SetArgDisplayNames("empty type"),
        new TestCaseData("zip", null, "request").SetArgDisplayNames("no request"),
    ];

    [TestCaseSource(nameof(InvalidInput))]
    public async Task BuildAndDownload_RefusesInvalidInput_BeforeSending(string type, BuildOnDeviceModelRequest? request, string parameter)
    {
        await using var server = LoopbackServer.Start();
        using var client = server.CreateClient();

        var ex = await Assert.CatchAsync<ArgumentException>(() => client.BuildAndDownloadDeploymentAsync(ProjectId, type, request!));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(ex!.ParamName, Is.EqualTo(parameter));
            Assert.That(server.Requests, Is.Empty);
        }
    }

    [Test]
    public async Task BuildAndDownloadToStream_AgainstTheSimulator_WritesAZipOfThisProjectAndTarget_ReportingProgress()
    {
        await using var sim = await SimulatorTestKit.StartAsync(o => o.StartTrained = true);
        using var client = SimulatorTestKit.CreateClient(sim);
        var progress = new RecordingProgress();
        using var destination = new MemoryStream();

        var built = await client.BuildAndDownloadDeploymentToStreamAsync(sim.ProjectId, "zip", CppEon, destination, JobWaitTests.Fast(progress), CancellationToken.None);

        using var zip = new ZipArchive(new MemoryStream(destination.ToArray()), ZipArchiveMode.Read);
        using var manifestReader = new StreamReader(zip.GetEntry("deployment.json")!.Open());
        var manifest = JObject.Parse(await manifestReader.ReadToEndAsync());
        using (Assert.EnterMultipleScope())
        {
            Assert.That(built.Job.FinishedSuccessful, Is.True);
            Assert.That(built.DeploymentVersion, Is.EqualTo(1));
            Assert.That(built.FileName, Is.EqualTo("ei-continuous-motion-recognition-zip-v1.zip"));
            Assert.That(built.Length, Is.EqualTo(destination.Length));
            Assert.That((long?)manifest.SelectToken("project.id"), Is.EqualTo(sim.ProjectId));
            Assert.That((string?)manifest.SelectToken("target.format"), Is.EqualTo("zip"));
            Assert.That((string?)manifest["engine"], Is.EqualTo("tflite-eon"));
            Assert.That((string?)manifest["modelType"], Is.EqualTo("int8"));
            Assert.That(zip.Entries.Select(e => e.FullName), Does.Contain("model-parameters/model_metadata.h"));
            Assert.That(progress.Reports.Select(r => r.State).Last(), Is.EqualTo(JobProgressState.Finished));
        }
    }

    [Test]
    public async Task BuildAndDownload_OfAnUntrainedModel_FailsWithTheBuildsOwnReason()
    {
        await using var sim = await SimulatorTestKit.StartAsync();
        using var client = SimulatorTestKit.CreateClient(sim);

        var ex = await AssertThrows<EdgeImpulseJobFailedException>(() => client.BuildAndDownloadDeploymentAsync(sim.ProjectId, "zip", CppEon, JobWaitTests.Fast()));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(ex.Message, Does.Contain("has not been trained yet"));
            Assert.That(ex.LastLogLines.Select(l => l.Data), Has.Some.Contains("ERR: The model of learn block \"Classifier\" (ID 4) has not been trained yet"));
            Assert.That(sim.Requests.Select(r => r.OperationId), Has.None.EqualTo("downloadHistoricDeployment"), "nothing to download from a failed build");
        }
    }

    [Test]
    public async Task BuildAndDownload_WhenTheBuildJobFails_IsAJobFailedException_QuotingItsLastLine()
    {
        await using var sim = await SimulatorTestKit.StartAsync(o => o.StartTrained = true);
        using var client = SimulatorTestKit.CreateClient(sim);
        sim.Faults.Add(new Fault { Kind = FaultKind.JobFails, OperationId = "buildOnDeviceModelJob", JobFailureMessage = "ERR: compiler out of memory" });

        var ex = await AssertThrows<EdgeImpulseJobFailedException>(() => client.BuildAndDownloadDeploymentAsync(sim.ProjectId, "zip", CppEon, JobWaitTests.Fast()));

        Assert.That(ex.Message, Does.EndWith(": ERR: compiler out of memory"));
    }

    [Test]
    public async Task BuildAndDownload_OfAnEngineTheTargetLacks_IsTheStudiosRefusal_NamingTheOperation()
    {
        await using var sim = await SimulatorTestKit.StartAsync(o => o.StartTrained = true);
        using var client = SimulatorTestKit.CreateClient(sim);

        var ex = await AssertThrows<EdgeImpulseApiException>(() => client.BuildAndDownloadDeploymentAsync(sim.ProjectId, "zip", new BuildOnDeviceModelRequest { Engine = DeploymentTargetEngine.Tensorrt }, JobWaitTests.Fast()));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(ex.OperationId, Is.EqualTo("buildOnDeviceModelJob"));
            Assert.That(ex.ErrorText, Does.Contain("does not support engine \"tensorrt\""));
        }
    }

    [Test]
    public async Task BuildAndDownload_CancelledDuringTheWait_IsCancelled_AndCancelsTheBuildWhenAsked()
    {
        await using var sim = await SimulatorTestKit.StartAsync(o =>
        {
            o.StartTrained = true;
            o.Jobs = new JobTimings { StartDelay = TimeSpan.FromMilliseconds(20), BuildDeployment = TimeSpan.FromMinutes(5) };
        });
        using var client = SimulatorTestKit.CreateClient(sim);
        using var cts = new CancellationTokenSource();
        var wait = JobWaitTests.Fast(new RecordingProgress(p => { if (p.State == JobProgressState.Started) { cts.Cancel(); } }));
        wait.CancelJobOnAbort = true;

        await Assert.CatchAsync<OperationCanceledException>(() => client.BuildAndDownloadDeploymentAsync(sim.ProjectId, "zip", CppEon, wait, cts.Token));
        var operations = sim.Requests.Select(r => r.OperationId).ToList();
        var build = await client.Jobs.GetJobStatusAsync(sim.ProjectId, StudioFirstJobId);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(operations, Does.Contain("cancelJob"));
            Assert.That(build.Job!.FinishedSuccessful, Is.False, "cancelled on the server too");
        }
    }

    private static async Task<T> AssertThrows<T>(Func<Task> call)
        where T : Exception
    {
        var ex = await Assert.ThrowsAsync<T>(async () => await call());
        return ex!;
    }

    private static async Task<byte[]> ReadAllAsync(FileResponse file)
    {
        using var copy = new MemoryStream();
        await file.Stream.CopyToAsync(copy);
        return copy.ToArray();
    }
}
