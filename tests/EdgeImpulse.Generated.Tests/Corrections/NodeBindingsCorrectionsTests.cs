using System.Linq;
using EdgeImpulse.Generated.Tests.Infrastructure;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using NUnit.Framework;

namespace EdgeImpulse.Generated.Tests.Corrections;

/// <summary>
/// The corrections.overlay.yaml section "Node bindings edge-impulse-api@1.95.13": what the bindings add to the
/// 2026-02 spec is typed (docs/FULL-SCOPE.md, "Node bindings differences").
/// </summary>
[TestFixture]
public sealed class NodeBindingsCorrectionsTests
{
    private const string Fixture = "Serialization/sample.node-bindings-fields.json";

    [Test]
    public void Sample_ReadsDatastreamsSensorIndexesAndTheValidationCategory()
    {
        var sample = FixtureJson.Read<Sample>(Fixture);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(sample.Category, Is.EqualTo(RawDataCategory.Validation));
            Assert.That(sample.Sensors.Single().Index, Is.Zero);
            Assert.That(sample.Datastreams.Select(d => d.Index), Is.EqualTo(new int?[] { 0, 1 }));
            Assert.That(sample.Datastreams[0].FrequencyHz, Is.EqualTo(62.5));
            Assert.That(sample.Datastreams[0].Sensors.Single().Name, Is.EqualTo("accX"));
            Assert.That(sample.Datastreams[1].ImageDimensions?.Width, Is.EqualTo(96));
            Assert.That(sample.AdditionalProperties, Is.Empty, "every field has its property");
        }
    }

    [Test]
    public void Sample_LastUpdatedBy_IsTypedByVariant_ItsActorToo_AndRoundTrips()
    {
        var sample = FixtureJson.Read<Sample>(Fixture);

        var restore = sample.LastUpdatedBy as LastUpdatedByDatasetVersionRestore;
        var actor = restore?.Actor as LastUpdatedByOAuthClient;
        using (Assert.EnterMultipleScope())
        {
            Assert.That(restore?.DatasetVersionId, Is.EqualTo(17));
            Assert.That(restore?.GroupKey, Is.EqualTo("c0ffee"));
            Assert.That(actor?.OauthClientId, Is.EqualTo("ci-bot"));
            Assert.That(actor?.UserId, Is.EqualTo(1), "the sanitizer's placeholder user");
        }

        var written = JObject.Parse(JsonConvert.SerializeObject(sample.LastUpdatedBy, ApiConnection.SerializerSettings));
        Assert.That(JToken.DeepEquals(written, JObject.Parse(TestPaths.ReadFixture(Fixture))["lastUpdatedBy"]), Is.True, written.ToString());
    }

    [Test]
    public void NewEnumValues_AreKnown()
    {
        using (Assert.EnterMultipleScope())
        {
            Assert.That(ObjectDetectionLastLayer.KnownValues, Does.Contain(ObjectDetectionLastLayer.QcYolox));
            Assert.That(RawDataCategory.KnownValues.Select(v => v.Value), Does.Contain("validation"));
            Assert.That(DspMetadataCategory.KnownValues.Select(v => v.Value), Does.Contain("validation"));
        }
    }

    [Test]
    public void SetKerasRequest_SendsTheTrainingProcessorAndGpuAssertion()
    {
        var request = new SetKerasParameterRequest { TrainingProcessor = ExperimentalImpulseSpecificGpuTrainingProcessor.Gpu, AssertGpuUsagePercentage = 50 };

        var written = JObject.Parse(JsonConvert.SerializeObject(request, ApiConnection.SerializerSettings));

        Assert.That(written.ToString(Formatting.None), Is.EqualTo("""{"trainingProcessor":"gpu","assertGpuUsagePercentage":50.0}"""));
    }
}
