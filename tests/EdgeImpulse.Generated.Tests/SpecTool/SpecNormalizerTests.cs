using System.Collections.Generic;
using System.IO;
using System.Linq;
using EdgeImpulse.Generated.SpecTool;
using EdgeImpulse.Generated.Tests.Infrastructure;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using NUnit.Framework;

namespace EdgeImpulse.Generated.Tests.SpecTool;

/// <summary>
/// The normalisation rules, each on a small synthetic spec; then the whole pass on today's spec (no change) and on the
/// full February 2026 upstream (Fixtures/SpecTool/upstream/edge-impulse-openapi.2026-02.yml, 544 operations).
/// </summary>
[TestFixture]
public sealed class SpecNormalizerTests
{
    private static readonly string Upstream202602 = TestPaths.Fixture("SpecTool/upstream/edge-impulse-openapi.2026-02.yml");

    [Test]
    public void UndeclaredSecurityScheme_IsDropped_AndAnEmptyRequirementNeverMeansAnonymous()
    {
        var spec = JObject.Parse("""
            {
              "security": [ { "ApiKey": [] } ],
              "components": { "securitySchemes": { "ApiKey": { "type": "apiKey", "in": "header", "name": "x-api-key" } } },
              "paths": { "/a": {
                "get": { "operationId": "onlyPermissions", "security": [ { "permissions": [ "users:emails:read" ] } ], "responses": { "200": { "description": "ok" } } },
                "put": { "operationId": "keyAndPermissions", "security": [ { "ApiKey": [], "permissions": [ "x" ] } ], "responses": { "200": { "description": "ok" } } },
                "post": { "operationId": "eitherOr", "security": [ { "permissions": [] }, { "ApiKey": [] } ], "responses": { "200": { "description": "ok" } } },
                "delete": { "operationId": "declaredOnly", "security": [ { "ApiKey": [] } ], "responses": { "200": { "description": "ok" } } } } }
            }
            """);

        var changes = SpecNormalizer.Normalize(spec);

        Assert.That(spec.SelectToken("paths['/a'].get.security"), Is.Null, "no requirement left: the document's default applies");
        Assert.That(spec.SelectToken("paths['/a'].put.security")!.ToString(Formatting.None), Is.EqualTo("""[{"ApiKey":[]}]"""));
        Assert.That(spec.SelectToken("paths['/a'].post.security")!.ToString(Formatting.None), Is.EqualTo("""[{"ApiKey":[]}]"""));
        Assert.That(spec.SelectToken("paths['/a'].delete.security")!.ToString(Formatting.None), Is.EqualTo("""[{"ApiKey":[]}]"""));
        Assert.That(changes.Select(c => c.Detail), Is.EqualTo(new[]
        {
            "onlyPermissions (now the document's default security): dropped permissions",
            "keyAndPermissions: dropped permissions",
            "eitherOr: dropped permissions",
        }));
        Assert.That(SpecNormalizer.Summarize(changes), Is.EqualTo(new[]
        {
            "SpecTool: normalized undeclared-security-schemes: 3 change(s): onlyPermissions (now the document's default security): dropped permissions; keyAndPermissions: dropped permissions; eitherOr: dropped permissions",
        }));
    }

    [Test]
    public void DuplicateAllOfProperty_KeepsTheReferencedComponentsDefinition_AndRemovesInlineRepeats()
    {
        var spec = JObject.Parse("""
            { "components": { "schemas": {
              "GenericApiResponse": { "type": "object", "properties": { "success": { "type": "boolean" } } },
              "User": { "type": "object", "properties": { "email": { "type": "string" }, "activated": { "type": "boolean" } } },
              "GetUserResponse": {
                "allOf": [
                  { "$ref": "#/components/schemas/GenericApiResponse" },
                  { "$ref": "#/components/schemas/User" },
                  { "type": "object", "required": [ "email" ], "properties": { "email": { "type": "string" }, "activated": { "type": "boolean" }, "projects": { "type": "array" } } } ],
                "properties": { "projects": { "type": "array" }, "success": { "type": "boolean" } } },
              "TwoComponents": { "allOf": [ { "$ref": "#/components/schemas/User" }, { "$ref": "#/components/schemas/User" } ] } } } }
            """);

        var changes = SpecNormalizer.Normalize(spec);

        var inline = spec.SelectToken("components.schemas.GetUserResponse.allOf[2]")!;
        Assert.That(((JObject)inline["properties"]!).Properties().Select(p => p.Name), Is.EqualTo(new[] { "projects" }));
        Assert.That(inline["required"]!.ToString(Formatting.None), Is.EqualTo("""["email"]"""), "still required: the property is User's now");
        Assert.That(spec.SelectToken("components.schemas.GetUserResponse.properties")!.HasValues, Is.False, "own repeats of members' properties go too");
        Assert.That(spec.SelectToken("components.schemas.User.properties.email"), Is.Not.Null, "a component is never edited");
        Assert.That(changes.Select(c => c.Detail), Is.EqualTo(new[]
        {
            "GetUserResponse: email (kept User's), activated (kept User's), projects (kept an inline member's), success (kept GenericApiResponse's)",
        }));
        Assert.That(SpecPreflight.Check(spec, "spec").Single(), Does.Contain("schema 'TwoComponents'"), "two components defining one name are left for the preflight to report");
    }

