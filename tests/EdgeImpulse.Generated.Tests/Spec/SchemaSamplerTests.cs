using Newtonsoft.Json.Linq;
using NUnit.Framework;

namespace EdgeImpulse.Generated.Tests.Spec;

/// <summary>The per-operation test's answers are only as strong as these samples: every property filled, with the right types.</summary>
[TestFixture]
public sealed class SchemaSamplerTests
{
    private static readonly SchemaSampler Sampler = new(JObject.Parse("""
        { "components": { "schemas": {
            "Node": { "type": "object", "properties": { "name": { "type": "string" }, "children": { "type": "array", "items": { "$ref": "#/components/schemas/Node" } }, "parent": { "$ref": "#/components/schemas/Node" } } },
            "Kind": { "type": "string", "enum": ["first", "second"] },
            "Cat": { "type": "object", "properties": { "type": { "type": "string" }, "meows": { "type": "boolean" } } },
            "Dog": { "type": "object", "properties": { "type": { "type": "string" }, "barks": { "type": "integer", "format": "int64" } } },
            "Shape": { "type": "object", "required": ["kind"], "properties": { "kind": { "type": "string" }, "area": { "type": "number" } }, "discriminator": { "propertyName": "kind", "mapping": { "circle": "#/components/schemas/Circle", "square": "#/components/schemas/Square" } } },
            "Circle": { "allOf": [{ "$ref": "#/components/schemas/Shape" }, { "type": "object", "properties": { "radius": { "type": "integer" } } }] },
            "Square": { "allOf": [{ "$ref": "#/components/schemas/Shape" }, { "type": "object", "properties": { "side": { "type": "integer" } } }] },
            "Pet": { "oneOf": [{ "$ref": "#/components/schemas/Cat" }, { "$ref": "#/components/schemas/Dog" }], "discriminator": { "propertyName": "type", "mapping": { "dog": "#/components/schemas/Dog", "cat": "#/components/schemas/Cat" } } }
        } } }
        """));

    [Test]
    public void EveryPropertyIsFilled_WithItsTypesValue()
    {
        var sample = Sampler.Sample(JObject.Parse("""
            { "type": "object", "properties": {
                "id": { "type": "integer" }, "jobId": { "type": "integer", "format": "int64" }, "ratio": { "type": "number" },
                "ok": { "type": "boolean" }, "at": { "type": "string", "format": "date-time" }, "on": { "type": "string", "format": "date" },
                "kind": { "$ref": "#/components/schemas/Kind" }, "tags": { "type": "array", "items": { "type": "string" } },
                "map": { "type": "object", "additionalProperties": { "type": "number" } }, "free": {} } }
            """));

        Assert.That(sample!.ToString(Newtonsoft.Json.Formatting.None), Is.EqualTo(Infrastructure.JsonLoss.Parse("""
            { "id": 3, "jobId": 1099511627776, "ratio": 1.5, "ok": true, "at": "2026-01-02T03:04:05.678Z", "on": "2026-01-02",
              "kind": "first", "tags": ["tags"], "map": { "key1": 1.5 }, "free": "any" }
            """).ToString(Newtonsoft.Json.Formatting.None)));
    }

    [Test]
    public void Recursion_IsCutWhereASchemaWouldContainItself()
    {
        var sample = Sampler.Sample(JObject.Parse("""{ "$ref": "#/components/schemas/Node" }"""));

        Assert.That(sample!.ToString(Newtonsoft.Json.Formatting.None), Is.EqualTo("""{"name":"name","children":[]}"""));
    }

    [Test]
    public void DiscriminatedUnion_IsItsLastMappedVariant_WithTheDiscriminatorSet()
    {
        var sample = Sampler.Sample(JObject.Parse("""{ "$ref": "#/components/schemas/Pet" }"""));

        Assert.That(sample!.ToString(Newtonsoft.Json.Formatting.None), Is.EqualTo("""{"type":"cat","meows":true}"""));
    }

    [Test]
    public void DiscriminatedBase_IsItsLastSubclass_WithTheBasesMembersAndTheDiscriminatorSet()
    {
        var sample = Sampler.Sample(JObject.Parse("""{ "type": "object", "properties": { "shape": { "$ref": "#/components/schemas/Shape" } } }"""));

        Assert.That(sample!.ToString(Newtonsoft.Json.Formatting.None), Is.EqualTo("""{"shape":{"kind":"square","area":1.5,"side":3}}"""));
    }

    [Test]
    public void AllOf_AndUndiscriminatedUnionsOfObjects_AreMerged_AndAScalarUnionIsItsLastVariant()
    {
        var allOf = Sampler.Sample(JObject.Parse("""{ "allOf": [{ "$ref": "#/components/schemas/Cat" }, { "type": "object", "properties": { "age": { "type": "integer" } } }] }"""));
        var anyOf = Sampler.Sample(JObject.Parse("""{ "anyOf": [{ "$ref": "#/components/schemas/Cat" }, { "$ref": "#/components/schemas/Dog" }] }"""));
        var scalars = Sampler.Sample(JObject.Parse("""{ "oneOf": [{ "type": "string" }, { "type": "boolean" }] }"""));

        Assert.That(allOf!.ToString(Newtonsoft.Json.Formatting.None), Is.EqualTo("""{"type":"type","meows":true,"age":3}"""));
        Assert.That(anyOf!.ToString(Newtonsoft.Json.Formatting.None), Is.EqualTo("""{"type":"type","meows":true,"barks":1099511627776}"""));
        Assert.That(scalars!.ToString(Newtonsoft.Json.Formatting.None), Is.EqualTo("true"));
    }

    [Test]
    public void ParameterValues_AreDistinctPerParameter_AndUrlSafe()
    {
        var integer = JObject.Parse("""{ "type": "integer" }""");

        Assert.That((int)Sampler.SampleParameter(integer, "projectId", 0)!, Is.Not.EqualTo((int)Sampler.SampleParameter(integer, "dspId", 1)!));
        Assert.That((long)Sampler.SampleParameter(JObject.Parse("""{ "type": "integer", "format": "int64" }"""), "jobId", 2)!, Is.GreaterThan(int.MaxValue));
        Assert.That((string?)Sampler.SampleParameter(JObject.Parse("""{ "type": "string" }"""), "key", 3), Is.EqualTo("key-3"));
        Assert.That((string?)Sampler.SampleParameter(JObject.Parse("""{ "$ref": "#/components/schemas/Kind" }"""), "kind", 4), Is.EqualTo("first"));
    }
}
