using System;
using System.Collections.Generic;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using EdgeImpulse.Generated.Tests.Infrastructure;
using NUnit.Framework;
using static EdgeImpulse.Generated.Tests.Infrastructure.WireAssert;

namespace EdgeImpulse.Generated.Tests.Clients;

/// <summary>Wire-level tests of <see cref="DeploymentClient"/>: the targets, the deployment state and the package download.</summary>
[TestFixture]
public sealed class DeploymentClientTests
{
    private const int ProjectId = 52187;
    private const string Targets = "Deployment/listDeploymentTargetsForProject.success.json";
    private const string Package = "Deployment/downloadHistoricDeployment.success.zip";

    [Test]
    public async Task ListDeploymentTargetsForProject_SendsGetToTheProjectsTargets_WithTheImpulseWhenGiven()
    {
        var (_, plain) = await SendAsync(Targets, c => c.Deployment.ListDeploymentTargetsForProjectAsync(ProjectId, cancellationToken: CancellationToken.None));
        var (_, forImpulse) = await SendAsync(Targets, c => c.Deployment.ListDeploymentTargetsForProjectAsync(ProjectId, 1));

        AssertRequest(plain, "GET", "/v1/api/52187/deployment/targets", string.Empty);
        AssertRequest(forImpulse, "GET", "/v1/api/52187/deployment/targets", "impulseId=1");
    }

    [Test]
    public async Task ListDeploymentTargetsForProject_ReadsEachTargetsFormatEnginesVariantsAndProjectVerdict()
    {
        var (response, _) = await SendAsync(Targets, c => c.Deployment.ListDeploymentTargetsForProjectAsync(ProjectId));

        var cpp = response.Targets.Single(t => t.Format == "zip");
        var akida = response.Targets.Single(t => t.Format == "brainchip-akd1000");
        var disco = response.Targets.Single(t => t.Format == "disco-l475vg");
        using (Assert.EnterMultipleScope())
        {
            Assert.That(response.Success, Is.True);
            Assert.That(response.Targets.Select(t => t.Format), Is.EqualTo(new[] { "zip", "arduino", "wasm", "disco-l475vg", "brainchip-akd1000" }));
            Assert.That(cpp.Name, Is.EqualTo("C++ library"));
            Assert.That(cpp.SupportedEngines, Is.EqualTo(new[] { DeploymentTargetEngine.TfliteEon, DeploymentTargetEngine.TfliteEonRamOptimized, DeploymentTargetEngine.Tflite }));
            Assert.That(cpp.PreferredEngine, Is.EqualTo(DeploymentTargetEngine.TfliteEon));
            Assert.That(cpp.HasEonCompiler, Is.True);
            Assert.That(cpp.UiSection, Is.EqualTo(DeploymentTargetUiSection.Library));
            Assert.That(cpp.ModelVariants.Where(v => v.Supported == true).Select(v => v.Variant), Is.EqualTo(new[] { KerasModelVariant.Int8, KerasModelVariant.Float32 }));
            Assert.That(cpp.ModelVariants.Single(v => v.Variant == KerasModelVariant.Akida).Hint, Is.EqualTo("Requires a BrainChip Akida learn block"));
            Assert.That(cpp.DisabledForProject, Is.False);
            Assert.That(disco.RecommendedForProject, Is.True, "the project's data came from this board");
            Assert.That(disco.FirmwareRepoUrl, Is.EqualTo("https://github.com/edgeimpulse/firmware-st-b-l475e-iot01a"));
            Assert.That(akida.DisabledForProject, Is.True);
            Assert.That(akida.ReasonTargetDisabled, Is.EqualTo("This target needs a BrainChip Akida learn block in the impulse."));
            Assert.That(akida.SupportedEngines, Is.EqualTo(new[] { DeploymentTargetEngine.Akida }));
        }
    }