    [Test]
    public void ControlCharacters_AreRemovedFromProse_AndOnlyFromProse()
    {
        var spec = JObject.Parse("""
            { "components": { "schemas": { "S": {
              "description": "File\u001cseparator\u0007 and a\ttab\nline",
              "title": "T\u0085",
              "enum": [ "wire\u001cvalue" ],
              "properties": { "description": { "type": "string", "example": "x\u0001" } } } } } }
            """);

        var changes = SpecNormalizer.Normalize(spec);

        Assert.That((string?)spec.SelectToken("components.schemas.S.description"), Is.EqualTo("Fileseparator and a\ttab\nline"));
        Assert.That((string?)spec.SelectToken("components.schemas.S.title"), Is.EqualTo("T"));
        Assert.That((string?)spec.SelectToken("components.schemas.S.enum[0]"), Is.EqualTo("wire\u001cvalue"), "enum values are the wire format");
        Assert.That((string?)spec.SelectToken("components.schemas.S.properties.description.example"), Is.EqualTo("x\u0001"));
        Assert.That(changes.Select(c => c.Detail), Is.EqualTo(new[] { "components.schemas.S.description: 2 removed", "components.schemas.S.title: 1 removed" }));
    }

    [Test]
    public void RedirectOnlyOperation_GetsTheBinaryResultTheRedirectLeadsTo_OthersAreLeftAlone()
    {
        var spec = JObject.Parse("""
            { "paths": { "/export": {
              "get": { "operationId": "downloadExport", "responses": { "302": { "description": "A redirect to the ZIP file" } } },
              "post": { "operationId": "startExport", "responses": { "200": { "description": "ok" }, "302": { "description": "elsewhere" } } } } } }
            """);

        var changes = SpecNormalizer.Normalize(spec);

        Assert.That(spec.SelectToken("paths['/export'].get.responses['302']"), Is.Not.Null, "the redirect stays documented");
        Assert.That(spec.SelectToken("paths['/export'].get.responses['200'].content['application/octet-stream'].schema")!.ToString(Formatting.None), Is.EqualTo("""{"type":"string","format":"binary"}"""));
        Assert.That(((JObject)spec.SelectToken("paths['/export'].post.responses")!).Properties().Select(p => p.Name), Is.EqualTo(new[] { "200", "302" }));
        Assert.That(changes.Select(c => c.Detail), Is.EqualTo(new[] { "downloadExport (302)" }));
        Assert.That(SpecPreflight.Check(spec, "spec"), Is.Empty);
    }

    private const string InlineSpec = """
        { "components": { "schemas": {
          "Job": { "type": "object", "properties": {
            "id": { "type": "integer" },
            "created-by": { "type": "object", "properties": { "name": { "type": "string" }, "org": { "type": "object", "properties": { "id": { "type": "integer" } } } } },
            "steps": { "type": "array", "items": { "type": "object", "properties": { "ok": { "type": "boolean" } } } },
            "state": { "type": "string", "enum": [ "queued", "done" ] },
            "owner": { "$ref": "#/components/schemas/JobOwner" },
            "taken": { "type": "object", "properties": { "x": { "type": "string" } } },
            "described": { "description": "a described reference", "allOf": [ { "$ref": "#/components/schemas/JobOwner" } ] },
            "input": { "oneOf": [ { "$ref": "#/components/schemas/JobOwner" } ], "discriminator": { "propertyName": "kind" } },
            "metrics": { "type": "object", "additionalProperties": { "type": "object", "properties": { "f1": { "type": "number" } } } } } },
          "JobOwner": { "type": "object" },
          "JobTaken": { "type": "string" } } },
          "paths": { "/jobs": { "post": { "operationId": "startJob",
            "requestBody": { "content": { "application/json": { "schema": { "type": "object", "properties": { "force": { "type": "boolean" } } } } } },
            "responses": { "200": { "description": "ok", "content": { "application/json": { "schema": { "anyOf": [ { "$ref": "#/components/schemas/Job" }, { "type": "object", "properties": { "queued": { "type": "boolean" } } } ] } } } } } } },
            "/upload": { "post": { "operationId": "upload",
            "requestBody": { "content": { "multipart/form-data": { "schema": { "type": "object", "properties": { "file": { "type": "string", "format": "binary" } } } } } },
            "responses": { "200": { "description": "ok" } } } } } }
        """;

