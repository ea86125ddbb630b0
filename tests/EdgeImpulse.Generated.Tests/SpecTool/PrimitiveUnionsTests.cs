using System.Linq;
using EdgeImpulse.Generated.SpecTool;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using NUnit.Framework;
using static EdgeImpulse.Generated.Tests.SpecTool.UnionFixtures;

namespace EdgeImpulse.Generated.Tests.SpecTool;

/// <summary>Unions of values: one type when they share it, a declared hand-written union, else a JSON token.</summary>
[TestFixture]
public sealed class PrimitiveUnionsTests
{
    [Test]
    public void StringOrBoolean_BecomesAnUntypedSchema_WhichNSwagTypesAsJToken_Described()
    {
        var (spec, changes) = Apply("primitive-string-boolean");
        var value = (JObject)spec.SelectToken("components.schemas.DetailedImpulseMetric.properties.value")!;

        Assert.That(value.ToString(Formatting.None), Is.EqualTo("""{"description":"The metric's value. One of: string, boolean (a JSON token: its Type says which)."}"""));
        Assert.That(changes.Single().Detail, Is.EqualTo("DetailedImpulseMetric.properties.value: string | boolean -> any (JSON token)"));
        Assert.That(Names(spec.SelectToken("components.schemas.DetailedImpulseMetric.required")), Is.EqualTo(new[] { "value" }), "the owner is not changed");
    }

    [Test]
    public void NumberOrString_WithADeclaredHandWrittenUnion_RefersToIt_KeepingNullability()
    {
        var (spec, changes) = Apply("primitive-hand-written");
        var value = (JObject)spec.SelectToken("components.schemas.SetThresholdsRequest.properties.value")!;

        Assert.That(value.ToString(Formatting.None),
            Is.EqualTo("""{"description":"The threshold's new value.","nullable":true,"allOf":[{"$ref":"#/components/schemas/BlockThresholdValue"}]}"""));
        Assert.That(changes.Single().Detail, Is.EqualTo("SetThresholdsRequest.properties.value: string | integer -> BlockThresholdValue (hand-written)"));
        Assert.That(Schema(spec, "BlockThresholdValue")["x-edgeimpulse-one-of"], Is.Not.Null, "the declaration itself is no union to type");
    }

    [Test]
    public void MembersOfOneType_BecomeThatType_EnumsMerged()
    {
        var (spec, changes) = Apply("primitive-same-type");

        Assert.That(spec.SelectToken("components.schemas.Options.properties.mode")!.ToString(Formatting.None), Is.EqualTo("""{"type":"string","enum":["fast","slow","off"]}"""));
        Assert.That(spec.SelectToken("components.schemas.Options.properties.size")!.ToString(Formatting.None), Is.EqualTo("""{"type":"number"}"""));
        Assert.That(changes.Select(c => c.Rule).Distinct(), Is.EqualTo(new[] { PrimitiveUnions.Rule }));
        Assert.That(changes, Has.Count.EqualTo(2));
    }
}
