using System.Linq;
using System.Threading.Tasks;
using EdgeImpulse.Generated.Tests.Infrastructure;
using NUnit.Framework;
using static EdgeImpulse.Generated.Tests.Simulator.SimulatorTestKit;

namespace EdgeImpulse.Generated.Tests.Simulator;

/// <summary>What the simulator remembers: settings written are read back, features and training follow the jobs.</summary>
[TestFixture]
public sealed class SimulatorStateTests
{
    [Test]
    public async Task SetKeras_IsAPartialUpdate_ThatGetKerasReflects()
    {
        await using var sim = await StartAsync();
        using var client = CreateClient(sim);
        var before = await client.Learn.GetKerasAsync(sim.ProjectId, sim.LearnId);

        await client.Learn.SetKerasAsync(sim.ProjectId, sim.LearnId, new SetKerasParameterRequest { TrainingCycles = before.TrainingCycles + 17, LearningRate = 0.0042, BatchSize = 64 });
        var after = await client.Learn.GetKerasAsync(sim.ProjectId, sim.LearnId);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(after.TrainingCycles, Is.EqualTo(before.TrainingCycles + 17));
            Assert.That(after.LearningRate, Is.EqualTo(0.0042));
            Assert.That(after.BatchSize, Is.EqualTo(64), "getKeras declares batchSize an integer; the request sends a number");
            Assert.That(after.VisualLayers.Select(l => l.Type), Is.EqualTo(before.VisualLayers.Select(l => l.Type)), "fields the request left out keep their values");
            Assert.That(after.Script, Is.EqualTo(before.Script));
        }
    }

    [Test]
    public async Task SetDspConfig_MergesValues_ThatGetDspConfigAndMetadataReflect()
    {
        await using var sim = await StartAsync();
        using var client = CreateClient(sim);
        var before = await client.Dsp.GetDspConfigAsync(sim.ProjectId, sim.DspId);
        var items = before.Config!.SelectMany(g => g.Items).ToArray();

        await client.Dsp.SetDspConfigAsync(sim.ProjectId, sim.DspId, new DspConfigRequest { Config = { ["fft-length"] = "64", ["filter-type"] = "high" } });
        var after = (await client.Dsp.GetDspConfigAsync(sim.ProjectId, sim.DspId)).Config!.SelectMany(g => g.Items).ToDictionary(i => i.Param!);
        var metadata = await client.Dsp.GetDspMetadataAsync(sim.ProjectId, sim.DspId);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(items.Single(i => i.Param == "fft-length").Value, Is.Not.EqualTo("64"));
            Assert.That(after["fft-length"].Value, Is.EqualTo("64"));
            Assert.That(after["filter-type"].Value, Is.EqualTo("high"));
            Assert.That(after["filter-type"].SelectOptions!.Where(o => o.Selected == true).Select(o => o.Value), Is.EqualTo(new[] { "high" }));
            Assert.That(after["scale-axes"].Value, Is.EqualTo(items.Single(i => i.Param == "scale-axes").Value), "parameters not sent keep their values");
            Assert.That(metadata.DspConfig["fft-length"], Is.EqualTo("64"));
        }
    }

    [Test]
    public async Task GeneratingFeatures_MarksThemGenerated_AndClearingOrChangingParametersUndoesIt()
    {
        await using var sim = await StartAsync();
        using var client = CreateClient(sim);

        var fresh = await client.Dsp.GetDspConfigAsync(sim.ProjectId, sim.DspId);
        await GenerateFeaturesAsync(client, sim, featureImportance: true);
        var generated = await client.Dsp.GetDspConfigAsync(sim.ProjectId, sim.DspId);
        var importance = await client.Dsp.GetDspFeatureImportanceAsync(sim.ProjectId, sim.DspId);
        await client.Dsp.ClearDspBlockAsync(sim.ProjectId, sim.DspId);
        var cleared = await client.Dsp.GetDspConfigAsync(sim.ProjectId, sim.DspId);
        await GenerateFeaturesAsync(client, sim);
        await client.Dsp.SetDspConfigAsync(sim.ProjectId, sim.DspId, new DspConfigRequest { Config = { ["fft-length"] = "128" } });
        var stale = await client.Dsp.GetDspMetadataAsync(sim.ProjectId, sim.DspId);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(fresh.Dsp!.Features!.Generated, Is.False);
            Assert.That(generated.Dsp!.Features!.Generated, Is.True);
            Assert.That(importance.HasFeatureImportance, Is.True);
            Assert.That(importance.Labels.Keys, Is.EquivalentTo(new[] { "idle", "snake", "updown", "wave" }));
            Assert.That(cleared.Dsp!.Features!.Generated, Is.False);
            Assert.That(stale.Generated, Is.False, "new parameters make the features stale");
        }
    }

    [Test]
    public async Task Training_MarksTheBlockTrained_AndMetadataReportsTheLoggedAccuracy()
    {
        await using var sim = await StartAsync();
        using var client = CreateClient(sim);
        await GenerateFeaturesAsync(client, sim);
        var untrained = await client.Learn.GetKerasMetadataAsync(sim.ProjectId, sim.LearnId);

        var job = await client.Jobs.TrainKerasJobAsync(sim.ProjectId, sim.LearnId, new SetKerasParameterRequest { TrainingCycles = 12 });
        await WaitForJobAsync(client, sim, job.Id);
        var log = await client.Jobs.DownloadJobsLogsAsync(sim.ProjectId, job.Id!.Value);
        var keras = await client.Learn.GetKerasAsync(sim.ProjectId, sim.LearnId);
        var trained = await client.Learn.GetKerasMetadataAsync(sim.ProjectId, sim.LearnId);
        var float32 = trained.ModelValidationMetrics.Single(m => m.Type == KerasModelType.Float32);
        var int8 = trained.ModelValidationMetrics.Single(m => m.Type == KerasModelType.Int8);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(untrained.HasTrainedModel, Is.False);
            Assert.That(untrained.ModelValidationMetrics, Is.Empty);
            Assert.That(keras.Trained, Is.True);
            Assert.That(trained.HasTrainedModel, Is.True);
            Assert.That(log, Does.Contain("Epoch 12/12"));
            Assert.That(float32.Accuracy, Is.EqualTo(LastValidationAccuracy(log)).Within(0.00005));
            Assert.That(int8.Accuracy, Is.LessThan(float32.Accuracy!.Value));
        }
    }

    [Test]
    public async Task StartTrained_ServesTheProjectAsRecorded()
    {
        await using var sim = await StartAsync(o => o.StartTrained = true);
        using var client = CreateClient(sim);

        var keras = await client.Learn.GetKerasAsync(sim.ProjectId, sim.LearnId);
        var metadata = await client.Learn.GetKerasMetadataAsync(sim.ProjectId, sim.LearnId);
        var recordedMetadata = FixtureJson.Read<KerasModelMetadataResponse>("Learn/getKerasMetadata.success.json");
        var job = await client.Jobs.GetJobStatusAsync(sim.ProjectId, 1847312964);
        var logs = await client.Jobs.GetJobsLogsAsync(sim.ProjectId, 1847312964);
        var recordedLogs = FixtureJson.Read<LogStdoutResponse>("Jobs/getJobsLogs.success.json");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(keras.Trained, Is.True);
            Assert.That(metadata.ModelValidationMetrics.Select(m => m.Accuracy), Is.EqualTo(recordedMetadata.ModelValidationMetrics.Select(m => m.Accuracy)));
            Assert.That(job.Job!.FinishedSuccessful, Is.True);
            Assert.That(logs.Stdout.Select(l => l.Data), Is.EqualTo(recordedLogs.Stdout.Select(l => l.Data)));
            Assert.That(logs.TotalCount, Is.EqualTo(recordedLogs.TotalCount));
        }
    }

    [Test]
    public async Task RunDspSampleSlice_WithStore_KeepsTheParameters()
    {
        await using var sim = await StartAsync();
        using var client = CreateClient(sim);
        var body = FixtureJson.Read<DspRunRequestWithoutFeatures>("Dsp/runDspSampleSlice.request.json");
        body.Params["fft-length"] = "256";

        await client.Dsp.RunDspSampleSliceAsync(sim.ProjectId, sim.DspId, RecordedSampleId, 0, body);
        var unchanged = await client.Dsp.GetDspMetadataAsync(sim.ProjectId, sim.DspId);
        body.Store = true;
        await client.Dsp.RunDspSampleSliceAsync(sim.ProjectId, sim.DspId, RecordedSampleId, 0, body);
        var stored = await client.Dsp.GetDspMetadataAsync(sim.ProjectId, sim.DspId);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(unchanged.DspConfig["fft-length"], Is.Not.EqualTo("256"));
            Assert.That(stored.DspConfig["fft-length"], Is.EqualTo("256"));
        }
    }
}