    [Test]
    public void InlineSchemaNames_IsOffByDefault()
    {
        var spec = JObject.Parse(InlineSpec);

        Assert.That(SpecNormalizer.Normalize(spec), Is.Empty);
        Assert.That(JToken.DeepEquals(spec, JObject.Parse(InlineSpec)), Is.True);
    }

    [Test]
    public void InlineSchemaNames_WhenOn_NamesEveryInlineObjectAndEnum_ParentThenProperty_Recursively()
    {
        var spec = JObject.Parse(InlineSpec);

        var changes = SpecNormalizer.Normalize(spec, new NormalizerOptions(NameInlineSchemas: true));

        Assert.That(changes.Select(c => c.Detail), Is.EqualTo(new[]
        {
            "JobCreatedBy", "JobCreatedByOrg", "JobStepsItem", "JobState",
            "components.schemas.Job.properties.taken left inline: JobTaken is taken",
            "JobMetricsValue", "StartJobRequest", "StartJobResponse",
        }));
        Assert.That(spec.SelectToken("components.schemas.Job.properties.described.allOf[0].$ref"), Is.Not.Null, "a described reference is not a new type");
        Assert.That(spec.SelectToken("components.schemas.Job.properties.input.oneOf"), Is.Not.Null, "a discriminated oneOf stays inline (NSwag mistypes it once hoisted)");
        Assert.That((string?)spec.SelectToken("components.schemas.Job.properties.metrics.additionalProperties.$ref"), Is.EqualTo("#/components/schemas/JobMetricsValue"));
        Assert.That((string?)spec.SelectToken("paths['/jobs'].post.responses['200'].content['application/json'].schema.$ref"), Is.EqualTo("#/components/schemas/StartJobResponse"));
        Assert.That(spec.SelectToken("paths['/upload'].post.requestBody.content['multipart/form-data'].schema.properties"), Is.Not.Null, "form bodies stay inline (NSwag makes their fields parameters)");
        Assert.That((string?)spec.SelectToken("components.schemas.Job.properties['created-by'].$ref"), Is.EqualTo("#/components/schemas/JobCreatedBy"));
        Assert.That((string?)spec.SelectToken("components.schemas.JobCreatedBy.properties.org.$ref"), Is.EqualTo("#/components/schemas/JobCreatedByOrg"));
        Assert.That((string?)spec.SelectToken("components.schemas.Job.properties.steps.items.$ref"), Is.EqualTo("#/components/schemas/JobStepsItem"));
        Assert.That(spec.SelectToken("components.schemas.JobState.enum")!.ToString(Formatting.None), Is.EqualTo("""["queued","done"]"""));
        Assert.That((string?)spec.SelectToken("components.schemas.Job.properties.owner.$ref"), Is.EqualTo("#/components/schemas/JobOwner"));
        Assert.That(SpecNormalizer.Normalize(spec, new NormalizerOptions(NameInlineSchemas: true)).Select(c => c.Detail), Is.EqualTo(new[] { "components.schemas.Job.properties.taken left inline: JobTaken is taken" }), "idempotent apart from the clash it reports");
    }

    [Test]
    public void RepositorySpec_NeedsNoNormalisation_AndInlineNamingWouldChangeIt_SoItStaysOff()
    {
        var spec = (JObject)YamlJson.Load(TestPaths.Spec);

        Assert.That(SpecNormalizer.Normalize(spec), Is.Empty, "today's spec, and so today's generated client, is unchanged");

        // After the corrections (x-hoist names 30 inline types) some inline schemas are still left to NSwag's naming;
        // switching the rule on would rename their generated types, a public API change, so it is off by default.
        Overlay.Apply(spec, YamlJson.Load(TestPaths.Corrections), "corrections.overlay.yaml");
        Assert.That(SpecNormalizer.Normalize(spec, new NormalizerOptions(NameInlineSchemas: true)).Where(c => c.Rule == SpecNormalizer.InlineSchemaNames), Is.Not.Empty);
    }

