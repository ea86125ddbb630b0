using System.IO;
using System.Threading.Tasks;
using EdgeImpulse.Generated.Tests.Infrastructure;
using NUnit.Framework;

namespace EdgeImpulse.Generated.Tests.Repository;

/// <summary>The README's usage example, run against the loopback server; keep the two in step.</summary>
[TestFixture]
public sealed class ReadmeUsageTests
{
    [Test]
    public async Task ReadmeUsageExample_RunsAsWritten()
    {
        await using var server = LoopbackServer.Start();
        server.Enqueue(CannedResponse.Fixture("Impulse/getImpulse.success.json"))
            .Enqueue(CannedResponse.Fixture("Dsp/getDspConfig.success.json"))
            .Enqueue(CannedResponse.Fixture("Dsp/setDspConfig.success.json"))
            .Enqueue(CannedResponse.Fixture("Jobs/generateFeaturesJob.success.json"))
            .Enqueue(CannedResponse.Fixture("Jobs/getJobStatus.success.json"))
            .Enqueue(CannedResponse.Binary([0x93, (byte)'N', (byte)'U', (byte)'M', (byte)'P', (byte)'Y']));
        using var client = server.CreateClient();
        const int projectId = 52187;

        // --- as in README.md "Usage" ---
        var impulse = (await client.Impulse.GetImpulseAsync(projectId)).Impulse;
        var dspId = impulse!.DspBlocks[0].Id;
        var dsp = await client.Dsp.GetDspConfigAsync(projectId, dspId);
        await client.Dsp.SetDspConfigAsync(projectId, dspId, new DSPConfigRequest { Config = { ["fft-length"] = "32" } });
        var job = await client.Jobs.GenerateFeaturesJobAsync(projectId, new GenerateFeaturesRequest { DspId = dspId });
        var status = await client.Jobs.GetJobStatusAsync(projectId, job.Id);
        using var features = await client.Dsp.DownloadDspDataAsync(projectId, dspId, RawDataCategory.Training);
        // ---

        var readme = File.ReadAllText(Path.Combine(TestPaths.RepoRoot, "README.md"));
        Assert.That(readme, Does.Contain("var dspId = impulse!.DspBlocks[0].Id;").And.Contain("RawDataCategory.Training"));
        Assert.That(server.Requests[2].Body, Is.EqualTo("""{"config":{"fft-length":"32"}}"""));
        Assert.That(server.Requests[5].Path, Is.EqualTo($"/v1/api/52187/dsp-data/{dspId}/x/training"));
        Assert.That(dsp.Dsp, Is.Not.Null);
        Assert.That(server.Requests[4].Path, Is.EqualTo($"/v1/api/52187/jobs/{job.Id}/status"));
        Assert.That(status.Job.FinishedSuccessful, Is.True);
    }
}