    [Test]
    public async Task GetDeployment_SendsTheTypeEngineAndModelTypeQuery_AndReadsTheVersion()
    {
        var (response, request) = await SendAsync("Deployment/getDeployment.success.json", c => c.Deployment.GetDeploymentAsync(ProjectId, "zip", KerasModelType.Int8, DeploymentTargetEngine.TfliteEon));

        AssertRequest(request, "GET", "/v1/api/52187/deployment", "type=zip&modelType=int8&engine=tflite-eon");
        using (Assert.EnterMultipleScope())
        {
            Assert.That(response.HasDeployment, Is.True);
            Assert.That(response.Version, Is.EqualTo(3));
        }
    }

    [Test]
    public async Task ListDeploymentHistory_SendsThePaging_AndReadsEachBuild()
    {
        var (response, request) = await SendAsync("Deployment/listDeploymentHistory.success.json", c => c.Deployment.ListDeploymentHistoryAsync(ProjectId, limit: 10, offset: 0));

        var build = response.Deployments.Single();
        AssertRequest(request, "GET", "/v1/api/52187/deployment/history", "limit=10&offset=0");
        using (Assert.EnterMultipleScope())
        {
            Assert.That(response.TotalDeploymentCount, Is.EqualTo(1));
            Assert.That(build.DeploymentVersion, Is.EqualTo(3));
            Assert.That(build.DeploymentFormat, Is.EqualTo("zip"));
            Assert.That(build.DeploymentTarget!.Name, Is.EqualTo("C++ library"));
            Assert.That(build.Engine, Is.EqualTo(DeploymentTargetEngine.TfliteEon));
            Assert.That(build.ModelType, Is.EqualTo(KerasModelType.Int8));
            Assert.That(build.ImpulseHasChangedSinceDeployment, Is.False);
            Assert.That(build.DownloadUrl, Is.EqualTo("/v1/api/52187/deployment/history/3/download"));
            Assert.That(build.Created, Is.EqualTo(new DateTimeOffset(2026, 1, 14, 10, 5, 59, 551, TimeSpan.Zero)));
        }
    }

    [Test]
    public async Task DownloadHistoricDeployment_AsksForAZipByVersion_AndStreamsThePackageUnchanged()
    {
        var zip = File.ReadAllBytes(TestPaths.Fixture(Package));
        var response = new CannedResponse(200, zip, "application/zip", new Dictionary<string, string> { ["Content-Disposition"] = "attachment; filename=\"ei-continuous-motion-recognition-zip-v3.zip\"" });

        await using var server = LoopbackServer.Start();
        server.Enqueue(response);
        using var client = server.CreateClient();
        using var file = await client.Deployment.DownloadHistoricDeploymentAsync(ProjectId, 3);
        using var copy = new MemoryStream();
        await file.Stream.CopyToAsync(copy);
        using var archive = new ZipArchive(new MemoryStream(copy.ToArray()), ZipArchiveMode.Read);

        // The Accept of binary downloads is the spec's media type: the per-operation media type tests check it for every download.
        AssertRequest(server.SingleRequest, "GET", "/v1/api/52187/deployment/history/3/download", string.Empty, accept: null);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(file.ContentType, Is.EqualTo("application/zip"));
            Assert.That(file.ContentLength, Is.EqualTo(zip.Length));
            Assert.That(file.FileName, Is.EqualTo("ei-continuous-motion-recognition-zip-v3.zip"));
            Assert.That(copy.ToArray(), Is.EqualTo(zip), "a binary body is passed through byte for byte");
            Assert.That(archive.Entries.Select(e => e.FullName), Does.Contain("model-parameters/model_metadata.h").And.Contain("deployment.json"));
        }
    }

    [Test]
    public async Task DownloadBuild_SendsTheDeprecatedDownloadsQuery()
    {
        var zip = File.ReadAllBytes(TestPaths.Fixture(Package));

#pragma warning disable CS0618 // downloadBuild is deprecated upstream (use downloadHistoricDeployment); still on the wire, so still tested
        var (file, request) = await SendAsync(CannedResponse.Binary(zip, "application/zip"), c => c.Deployment.DownloadBuildAsync(ProjectId, "zip", KerasModelType.Float32, DeploymentTargetEngine.Tflite, 1));
#pragma warning restore CS0618
        file.Dispose();

        AssertRequest(request, "GET", "/v1/api/52187/deployment/download", "type=zip&modelType=float32&engine=tflite&impulseId=1", accept: null);
    }
}
