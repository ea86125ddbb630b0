using System;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using EdgeImpulse.Generated.Simulator;
using EdgeImpulse.Generated.Tests.Infrastructure;
using Newtonsoft.Json.Linq;
using NUnit.Framework;
using static EdgeImpulse.Generated.Tests.Simulator.SimulatorTestKit;

namespace EdgeImpulse.Generated.Tests.Simulator;

/// <summary>The simulator answers from the recordings, and other recordings can replace them.</summary>
[TestFixture]
public sealed class SimulatorFixtureTests
{
    [Test]
    public async Task Answers_StartFromTheRecordings()
    {
        await using var sim = await StartAsync();
        using var http = CreateHttpClient(sim);

        var served = JObject.Parse(await http.GetStringAsync($"api/{sim.ProjectId}/dsp/{sim.DspId}/performance"));
        var recorded = JObject.Parse(TestPaths.ReadFixture("Dsp/getPerformanceAllVariants.success.json"));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(JToken.DeepEquals(served, recorded), Is.True);
            Assert.That((sim.ProjectId, sim.DspId, sim.LearnId), Is.EqualTo((52187, 3, 4)), "the ids of the recorded project");
        }
    }

    [Test]
    public async Task FixtureOverrides_ReplaceARecording_AndTheIdsFollowIt()
    {
        var impulse = JObject.Parse(TestPaths.ReadFixture("Impulse/getImpulse.success.json"));
        impulse.SelectToken("impulse.learnBlocks[0]")!["id"] = 40;
        impulse.SelectToken("impulse.learnBlocks[0]")!["name"] = "Renamed classifier";
        await using var sim = await StartAsync(o => o.FixtureOverrides["Impulse/getImpulse.success.json"] = impulse.ToString());
        using var client = CreateClient(sim);

        var keras = await client.Learn.GetKerasAsync(sim.ProjectId, 40);
        var old = await Assert.ThrowsAsync<EdgeImpulseApiException>(() => client.Learn.GetKerasAsync(sim.ProjectId, 4));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(sim.LearnId, Is.EqualTo(40));
            Assert.That(keras.Name, Is.EqualTo("Renamed classifier"));
            Assert.That(old!.ErrorText, Is.EqualTo("No learning block found with ID 4"));
        }
    }

    [Test]
    public async Task TrainedFeatures_AnswerEachAxisWithTheRecordedValueOfThatFeature_InWhateverOrderTheyAreAsked()
    {
        await using var sim = await StartAsync(o => o.StartTrained = true);
        using var client = CreateClient(sim);
        var recorded = (JObject)JObject.Parse(TestPaths.ReadFixture("Dsp/dspSampleTrainedFeatures.success.json")).SelectToken("data[0].X")!;

        var first = (await client.Dsp.SampleTrainedFeaturesAsync(sim.ProjectId, sim.DspId, 12, 0, 6, RawDataCategory.Training)).Data[0];

        using (Assert.EnterMultipleScope())
        {
            Assert.That(first.X.Keys, Is.EquivalentTo(new[] { "0", "6", "12" }));
            foreach (var axis in new[] { "0", "6", "12" })
            {
                Assert.That(first.X[axis], Is.EqualTo((double)recorded[axis]!), $"feature {axis}");
            }
        }
    }

    [Test]
    public async Task TrainedFeatures_ReadARecordedXByKey_NotByTheOrderItsKeysAreWrittenIn()
    {
        // A recording's X written in ordinal key order ("0", "12", "6") means the same as in numeric order.
        var recording = JObject.Parse(TestPaths.ReadFixture("Dsp/dspSampleTrainedFeatures.success.json"));
        foreach (var point in recording["data"]!.OfType<JObject>())
        {
            point["X"] = new JObject(((JObject)point["X"]!).Properties().OrderBy(p => p.Name, StringComparer.Ordinal));
        }

        await using var sim = await StartAsync(o =>
        {
            o.StartTrained = true;
            o.FixtureOverrides["Dsp/dspSampleTrainedFeatures.success.json"] = recording.ToString();
        });
        using var client = CreateClient(sim);

        var first = (await client.Dsp.SampleTrainedFeaturesAsync(sim.ProjectId, sim.DspId, 0, 6, 12, RawDataCategory.Training)).Data[0];

        using (Assert.EnterMultipleScope())
        {
            Assert.That(((JObject)recording.SelectToken("data[0].X")!).Properties().Select(p => p.Name), Is.EqualTo(new[] { "0", "12", "6" }), "the recording's keys are out of numeric order");
            Assert.That(first.X["0"], Is.EqualTo(0.1185));
            Assert.That(first.X["6"], Is.EqualTo(0.0897));
            Assert.That(first.X["12"], Is.EqualTo(2.8134));
        }
    }

    [Test]
    public async Task TrainedFeatures_ReadZero_ForAFeatureTheRecordingDoesNotHold()
    {
        await using var sim = await StartAsync(o => o.StartTrained = true);
        using var client = CreateClient(sim);

        var first = (await client.Dsp.SampleTrainedFeaturesAsync(sim.ProjectId, sim.DspId, 6, 1, 2, RawDataCategory.Training)).Data[0];

        using (Assert.EnterMultipleScope())
        {
            Assert.That(first.X["6"], Is.EqualTo(0.0897));
            Assert.That(first.X["1"], Is.Zero);
            Assert.That(first.X["2"], Is.Zero);
        }
    }

    [Test]
    public async Task FixtureDirectory_ReplacesTheRecordingsItHolds()
    {
        var directory = Directory.CreateTempSubdirectory("ei-simulator-fixtures-");
        try
        {
            Directory.CreateDirectory(Path.Combine(directory.FullName, "Dsp"));
            var labels = new JObject { ["success"] = true, ["labels"] = new JArray("a", "b") };
            await File.WriteAllTextAsync(Path.Combine(directory.FullName, "Dsp", "getDspFeatureLabels.success.json"), labels.ToString());
            await using var sim = await StartAsync(o => o.FixtureDirectory = directory.FullName);
            using var client = CreateClient(sim);

            var served = await client.Dsp.GetDspFeatureLabelsAsync(sim.ProjectId, sim.DspId);
            var impulse = await client.Impulse.GetImpulseAsync(sim.ProjectId);

            using (Assert.EnterMultipleScope())
            {
                Assert.That(served.Labels, Is.EqualTo(new[] { "a", "b" }));
                Assert.That(impulse.Impulse!.DspBlocks.Single().Id, Is.EqualTo(3), "files the directory lacks come from the embedded recordings");
            }
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    [Test]
    public void FixtureDirectory_ThatDoesNotExist_IsRejected()
    {
        Assert.That(
            async () => await StudioSimulator.StartAsync(new SimulatorOptions { FixtureDirectory = Path.Combine(Path.GetTempPath(), "no-such-ei-fixtures") }),
            Throws.InstanceOf<DirectoryNotFoundException>());
    }

    [Test]
    public void EmbeddedFixtures_AreTheRecordedAnswersAndNothingElse()
    {
        // FixtureStore reads every embedded fixture as UTF-8 text: binaries (.npy), scripts and request bodies have no place there.
        var embedded = typeof(StudioSimulator).Assembly.GetManifestResourceNames()
            .Select(name => name.Replace('\\', '/'))
            .Where(name => name.StartsWith("Fixtures/", StringComparison.Ordinal))
            .Select(name => name["Fixtures/".Length..])
            .ToArray();
        var answers = Directory.EnumerateFiles(TestPaths.Fixtures, "*.success.json", SearchOption.AllDirectories)
            .Select(path => Path.GetRelativePath(TestPaths.Fixtures, path).Replace('\\', '/'))
            .Append("Common/error.bad-gateway.html");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(embedded, Is.EquivalentTo(answers));
            Assert.That(embedded, Has.None.EndsWith(".npy").And.None.EndsWith(".py"));
        }
    }
}
