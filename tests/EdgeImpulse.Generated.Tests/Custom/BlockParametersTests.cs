using System.Diagnostics.CodeAnalysis;
using System.Linq;
using System.Reflection;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using NUnit.Framework;

namespace EdgeImpulse.Generated.Tests.Custom;

[TestFixture]
public sealed class BlockParametersTests
{
    [Test]
    public void RoundTrip_IsLossless_IncludingFieldsNeitherVariantKnows()
    {
        const string json = """{"blockParameters":{"backbone":"transfer_mobilenetv2_a35","numLayers":3,"poolSize":1,"samplingRatio":0.1,"numNearestNeighbors":2,"newKnob":{"x":[1,2]}}}""";

        var request = JsonConvert.DeserializeObject<SetKerasParameterRequest>(json, ApiConnection.SerializerSettings)!;
        var written = JObject.Parse(JsonConvert.SerializeObject(request, ApiConnection.SerializerSettings));

        Assert.That(JToken.DeepEquals(written["blockParameters"], JObject.Parse(json)["blockParameters"]), Is.True, written.ToString());
        Assert.That(request.BlockParameters!.Variant, Is.EqualTo(BlockParametersVariant.Patchcore));
    }

    [Test]
    public void BackboneOnly_ReadsAsGmm_WithTypedAccess()
    {
        var parameters = JsonConvert.DeserializeObject<BlockParameters>("""{"backbone":"transfer_mobilenetv2_a1"}""", ApiConnection.SerializerSettings)!;

        Assert.That(parameters.Variant, Is.EqualTo(BlockParametersVariant.Gmm));
        Assert.That(parameters.TryGetGmm(out var gmm), Is.True);
        Assert.That(gmm!.Backbone, Is.EqualTo("transfer_mobilenetv2_a1"));
        Assert.That(parameters.TryGetPatchcore(out _), Is.False);
    }

    [TestCase("""{"backbone":"b","numLayers":"three"}""", TestName = "TryGetPatchcore_StringWhereANumberBelongs_IsFalse")]
    [TestCase("""{"backbone":"b","numLayers":12345678901234}""", TestName = "TryGetPatchcore_NumberOutOfRange_IsFalse")]
    [TestCase("""{"backbone":{"nested":true},"poolSize":[1,2]}""", TestName = "TryGetPatchcore_ObjectWhereAStringBelongs_IsFalse")]
    public void TryGetPatchcore_OnValuesThatDoNotFit_ReturnsFalseInsteadOfThrowing(string json)
    {
        var parameters = BlockParameters.FromJson(JObject.Parse(json));

        Assert.That(parameters.Variant, Is.EqualTo(BlockParametersVariant.Patchcore));
        Assert.That(parameters.TryGetPatchcore(out _), Is.False);
        Assert.That(parameters.TryGetGmm(out _), Is.False);
    }

    [Test]
    public void TryGetGmm_OnABackboneThatIsNotAString_ReturnsFalseInsteadOfThrowing()
    {
        var parameters = BlockParameters.FromJson(JObject.Parse("""{"backbone":{"a":[1]}}"""));

        Assert.That(parameters.Variant, Is.EqualTo(BlockParametersVariant.Gmm));
        Assert.That(parameters.TryGetGmm(out _), Is.False);
    }

    [Test]
    public void FromPatchcore_WritesOnlyTheFieldsThatWereSet()
    {
        var parameters = BlockParameters.FromPatchcore(new BlockParamsVisualAnomalyPatchcore { Backbone = "transfer_mobilenetv2_a35", NumLayers = 3 });

        Assert.That(parameters.ToString(), Is.EqualTo("""{"backbone":"transfer_mobilenetv2_a35","numLayers":3}"""));
        Assert.That(parameters.TryGetPatchcore(out var patchcore) && patchcore.NumLayers == 3, Is.True);
    }

    [Test]
    public void NonObject_IsASerializationError()
    {
        Assert.Throws<JsonSerializationException>(() => JsonConvert.DeserializeObject<BlockParameters>("[1]", ApiConnection.SerializerSettings));
    }

    [Test]
    public void ThresholdValue_KeepsNumberOrString()
    {
        var values = JsonConvert.DeserializeObject<BlockThresholdValue[]>("""[0.6, "0.6", 3]""", ApiConnection.SerializerSettings)!;

        Assert.That(values[0].IsNumber && values[0].AsNumber() == 0.6, Is.True);
        Assert.That(values[1].IsString && values[1].AsString() == "0.6", Is.True);
        Assert.That(values[0], Is.Not.EqualTo(values[1]));
        Assert.That(JsonConvert.SerializeObject(values), Is.EqualTo("""[0.6,"0.6",3.0]"""));
        Assert.Throws<System.InvalidOperationException>(() => values[1].AsNumber());
        Assert.Throws<JsonSerializationException>(() => JsonConvert.DeserializeObject<BlockThresholdValue>("true"));
    }

    [Test]
    public void TryGetMethods_PromiseANonNullOutValueWhenTheyReturnTrue()
    {
        var outParameters = typeof(BlockParameters).Assembly.GetExportedTypes()
            .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly))
            .Where(m => m.Name.StartsWith("TryGet", System.StringComparison.Ordinal) && m.ReturnType == typeof(bool))
            .SelectMany(m => m.GetParameters().Where(p => p.IsOut).Select(p => (Method: $"{m.DeclaringType!.Name}.{m.Name}", Parameter: p)))
            .ToList();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(outParameters.Select(o => o.Method), Is.SupersetOf(new[] { "BlockParameters.TryGetPatchcore", "BlockParameters.TryGetGmm" }));
            foreach (var (method, parameter) in outParameters)
            {
                Assert.That(parameter.GetCustomAttribute<NotNullWhenAttribute>()?.ReturnValue, Is.True, $"{method}({parameter.Name})");
            }
        }
    }

    [Test]
    public void TryGet_OfTheOtherVariant_GivesFalseAndNull()
    {
        var gmm = BlockParameters.FromJson(new JObject { ["backbone"] = "transfer_mobilenetv2_a1" });

        Assert.That((gmm.TryGetPatchcore(out var patchcore), patchcore), Is.EqualTo((false, (BlockParamsVisualAnomalyPatchcore?)null)));
    }
}
