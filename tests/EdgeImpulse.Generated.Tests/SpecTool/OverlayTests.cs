using System.IO;
using System.Linq;
using EdgeImpulse.Generated.SpecTool;
using Newtonsoft.Json.Linq;
using NUnit.Framework;

namespace EdgeImpulse.Generated.Tests.SpecTool;

[TestFixture]
public sealed class OverlayTests
{
    private static readonly JObject Spec = JObject.Parse("""
        {
          "components": {
            "parameters": { "JobIdParameter": { "name": "jobId", "schema": { "type": "integer" } } },
            "schemas": {
              "Job": { "type": "object", "properties": { "id": { "type": "integer" }, "tags": { "type": "array" } } },
              "Choice": { "oneOf": [ { "type": "number" }, { "type": "string" } ] }
            }
          }
        }
        """);

    [Test]
    public void Update_MergesIntoTheTargetObject()
    {
        var document = Spec.DeepClone();

        Overlay.Apply(document, Actions("""{ "target": "$.components.parameters.JobIdParameter.schema", "description": "int64", "update": { "format": "int64" } }"""), "test");

        Assert.That(document.SelectToken("components.parameters.JobIdParameter.schema")!.ToString(Newtonsoft.Json.Formatting.None), Is.EqualTo("""{"type":"integer","format":"int64"}"""));
    }

    [Test]
    public void Remove_DeletesEveryMatch()
    {
        var document = Spec.DeepClone();

        Overlay.Apply(document, Actions("""{ "target": "$.components.schemas.Choice.oneOf", "description": "hide", "remove": true }"""), "test");

        Assert.That(document.SelectToken("components.schemas.Choice")!.HasValues, Is.False);
    }

    [Test]
    public void TargetMatchingNothing_IsAnErrorNamingTheStaleCorrection()
    {
        var ex = Assert.Throws<SpecToolException>(() => Overlay.Apply(Spec.DeepClone(), Actions("""{ "target": "$.components.schemas.Gone", "description": "was renamed upstream", "update": { "format": "int64" } }"""), "corrections"));

        Assert.That(ex!.Message, Does.Contain("$.components.schemas.Gone").And.Contain("stale").And.Contain("was renamed upstream"));
    }

    [TestCase("$.components.schemas.Job.properties['id','gone']", "union member(s) 'gone' match nothing", TestName = "UnionTarget_WithOneMissingName_IsStale")]
    [TestCase("$.components.schemas.Job.properties['gone','id','lost']", "union member(s) 'gone', 'lost' match nothing", TestName = "UnionTarget_NamesEveryMissingName")]
    [TestCase("$.components.schemas.Choice.oneOf[0,5]", "union member(s) 5 match nothing", TestName = "UnionTarget_WithAMissingIndex_IsStale")]
    [TestCase("$..properties['id','gone']", "union member(s) 'gone' match nothing", TestName = "UnionTarget_AfterRecursiveDescent_WithAMissingName_IsStale")]
    public void UnionTarget_WithAnyMemberMatchingNothing_IsReportedStale_AndNothingIsApplied(string target, string missing)
    {
        var document = Spec.DeepClone();

        var errors = Overlay.ApplyCollectingErrors(document, Actions($$"""{ "target": {{Newtonsoft.Json.JsonConvert.ToString(target)}}, "description": "job ids", "update": { "format": "int64" } }"""), "corrections");

        Assert.That(errors, Has.Count.EqualTo(1));
        Assert.That(errors[0], Does.Contain(target).And.Contain("stale").And.Contain(missing).And.Contain("job ids"));
        Assert.That(document.SelectTokens("$..format"), Is.Empty, "a partly stale correction is not applied to the members that do exist");
    }

    [Test]
    public void UnionTarget_WhoseMembersAllExist_UpdatesEach()
    {
        var document = Spec.DeepClone();

        Overlay.Apply(document, Actions("""{ "target": "$.components.schemas.Job.properties['id','tags']", "description": "x", "update": { "format": "int64" } }"""), "test");

        Assert.That(document.SelectTokens("$.components.schemas.Job.properties.*.format").Select(t => (string?)t), Is.EqualTo(new[] { "int64", "int64" }));
    }