    [Test]
    public void Upstream202602_WholePass_FixesEveryKnownClass_AndASecondPassChangesNothing()
    {
        var spec = (JObject)YamlJson.Load(Upstream202602);

        var changes = SpecNormalizer.Normalize(spec);

        var byRule = changes.GroupBy(c => c.Rule).ToDictionary(g => g.Key, g => g.Select(c => c.Detail).ToList());
        Assert.That(byRule.Keys, Is.EquivalentTo(new[] { SpecNormalizer.UndeclaredSecurity, SpecNormalizer.DuplicateAllOfProperties, SpecNormalizer.RedirectOnlyResponses }), "no control characters in this copy");
        Assert.That(byRule[SpecNormalizer.UndeclaredSecurity], Is.EquivalentTo(new[]
        {
            "listEmailsCurrentUser (now the document's default security): dropped permissions",
            "listEmailsUser (now the document's default security): dropped permissions",
            "setProjectComputeTimeLimit (now the document's default security): dropped permissions",
            "setProjectFileSizeLimit (now the document's default security): dropped permissions",
        }));
        Assert.That(byRule[SpecNormalizer.DuplicateAllOfProperties].Select(d => d[..d.IndexOf(':', System.StringComparison.Ordinal)]), Is.EquivalentTo(new[] { "AdminApiUser", "AdminApiOrganization", "GetUserResponse", "CreateEnterpriseTrialUserRequest" }));
        Assert.That(byRule[SpecNormalizer.RedirectOnlyResponses], Is.EquivalentTo(new[] { "userUpgradeSubscription (302)", "whitelabelAdminDownloadOrganizationUsageReport (302)", "downloadOrganizationDataExport (302)" }));
        Assert.That(SpecPreflight.Check(spec, "upstream"), Is.Empty, "nothing left that NSwag is known to stop on");
        Assert.That(SpecNormalizer.Normalize(spec), Is.Empty, "idempotent");
    }

    [Test]
    public void Upstream202602_UpdateOfEveryOperation_TrimsWithoutErrors_AndReportsOnlyWhatItKept()
    {
        var directory = Path.Combine(Path.GetTempPath(), "spectool-" + System.Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
        try
        {
            var ids = SpecTrimmer.Operations(YamlJson.Load(Upstream202602)).Select(o => (string)o.Operation["operationId"]!).ToList();
            var operations = Path.Combine(directory, "operations.txt");
            File.WriteAllLines(operations, ids);
            var overlay = Path.Combine(directory, "overlay.yaml");
            File.WriteAllText(overlay, "overlay: 1.0.0\ninfo: { title: t, version: 1.0.0 }\nactions:\n  - target: $.info\n    description: applies\n    update: { x-checked: true }\n");

            var result = SpecUpdate.Run(new UpdateOptions(Upstream202602, operations, Path.Combine(directory, "openapi.yaml"), overlay));

            Assert.That(ids, Has.Count.EqualTo(544));
            Assert.That(result.Errors, Is.Empty, "the undeclared 'permissions' scheme no longer stops the trim");
            Assert.That(result.Kept, Does.StartWith("544 of 544 operations"));
            // AdminApiOrganization is reachable from no operation of this copy: the trim drops it, and so does the report.
            Assert.That(result.Normalized.Where(c => c.Rule == SpecNormalizer.DuplicateAllOfProperties).Select(c => c.Detail[..c.Detail.IndexOf(':', System.StringComparison.Ordinal)]),
                Is.EquivalentTo(new[] { "AdminApiUser", "GetUserResponse", "CreateEnterpriseTrialUserRequest" }));
            Assert.That(SpecPreflight.Check((JObject)YamlJson.Load(Path.Combine(directory, "openapi.yaml")), "openapi.yaml"), Is.Empty);
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    [TestCase("dsp-blocks", "DspBlocks")]
    [TestCase("createdByUser", "CreatedByUser")]
    [TestCase("axis_labels", "AxisLabels")]
    [TestCase("3d", "3d")]
    public void Pascal_JoinsTheWordsOfAPropertyName(string name, string expected) => Assert.That(SpecNormalizer.Pascal(name), Is.EqualTo(expected));

    [Test]
    public void Summarize_IsQuietWhenNothingChanged_AndShowsAtMostFivePlacesPerRule()
    {
        var changes = Enumerable.Range(1, 7).Select(i => new NormalizationChange("rule", $"p{i}", $"d{i}")).ToList();

        Assert.That(SpecNormalizer.Summarize(new List<NormalizationChange>()), Is.Empty);
        Assert.That(SpecNormalizer.Summarize(changes), Is.EqualTo(new[] { "SpecTool: normalized rule: 7 change(s): d1; d2; d3; d4; d5; and 2 more" }));
    }
}
