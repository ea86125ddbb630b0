using EdgeImpulse.Generated.SpecTool;
using Newtonsoft.Json.Linq;
using NUnit.Framework;

namespace EdgeImpulse.Generated.Tests.SpecTool;

[TestFixture]
public sealed class SpecSummaryTests
{
    private static readonly JObject Before = SpecTrimmerTests.Spec(
        """
        "/jobs/{id}": { "parameters": [ ], "get": { "operationId": "getJob" }, "delete": { "operationId": "deleteJob" } }
        """,
        """
        "schemas": {
          "GetSampleResponse": { "type": "object" },
          "Job": {
            "allOf": [ { "$ref": "#/components/schemas/Base" }, { "type": "object", "properties": {
              "id": { "type": "integer" },
              "state": { "type": "string", "enum": [ "running", "unknown" ] },
              "logs": { "type": "array", "items": { "type": "object", "properties": { "line": { "type": "string" } } } },
              "old": { "type": "boolean" }
            } } ]
          }
        }
        """);

    private static readonly JObject After = SpecTrimmerTests.Spec(
        """
        "/jobs/{id}": { "get": { "operationId": "getJob" }, "post": { "operationId": "retryJob" } }
        """,
        """
        "schemas": {
          "GetSampleDspResponse": { "type": "object" },
          "Job": {
            "allOf": [ { "$ref": "#/components/schemas/Base" }, { "type": "object", "properties": {
              "id": { "type": "integer", "format": "int64" },
              "state": { "type": "string", "enum": [ "queued", "running" ] },
              "logs": { "type": "array", "items": { "type": "object", "properties": { "line": { "type": "string" }, "level": { "type": "string", "nullable": true } } } },
              "tags": { "type": "object", "additionalProperties": { "$ref": "#/components/schemas/Tag" } }
            } } ]
          }
        }
        """);

    [Test]
    public void Compare_ListsEveryKindOfChange()
    {
        var summary = SpecSummary.Compare(Before, After);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(summary.OperationsAdded, Is.EqualTo(new[] { "retryJob (POST /jobs/{id})" }));
            Assert.That(summary.OperationsRemoved, Is.EqualTo(new[] { "deleteJob (DELETE /jobs/{id})" }));
            Assert.That(summary.SchemasAdded, Is.EqualTo(new[] { "GetSampleDspResponse" }));
            Assert.That(summary.SchemasRemoved, Is.EqualTo(new[] { "GetSampleResponse" }));
            Assert.That(summary.MembersAdded, Is.EqualTo(new[] { "Job.logs[].level: string?", "Job.tags: map<Tag>" }));
            Assert.That(summary.MembersRemoved, Is.EqualTo(new[] { "Job.old" }));
            Assert.That(summary.MembersChanged, Is.EqualTo(new[] { "Job.id: integer -> integer(int64)" }));
            Assert.That(summary.EnumValuesAdded, Is.EqualTo(new[] { "Job.state: \"queued\"" }));
            Assert.That(summary.EnumValuesRemoved, Is.EqualTo(new[] { "Job.state: \"unknown\"" }));
        }
    }

    [Test]
    public void Lines_CountEachKind_ThenListTheChanges()
    {
        var lines = SpecSummary.Compare(Before, After).Lines();

        Assert.That(lines, Is.EqualTo(new[]
        {
            "operations: 1 added, 1 removed",
            "  + retryJob (POST /jobs/{id})",
            "  - deleteJob (DELETE /jobs/{id})",
            "schemas: 1 added, 1 removed",
            "  + GetSampleDspResponse",
            "  - GetSampleResponse",
            "members: 2 added, 1 removed, 1 changed type",
            "  + Job.logs[].level: string?",
            "  + Job.tags: map<Tag>",
            "  - Job.old",
            "  ~ Job.id: integer -> integer(int64)",
            "enum values: 1 added, 1 removed",
            "  + Job.state: \"queued\"",
            "  - Job.state: \"unknown\"",
        }));
    }

    [Test]
    public void Compare_OfASpecWithItself_IsEmpty()
    {
        var summary = SpecSummary.Compare(Before, Before.DeepClone());

        Assert.That(summary.IsEmpty, Is.True);
        Assert.That(summary.Lines(), Is.Empty);
    }
}
