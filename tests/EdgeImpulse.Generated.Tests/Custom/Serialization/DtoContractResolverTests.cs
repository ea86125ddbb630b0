using System.Collections.Generic;
using System.Linq;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using NUnit.Framework;

namespace EdgeImpulse.Generated.Tests.Custom.Serialization;

/// <summary>The write half of the DTO rule: an optional collection nobody touched is not sent; a required one always is.</summary>
[TestFixture]
public sealed class DtoContractResolverTests
{
    [Test]
    public void UntouchedOptionalCollections_AreLeftOutOfARequest()
    {
        var written = Write(new SetKerasParameterRequest { TrainingCycles = 30 });

        Assert.That(written.Properties().Select(p => p.Name), Is.EqualTo(new[] { "trainingCycles" }), "a partial update must not clear lists the caller never set");
    }

    [Test]
    public void OptionalCollectionsWithItems_AreSent()
    {
        var written = Write(new SetKerasParameterRequest { CustomParameters = { ["epochs"] = "3" }, VisualLayers = { new KerasVisualLayer { Type = KerasVisualLayerType.Dense, Neurons = 8 } } });

        using (Assert.EnterMultipleScope())
        {
            Assert.That(written["customParameters"], Is.EqualTo(new JObject { ["epochs"] = "3" }));
            Assert.That(written["visualLayers"]?[0]?["type"]?.Value<string>(), Is.EqualTo("dense"));
        }
    }

    [Test]
    public void OptionalCollectionsSetEmpty_AreSentEmpty_SoACallerCanClearThem()
    {
        var request = new SetKerasParameterRequest { VisualLayers = new List<KerasVisualLayer>() };
        request.CustomParameters.Clear();

        var written = Write(request);

        Assert.That((written["visualLayers"], written["customParameters"]), Is.EqualTo((new JArray(), new JObject())));
    }

    [Test]
    public void OptionalCollectionsReadFromJson_AreWrittenBackAsRead()
    {
        var request = JsonConvert.DeserializeObject<SetKerasParameterRequest>("{\"customParameters\":{},\"trainingCycles\":3}", ApiConnection.SerializerSettings)!;

        Assert.That(Write(request).Properties().Select(p => p.Name), Is.EquivalentTo(new[] { "customParameters", "trainingCycles" }));
    }

    [Test]
    public void EmptyRequiredCollections_AreSent()
    {
        var written = Write(new DspConfigRequest());

        Assert.That(written["config"], Is.EqualTo(new JObject()));
    }

    [Test]
    public void ResponsesRoundTrip_EmptyCollectionsTheServerSentStayEmpty()
    {
        var job = JsonConvert.DeserializeObject<Job>("{\"id\":1,\"jobNotificationUids\":[]}", ApiConnection.SerializerSettings)!;

        Assert.That(Write(job)["jobNotificationUids"], Is.EqualTo(new JArray()), "a required collection is written even when empty");
    }

    private static JObject Write(object value) => JObject.Parse(JsonConvert.SerializeObject(value, ApiConnection.SerializerSettings));
}