    [TestCase("$.a.b", new string[0])]
    [TestCase("$.a['b']", new string[0])]
    [TestCase("$.a['b,c']", new string[0])]
    [TestCase("$.a[\"b','c\"]", new string[0])]
    [TestCase("$.a[?(@.x == 'p,q')]", new string[0])]
    [TestCase("$.a[?(@.x[0,1] == 'p')]", new string[0])]
    [TestCase("$.a[0:2]", new string[0])]
    [TestCase("$.a['b', 'c'].d", new[] { "'b' $.a['b'].d", "'c' $.a['c'].d" })]
    [TestCase("$.a['b','c'].d[1,2]", new[] { "'b' $.a['b'].d[1,2]", "'c' $.a['c'].d[1,2]", "1 $.a['b','c'].d[1]", "2 $.a['b','c'].d[2]" })]
    [TestCase("$.a['it\\'s','c']", new[] { "'it\\'s' $.a['it\\'s']", "'c' $.a['c']" })]
    public void UnionMembers_FindsEachMemberOfEveryBracketUnion_OutsideFiltersAndQuotes(string target, string[] expected) =>
        Assert.That(Overlay.UnionMembers(target).Select(m => $"{m.Member} {m.Path}"), Is.EqualTo(expected));

    [TestCase("""{ "target": "$.components", "update": { } }""", "description", TestName = "Action_WithoutReason_IsRejected")]
    [TestCase("""{ "target": "$.components", "description": "x" }""", "exactly one of", TestName = "Action_WithNeitherUpdateNorRemove_IsRejected")]
    [TestCase("""{ "target": "$.components", "description": "x", "remove": true, "x-hoist": "X" }""", "exactly one of", TestName = "Action_WithRemoveAndHoist_IsRejected")]
    [TestCase("""{ "target": "$.components", "description": "x", "update": { }, "remove": true }""", "exactly one of", TestName = "Action_WithBothUpdateAndRemove_IsRejected")]
    [TestCase("""{ "target": "$.[", "description": "x", "remove": true }""", "invalid JSONPath", TestName = "Action_WithBrokenJsonPath_IsRejected")]
    public void MalformedAction_IsRejected(string action, string expected)
    {
        var ex = Assert.Throws<SpecToolException>(() => Overlay.Apply(Spec.DeepClone(), Actions(action), "corrections"));

        Assert.That(ex!.Message, Does.Contain(expected));
    }

    [Test]
    public void Hoist_MovesAnInlineSchemaToANamedComponentAndLeavesARef()
    {
        var document = Spec.DeepClone();

        Overlay.Apply(document, Actions("""{ "target": "$.components.schemas.Job.properties.id", "description": "name it", "x-hoist": "JobId" }"""), "test");

        Assert.That((string?)document.SelectToken("components.schemas.Job.properties.id.$ref"), Is.EqualTo("#/components/schemas/JobId"));
        Assert.That((string?)document.SelectToken("components.schemas.JobId.type"), Is.EqualTo("integer"));
    }

    [Test]
    public void Hoist_OfASchemaTheSpecAlreadyNames_SaysTheCorrectionIsStale()
    {
        var document = Spec.DeepClone();
        document["components"]!["schemas"]!["Job"]!["properties"]!["tags"] = new JObject { ["$ref"] = "#/components/schemas/Choice" };

        var ex = Assert.Throws<SpecToolException>(() => Overlay.Apply(document, Actions("""{ "target": "$.components.schemas.Job.properties.tags", "description": "name it", "x-hoist": "Tags" }"""), "test"));

        Assert.That(ex!.Message, Does.Contain("selects a $ref to '#/components/schemas/Choice' (named already: the correction is stale)"));
    }

    [Test]
    public void Hoist_ToANameHeldByADifferentSchema_IsRejected()
    {
        var ex = Assert.Throws<SpecToolException>(() => Overlay.Apply(Spec.DeepClone(), Actions("""{ "target": "$.components.schemas.Job.properties.tags", "description": "clash", "x-hoist": "Choice" }"""), "test"));

        Assert.That(ex!.Message, Does.Contain("differs from the existing schema"));
    }

    [Test]
    public void DocumentThatIsNotAnOverlay_IsRejected()
    {
        var ex = Assert.Throws<SpecToolException>(() => Overlay.Apply(Spec.DeepClone(), JObject.Parse("""{ "actions": [] }"""), "corrections"));

        Assert.That(ex!.Message, Does.Contain("Overlay"));
    }

    [Test]
    public void RepositoryCorrections_AllApplyToTheVendoredSpec()
    {
        var document = YamlJson.Load(Infrastructure.TestPaths.Spec);

        var applied = Overlay.Apply(document, YamlJson.Load(Infrastructure.TestPaths.Corrections), "corrections.overlay.yaml");

        Assert.That(applied, Has.Count.GreaterThanOrEqualTo(10));
        Assert.That(document.SelectToken("components.schemas.StartJobResponse.allOf[1].properties.id.format")?.ToString(), Is.EqualTo("int64"));
        Assert.That(document.SelectToken("components.schemas.BlockParameters.oneOf"), Is.Null);
    }

    private static JObject Actions(string action) =>
        JObject.Parse($$"""{ "overlay": "1.0.0", "info": { "title": "t", "version": "1" }, "actions": [ {{action}} ] }""");
}
