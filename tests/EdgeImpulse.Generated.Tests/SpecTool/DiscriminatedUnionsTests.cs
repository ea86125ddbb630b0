using System.Linq;
using EdgeImpulse.Generated.SpecTool;
using Newtonsoft.Json.Linq;
using NUnit.Framework;
using static EdgeImpulse.Generated.Tests.SpecTool.UnionFixtures;

namespace EdgeImpulse.Generated.Tests.SpecTool;

/// <summary>Discriminated oneOf: a base with the discriminator, each variant a subclass (allOf) of it.</summary>
[TestFixture]
public sealed class DiscriminatedUnionsTests
{
    [Test]
    public void InlineUnion_GetsABaseNamedAfterTheVariants_SharedByIdenticalUnions()
    {
        var (spec, changes) = Apply("discriminated-inline");
        var @base = Schema(spec, "Input");

        Assert.That(spec.SelectToken("components.schemas.DeployRequest.properties.input")!.ToString(Newtonsoft.Json.Formatting.None),
            Is.EqualTo("""{"description":"The model's input.","allOf":[{"$ref":"#/components/schemas/Input"}]}"""), "the property keeps its description");
        Assert.That(spec.SelectToken("components.schemas.TestRequest.properties.input")!.ToString(Newtonsoft.Json.Formatting.None),
            Is.EqualTo("""{"$ref":"#/components/schemas/Input"}"""));
        Assert.That((string?)@base["type"], Is.EqualTo("object"));
        Assert.That(@base.SelectToken("discriminator.propertyName")?.ToString(), Is.EqualTo("inputType"));
        Assert.That(@base.SelectToken("discriminator.mapping")!.ToString(Newtonsoft.Json.Formatting.None),
            Is.EqualTo("""{"time-series":"#/components/schemas/InputTimeSeries","other":"#/components/schemas/InputOther"}"""),
            "the implicit mapping is made explicit, keyed by the variant's single enum value");
        Assert.That(@base.SelectToken("properties.inputType.type")?.ToString(), Is.EqualTo("string"));
        Assert.That(Names(@base["required"]), Is.EqualTo(new[] { "inputType" }));
        Assert.That(changes.Select(c => c.Rule).Distinct(), Is.EqualTo(new[] { DiscriminatedUnions.Rule }));
        Assert.That(changes, Has.Count.EqualTo(2));
    }

    [Test]
    public void Variants_DeriveFromTheBase_WithoutTheDiscriminatorProperty_KeepingTheirDescription()
    {
        var (spec, _) = Apply("discriminated-inline");
        var timeSeries = Schema(spec, "InputTimeSeries");
        var other = Schema(spec, "InputOther");

        Assert.That((string?)timeSeries["description"], Is.EqualTo("Time series."));
        Assert.That(timeSeries.SelectToken("allOf[0].$ref")?.ToString(), Is.EqualTo("#/components/schemas/Input"));
        Assert.That(((JObject)timeSeries.SelectToken("allOf[1].properties")!).Properties().Select(p => p.Name), Is.EqualTo(new[] { "frequencyHz" }));
        Assert.That(Names(timeSeries.SelectToken("allOf[1].required")), Is.EqualTo(new[] { "frequencyHz" }));
        Assert.That(other.SelectToken("allOf[1]")!.ToString(Newtonsoft.Json.Formatting.None), Is.EqualTo("""{"type":"object"}"""),
            "a variant with nothing but the discriminator keeps an own (empty) part, so NSwag still gives it a class");
    }

    [Test]
    public void ComponentUnion_BecomesTheBaseItself()
    {
        var (spec, changes) = Apply("discriminated-component");
        var labels = Schema(spec, "SampleLabelMapLabels");

        Assert.That(labels["oneOf"], Is.Null);
        Assert.That((string?)labels["description"], Does.StartWith("Structured sample labels. One of SampleKeyValueLabels, told apart by 'type'"));
        Assert.That(labels.SelectToken("discriminator.mapping.key-values")?.ToString(), Is.EqualTo("#/components/schemas/SampleKeyValueLabels"));
        Assert.That(Schema(spec, "SampleKeyValueLabels").SelectToken("allOf[0].$ref")?.ToString(), Is.EqualTo("#/components/schemas/SampleLabelMapLabels"));
        Assert.That(changes.Single().Detail, Is.EqualTo("SampleLabelMapLabels: base of key-values -> SampleKeyValueLabels"));
    }

    [Test]
    public void UnionOverSomeOfABasesVariants_IsTypedAsThatBase()
    {
        var (spec, changes) = Apply("discriminated-subset");

        Assert.That(spec.SelectToken("components.schemas.Sample.properties.lastUpdatedBy.$ref")?.ToString(), Is.EqualTo("#/components/schemas/LastUpdatedBy"));
        Assert.That(Schema(spec, "LastUpdatedByDatasetVersionRestore").SelectToken("allOf[1].properties.actor.$ref")?.ToString(), Is.EqualTo("#/components/schemas/LastUpdatedBy"),
            "the actor (user or project API key) is one of the same variants");
        Assert.That(new[] { "LastUpdatedByUser", "LastUpdatedByProjectApiKey", "LastUpdatedByDatasetVersionRestore" }.Select(v => Schema(spec, v).SelectToken("allOf[0].$ref")?.ToString()),
            Is.All.EqualTo("#/components/schemas/LastUpdatedBy"));
        Assert.That(changes.Select(c => c.Rule), Is.All.EqualTo(DiscriminatedUnions.Rule));
        Assert.That(changes, Has.Count.EqualTo(2));
    }

    [Test]
    public void VariantThatAlreadyHasABase_LeavesTheUnionToTheMerge_SayingWhy()
    {
        var (spec, changes) = Apply("discriminated-variant-with-base");
        var shape = (JObject)spec.SelectToken("components.schemas.Holder.properties.shape")!;

        Assert.That(changes.Select(c => (c.Rule, c.Detail)), Is.EqualTo(new[]
        {
            (DiscriminatedUnions.Rule, "Holder.properties.shape: left to merged-unions: variant Circle already has a base (allOf)"),
            (MergedUnions.Rule, "Holder.properties.shape: oneOf Circle | Square -> one type with 4 properties"),
        }));
        Assert.That(((JObject)shape["properties"]!).Properties().Select(p => p.Name), Is.EqualTo(new[] { "name", "kind", "radius", "side" }));
        Assert.That(Names(shape["required"]), Is.EqualTo(new[] { "kind" }), "the discriminator stays an ordinary, required property");
        Assert.That(Schema(spec, "Square")["allOf"], Is.Null, "no variant was touched");
    }

    [Test]
    public void SecondRun_ChangesNothing()
    {
        var (spec, _) = Apply("discriminated-inline");
        var once = spec.DeepClone();

        Assert.That(UnionRules.Apply(spec), Is.Empty);
        Assert.That(JToken.DeepEquals(spec, once), Is.True);
    }
}
