using System.Linq;
using EdgeImpulse.Generated.SpecTool;
using Newtonsoft.Json.Linq;
using NUnit.Framework;
using static EdgeImpulse.Generated.Tests.SpecTool.UnionFixtures;

namespace EdgeImpulse.Generated.Tests.SpecTool;

/// <summary>anyOf/oneOf of objects without a discriminator: one tolerant type with every member's properties.</summary>
[TestFixture]
public sealed class MergedUnionsTests
{
    [Test]
    public void GenericOrStartedJob_InheritsTheCommonBase_AndAddsTheJobIdAsOptional()
    {
        var (spec, changes) = Apply("anyof-generic-or-job");
        var schema = (JObject)spec.SelectToken("paths['/api/{projectId}/raw-data/batch/delete'].post.responses.200.content['application/json'].schema")!;

        Assert.That(schema["anyOf"], Is.Null);
        Assert.That(schema.SelectToken("allOf[0].$ref")?.ToString(), Is.EqualTo("#/components/schemas/GenericApiResponse"));
        var own = (JObject)schema.SelectToken("allOf[1]")!;
        Assert.That(((JObject)own["properties"]!).Properties().Select(p => p.Name), Is.EqualTo(new[] { "id" }), "success and error come from the base, not repeated");
        Assert.That(own.SelectToken("properties.id.format")?.ToString(), Is.EqualTo("int64"), "the member's property is copied whole");
        Assert.That(own["required"], Is.Null, "id is required only by StartJobResponse, so optional here");
        Assert.That((string?)schema["description"], Does.Contain("GenericApiResponse, StartJobResponse"));
        Assert.That(changes.Select(c => (c.Rule, c.Detail)), Is.EqualTo(new[]
        {
            (MergedUnions.Rule, "batchDelete responses.200.content['application/json'].schema: anyOf GenericApiResponse | StartJobResponse -> one type with 1 properties inheriting GenericApiResponse"),
        }));
    }

    [Test]
    public void ObjectsWithoutABase_HaveEveryProperty_RequiredOnlyWhenEveryMemberRequiresIt_ConflictsWidened()
    {
        var (spec, changes) = Apply("oneof-objects-conflicting");
        var settings = Schema(spec, "Settings");

        Assert.That(settings["oneOf"], Is.Null);
        Assert.That((string?)settings["type"], Is.EqualTo("object"));
        Assert.That(((JObject)settings["properties"]!).Properties().Select(p => p.Name), Is.EqualTo(new[] { "backbone", "numLayers", "threshold" }));
        Assert.That(Names(settings["required"]), Is.EqualTo(new[] { "backbone" }), "numLayers is required only by Patchcore");
        Assert.That(settings.SelectToken("properties.numLayers.type")?.ToString(), Is.EqualTo("integer"));
        var threshold = (JObject)settings.SelectToken("properties.threshold")!;
        Assert.That(threshold["type"], Is.Null, "number in one member, string in the other: no type, so NSwag's any type (JToken) keeps either");
        Assert.That((string?)threshold["description"], Does.Contain("number in Patchcore").And.Contain("string in Gmm"));
        Assert.That((string?)settings["description"], Does.StartWith("Settings of either kind. One of Patchcore, Gmm"));
        Assert.That(changes.Single().Detail, Is.EqualTo("Settings: oneOf Patchcore | Gmm -> one type with 3 properties; widened to JSON tokens: threshold"));
    }

    [Test]
    public void SecondRun_ChangesNothing()
    {
        var (spec, _) = Apply("oneof-objects-conflicting");
        var once = spec.DeepClone();

        Assert.That(UnionRules.Apply(spec), Is.Empty);
        Assert.That(JToken.DeepEquals(spec, once), Is.True);
    }
}
