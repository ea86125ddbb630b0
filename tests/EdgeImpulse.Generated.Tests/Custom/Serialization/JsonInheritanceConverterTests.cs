using System.Collections.Generic;
using EdgeImpulse.Generated.Tests.Infrastructure;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using NUnit.Framework;

namespace EdgeImpulse.Generated.Tests.Custom.Serialization;

/// <summary>
/// Typed variants of a discriminated oneOf (the SpecTool's discriminated-union-variants rule), read and written by the
/// hand-written converter, on Sample.labelMap (SampleLabelMapLabels, variant SampleKeyValueLabels by "type").
/// </summary>
[TestFixture]
public sealed class JsonInheritanceConverterTests
{
    private static JObject Fixture(string scenario) => JObject.Parse(TestPaths.ReadFixture($"Serialization/labelMap.{scenario}.json"));

    private static JObject Write(object value) => JObject.Parse(JsonConvert.SerializeObject(value, ApiConnection.SerializerSettings));

    [Test]
    public void KnownDiscriminator_ReadsAsItsVariant_AndWritesBackTheSameJson()
    {
        var sample = FixtureJson.Read<Sample>("Serialization/labelMap.key-values.json");

        Assert.That(sample.LabelMap, Is.TypeOf<SampleKeyValueLabels>());
        Assert.That(((SampleKeyValueLabels)sample.LabelMap!).Labels, Is.EqualTo(new Dictionary<string, string> { ["gesture"] = "snake", ["hand"] = "left" }));
        Assert.That(sample.LabelMap!.AdditionalProperties, Is.Empty);
        Assert.That(Write(sample.LabelMap)["type"]?.ToString(), Is.EqualTo("key-values"));
        Assert.That(JToken.DeepEquals(Write(sample)["labelMap"], Fixture("key-values")["labelMap"]), Is.True, Write(sample).ToString());
    }

    [Test]
    public void UnknownDiscriminator_ReadsAsTheBase_KeepingEveryField_AndRoundTrips()
    {
        var sample = FixtureJson.Read<Sample>("Serialization/labelMap.unknown-variant.json");

        Assert.That(sample.LabelMap, Is.TypeOf<SampleLabelMapLabels>(), "a variant this client does not know yet");
        Assert.That(sample.LabelMap!.AdditionalProperties.Keys, Is.EquivalentTo(new[] { "type", "labels", "levels" }));
        Assert.That(JToken.DeepEquals(Write(sample)["labelMap"], Fixture("unknown-variant")["labelMap"]), Is.True, Write(sample).ToString());
    }

    [Test]
    public void NoDiscriminator_ReadsAsTheBase_AndWritesNoneItDidNotReceive()
    {
        var sample = FixtureJson.Read<Sample>("Serialization/labelMap.no-discriminator.json");

        Assert.That(sample.LabelMap, Is.TypeOf<SampleLabelMapLabels>());
        Assert.That(JToken.DeepEquals(Write(sample)["labelMap"], Fixture("no-discriminator")["labelMap"]), Is.True, Write(sample).ToString());
    }

    [Test]
    public void NewVariantInACaller_IsWrittenWithItsDiscriminator()
    {
        var labels = new SampleKeyValueLabels { Labels = { ["gesture"] = "wave" } };

        Assert.That(Write(labels).ToString(Formatting.None), Is.EqualTo("""{"type":"key-values","labels":{"gesture":"wave"}}"""));
    }

    [Test]
    public void NullLabelMap_StaysNull()
    {
        var sample = JsonConvert.DeserializeObject<Sample>("""{"id":1,"labelMap":null}""", ApiConnection.SerializerSettings)!;

        Assert.That(sample.LabelMap, Is.Null);
    }

    [Test]
    public void NotAnObject_IsAJsonError_NamingWhere()
    {
        var error = Assert.Throws<JsonReaderException>(() => FixtureJson.Read<Sample>("Serialization/labelMap.not-an-object.json"));

        Assert.That(error!.Message, Does.Contain("labelMap"));
    }
}
