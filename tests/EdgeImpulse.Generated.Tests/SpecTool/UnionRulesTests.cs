using System;
using System.IO;
using System.Linq;
using EdgeImpulse.Generated.SpecTool;
using EdgeImpulse.Generated.Tests.Infrastructure;
using Newtonsoft.Json.Linq;
using NUnit.Framework;

namespace EdgeImpulse.Generated.Tests.SpecTool;

/// <summary>
/// The union rules at full scope (the vendored February 2026 upstream, 544 operations) and in the build's
/// <c>correct</c> step on the repository's own spec and corrections.
/// </summary>
[TestFixture]
public sealed class UnionRulesTests
{
    private static readonly string Upstream = TestPaths.Fixture("SpecTool/upstream/edge-impulse-openapi.2026-02.yml");

    private static JObject NormalizedUpstream()
    {
        var spec = (JObject)YamlJson.Load(Upstream);
        SpecNormalizer.Normalize(spec);
        return spec;
    }

    // What NSwag 14.7 mistypes: an anyOf/oneOf with more than one member besides null (an empty class, or its first
    // member), or a discriminated one (its first variant, even with one). One plain member is read right.
    private static string[] MistypedUnions(JObject spec) =>
        spec.Descendants().OfType<JObject>()
            .Where(o => (o["anyOf"] ?? o["oneOf"]) is JArray members
                && (o["discriminator"] != null || members.OfType<JObject>().Count(m => (string?)m["type"] != "null" && m["nullable"] == null) > 1))
            .Select(o => o.Path)
            .ToArray();

    [Test]
    public void FullUpstream_HasUnionsNSwagMistypes_BeforeTheRules()
    {
        Assert.That(MistypedUnions(NormalizedUpstream()), Has.Length.EqualTo(29), "15 anyOf, 10 discriminated oneOf (SampleLabelMapLabels and 9 pretrained-model ones), 4 oneOf without a discriminator");
    }

    [Test]
    public void FullUpstream_EveryUnionIsTyped_AndTheRulesSayHowMany()
    {
        var spec = NormalizedUpstream();

        var changes = UnionRules.Apply(spec);

        Assert.That(MistypedUnions(spec), Is.Empty);
        Assert.That(changes.GroupBy(c => c.Rule).ToDictionary(g => g.Key, g => g.Count()), Is.EqualTo(new System.Collections.Generic.Dictionary<string, int>
        {
            [DiscriminatedUnions.Rule] = 10,
            [PrimitiveUnions.Rule] = 3,
            [MergedUnions.Rule] = 16,
        }));
        Assert.That(changes.Where(c => c.Rule == MergedUnions.Rule).Select(c => c.Detail.Split(' ', ':')[0]), Is.SupersetOf(new[]
        {
            "batchDelete", "batchMove", "batchEditLabels", "classifySampleV2", "rebalanceDatasetV2", "BlockParameters",
        }));
    }

    [Test]
    public void FullUpstream_PretrainedModelUnions_ShareTwoBases_EveryVariantASubclass()
    {
        var spec = NormalizedUpstream();

        UnionRules.Apply(spec);

        var schemas = (JObject)spec.SelectToken("components.schemas")!;
        string? Base(string variant) => (string?)schemas.SelectToken($"{variant}.allOf[0].$ref");
        Assert.That(new[] { "TimeSeries", "Audio", "Image", "Other" }.Select(v => Base("DeployPretrainedModelInput" + v)), Is.All.EqualTo("#/components/schemas/DeployPretrainedModelInput"));
        Assert.That(new[] { "Classification", "Regression", "ObjectDetection", "Freeform", "Anomaly" }.Select(v => Base("DeployPretrainedModelModel" + v)), Is.All.EqualTo("#/components/schemas/DeployPretrainedModelModel"));
        var inputs = spec.SelectTokens("$..modelInfo.properties.input.$ref").Concat(spec.SelectTokens("$..SavePretrainedModelRequest.properties.input.$ref")).Select(t => (string?)t);
        Assert.That(inputs, Is.EqualTo(Enumerable.Repeat("#/components/schemas/DeployPretrainedModelInput", 4)), "deploy, get, test and save all use the one base");
        Assert.That(Base("SampleKeyValueLabels"), Is.EqualTo("#/components/schemas/SampleLabelMapLabels"));
    }

    [Test]
    public void FullUpstream_SecondRun_ChangesNothing()
    {
        var spec = NormalizedUpstream();
        UnionRules.Apply(spec);
        var once = spec.DeepClone();

        Assert.That(UnionRules.Apply(spec), Is.Empty);
        Assert.That(JToken.DeepEquals(spec, once), Is.True);
    }

    [Test]
    public void Correct_OnTheRepositorysSpec_LeavesTheHandWrittenUnionsAlone_AndTypesTheRest()
    {
        var directory = Path.Combine(Path.GetTempPath(), "spectool-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
        try
        {
            var output = new StringWriter();
            var error = new StringWriter();
            var corrected = Path.Combine(directory, "corrected.json");

            var exitCode = Program.Run(["correct", "--spec", TestPaths.Spec, "--overlay", TestPaths.Corrections, "--out", corrected], output, error);

            Assert.That(exitCode, Is.EqualTo(0), error.ToString());
            var spec = JObject.Parse(File.ReadAllText(corrected));
            Assert.That(MistypedUnions(spec), Is.Empty);
            var schemas = (JObject)spec.SelectToken("components.schemas")!;
            Assert.That(schemas["BlockParameters"]!["oneOf"], Is.Null, "the overlay hides it for Custom/BlockParameters.cs");
            Assert.That(schemas["BlockParameters"]!["properties"], Is.Null, "and no rule merged it behind the overlay's back");
            Assert.That(schemas.SelectToken("BlockThreshold.properties.value.$ref")?.ToString(), Is.EqualTo("#/components/schemas/BlockThresholdValue"));
            Assert.That(schemas.SelectToken("SetImpulseThresholdsRequest.properties.thresholds.items.properties.value.allOf[0].$ref")?.ToString(),
                Is.EqualTo("#/components/schemas/BlockThresholdValue"), "the same number | string elsewhere reuses the hand-written union the overlay declares");
            Assert.That(schemas.SelectToken("Sample.properties.lastUpdatedBy.allOf[0].$ref")?.ToString(), Is.EqualTo("#/components/schemas/LastUpdatedBy"),
                "the Node bindings' union the overlay adds is typed too");

            // The 2026-02 upstream's 10 discriminated unions and the overlay's two (lastUpdatedBy and its actor); its 15 anyOf
            // (BlockParameters is the overlay's); DetailedImpulseMetric.value and SetImpulseThresholdsRequest's value.
            Assert.That(output.ToString(), Does.Contain($"SpecTool: normalized {DiscriminatedUnions.Rule}: 12 change(s): ")
                .And.Contain($"SpecTool: normalized {MergedUnions.Rule}: 15 change(s): ")
                .And.Contain($"SpecTool: normalized {PrimitiveUnions.Rule}: 2 change(s): "));
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }
}
