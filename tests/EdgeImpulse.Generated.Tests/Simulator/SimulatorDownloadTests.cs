using System.Linq;
using System.Threading.Tasks;
using NUnit.Framework;
using static EdgeImpulse.Generated.Tests.Simulator.SimulatorTestKit;

namespace EdgeImpulse.Generated.Tests.Simulator;

/// <summary>downloadDspData and downloadDspLabels stream real NumPy files, shaped like the DSP block's metadata says.</summary>
[TestFixture]
public sealed class SimulatorDownloadTests
{
    [Test]
    public async Task DownloadDspData_IsAFloat32WindowsByFeaturesNpy()
    {
        await using var sim = await StartAsync();
        using var client = CreateClient(sim);
        await GenerateFeaturesAsync(client, sim);
        var metadata = await client.Dsp.GetDspMetadataAsync(sim.ProjectId, sim.DspId);

        using var file = await client.Dsp.DownloadDspDataAsync(sim.ProjectId, sim.DspId, RawDataCategory.Training);
        var bytes = await ReadAllAsync(file);
        var npy = NpyFile.Parse(bytes);
        var values = Enumerable.Range(0, 100).Select(i => npy.Float32(i)).ToArray();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(file.ContentType, Is.EqualTo("application/octet-stream"));
            Assert.That(file.ContentLength, Is.EqualTo(bytes.Length));
            Assert.That(npy.Descr, Is.EqualTo("<f4"));
            Assert.That(npy.FortranOrder, Is.False);
            Assert.That(npy.Shape, Is.EqualTo(new long[] { metadata.WindowCount!.Value, metadata.FeatureCount!.Value }));
            Assert.That(npy.DataOffset % 64, Is.Zero, "the data starts 64-byte aligned, as NumPy writes it");
            Assert.That(bytes.Length - npy.DataOffset, Is.EqualTo(npy.Count * 4));
            Assert.That(values, Has.All.Matches<float>(float.IsFinite));
            Assert.That(values.Distinct().Count(), Is.GreaterThan(50), "features vary");
        }
    }

    [Test]
    public async Task DownloadDspData_Validation_IsAccepted_AndTheProjectsEmptyValidationSet()
    {
        // 'validation' is a RawDataCategory since the Node bindings 1.95.13 (a correction); the project has no such samples.
        await using var sim = await StartAsync();
        using var client = CreateClient(sim);
        await GenerateFeaturesAsync(client, sim);
        var metadata = await client.Dsp.GetDspMetadataAsync(sim.ProjectId, sim.DspId);

        using var file = await client.Dsp.DownloadDspDataAsync(sim.ProjectId, sim.DspId, RawDataCategory.Validation);
        var npy = NpyFile.Parse(await ReadAllAsync(file));

        Assert.That(npy.Shape, Is.EqualTo(new long[] { 0, metadata.FeatureCount!.Value }));
    }

    [Test]
    public async Task DownloadDspData_Raw_HasOneColumnPerRawValueOfAWindow()
    {
        await using var sim = await StartAsync();
        using var client = CreateClient(sim);
        await GenerateFeaturesAsync(client, sim);
        var metadata = await client.Dsp.GetDspMetadataAsync(sim.ProjectId, sim.DspId);
        var impulse = (await client.Impulse.GetImpulseAsync(sim.ProjectId)).Impulse!;
        var input = impulse.InputBlocks.Single();

        using var file = await client.Dsp.DownloadDspDataAsync(sim.ProjectId, sim.DspId, RawDataCategory.Training, raw: true);
        var npy = NpyFile.Parse(await ReadAllAsync(file));

        var valuesPerWindow = (long)System.Math.Round(input.WindowSizeMs!.Value * input.FrequencyHz!.Value / 1000) * input.Axes!.Count;
        Assert.That(npy.Shape, Is.EqualTo(new long[] { metadata.WindowCount!.Value, valuesPerWindow }));
    }

    [Test]
    public async Task DownloadDspLabels_HasOneRowPerWindow_With1BasedLabelAndSampleId()
    {
        await using var sim = await StartAsync();
        using var client = CreateClient(sim);
        await GenerateFeaturesAsync(client, sim);
        var metadata = await client.Dsp.GetDspMetadataAsync(sim.ProjectId, sim.DspId);

        using var file = await client.Dsp.DownloadDspLabelsAsync(sim.ProjectId, sim.DspId, RawDataCategory.Training);
        var npy = NpyFile.Parse(await ReadAllAsync(file));
        var rows = Enumerable.Range(0, (int)npy.Shape[0]).Select(r => (Label: npy.Int32(r * 4), Sample: (long)npy.Int32((r * 4) + 1), Start: npy.Int32((r * 4) + 2), End: npy.Int32((r * 4) + 3))).ToArray();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(npy.Descr, Is.EqualTo("<i4"));
            Assert.That(npy.Shape, Is.EqualTo(new long[] { metadata.WindowCount!.Value, 4 }));
            Assert.That(rows.Select(r => r.Label).Distinct().Order(), Is.EqualTo(Enumerable.Range(1, metadata.Labels.Count)));
            Assert.That(rows.Select(r => r.Sample).Distinct(), Is.EquivalentTo(metadata.IncludedSamples.Select(s => s.Id)), "rows follow the samples metadata lists, in its order");
            Assert.That(rows.Select(r => r.End - r.Start).Distinct(), Is.EqualTo(new[] { metadata.WindowSizeMs }));
        }
    }

    [Test]
    public async Task DownloadDspData_Testing_DiffersFromTraining()
    {
        await using var sim = await StartAsync(o => o.StartTrained = true);
        using var client = CreateClient(sim);

        using var training = await client.Dsp.DownloadDspDataAsync(sim.ProjectId, sim.DspId, RawDataCategory.Training);
        using var testing = await client.Dsp.DownloadDspDataAsync(sim.ProjectId, sim.DspId, RawDataCategory.Testing);
        var trainingRows = NpyFile.Parse(await ReadAllAsync(training)).Shape[0];
        var testingRows = NpyFile.Parse(await ReadAllAsync(testing)).Shape[0];

        using (Assert.EnterMultipleScope())
        {
            Assert.That(testingRows, Is.GreaterThan(0));
            Assert.That(testingRows, Is.LessThan(trainingRows));
        }
    }
}
