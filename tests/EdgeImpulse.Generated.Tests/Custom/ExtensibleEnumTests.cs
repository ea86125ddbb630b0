using System.Linq;
using Newtonsoft.Json;
using NUnit.Framework;

namespace EdgeImpulse.Generated.Tests.Custom;

[TestFixture]
public sealed class ExtensibleEnumTests
{
    [Test]
    public void UnknownServerValue_ReadsAndWritesBackUnchanged()
    {
        const string json = """{"mode":"time-series-forecast","objectDetectionLastLayer":"yolo-world"}""";

        var metadata = JsonConvert.DeserializeObject<KerasModelMetadata>(json, ApiConnection.SerializerSettings)!;
        var written = JsonConvert.SerializeObject(metadata, ApiConnection.SerializerSettings);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(metadata.Mode?.Value, Is.EqualTo("time-series-forecast"));
            Assert.That(metadata.Mode?.IsKnown, Is.False);
            Assert.That(metadata.ObjectDetectionLastLayer!.Value.Value, Is.EqualTo("yolo-world"));
            Assert.That(written, Does.Contain("\"mode\":\"time-series-forecast\"").And.Contain("\"objectDetectionLastLayer\":\"yolo-world\""));
        }
    }

    [Test]
    public void KnownValues_CompareByWireValue()
    {
        LearnBlockType fromServer = "keras";

        using (Assert.EnterMultipleScope())
        {
            Assert.That(fromServer, Is.EqualTo(LearnBlockType.Keras));
            Assert.That(fromServer == LearnBlockType.Keras, Is.True);
            Assert.That(fromServer.IsKnown, Is.True);
            Assert.That(LearnBlockType.KnownValues, Does.Contain(LearnBlockType.KerasVisualAnomaly));
            Assert.That(LearnBlockType.KnownValues.Select(v => v.Value), Is.Unique);
            Assert.That(ImageInputScaling.KnownValues.Select(v => v.Value), Does.Contain("-1..1"));
        }
    }

    [Test]
    public void NonStringToken_IsASerializationErrorNotAnInvalidValue()
    {
        Assert.Throws<JsonSerializationException>(() =>
            JsonConvert.DeserializeObject<KerasModelMetadata>("""{"mode": 3}""", ApiConnection.SerializerSettings));
    }

    [Test]
    public void NullForAnOptionalEnum_ReadsAsNull()
    {
        var metadata = JsonConvert.DeserializeObject<KerasModelMetadata>("""{"objectDetectionLastLayer": null}""", ApiConnection.SerializerSettings)!;

        Assert.That(metadata.ObjectDetectionLastLayer, Is.Null);
    }
}
