using EdgeImpulse.Generated.SpecTool;
using EdgeImpulse.Generated.Tests.Infrastructure;
using Newtonsoft.Json.Linq;
using NUnit.Framework;

namespace EdgeImpulse.Generated.Tests.SpecTool;

/// <summary>What NSwag cannot generate is reported before it runs, naming the schema or operation concerned.</summary>
[TestFixture]
public sealed class SpecPreflightTests
{
    [Test]
    public void RedirectOnlyOperation_IsReportedByOperationId()
    {
        var spec = JObject.Parse("""
            { "paths": { "/export": { "get": { "operationId": "downloadExport", "responses": { "302": { "description": "to the ZIP" } } } } } }
            """);

        var problems = SpecPreflight.Check(spec, "openapi.yaml");

        Assert.That(problems, Has.Count.EqualTo(1));
        Assert.That(problems[0], Does.StartWith("openapi.yaml: operation 'downloadExport' (GET /export) declares only redirect responses (302)"));
    }

    [Test]
    public void DuplicateProperty_BetweenAnInlineMemberAndAComponent_NamesBoth()
    {
        var spec = JObject.Parse("""
            { "components": { "schemas": {
              "User": { "type": "object", "properties": { "email": { "type": "string" } } },
              "GetUserResponse": { "allOf": [ { "$ref": "#/components/schemas/User" }, { "type": "object", "properties": { "email": { "type": "string" } } } ] } } } }
            """);

        var problems = SpecPreflight.Check(spec, "openapi.yaml");

        Assert.That(problems, Has.Count.EqualTo(1));
        Assert.That(problems[0], Does.Contain("schema 'GetUserResponse'").And.Contain("'email' in User and allOf[1] (inline)"));
    }

    [Test]
    public void ControlCharacterInASummary_IsReportedWithItsPath()
    {
        var spec = JObject.Parse("""{ "paths": { "/a": { "get": { "operationId": "a", "summary": "x\u001cy", "responses": { "200": { "description": "ok" } } } } } }""");

        var problems = SpecPreflight.Check(spec, "openapi.yaml");

        Assert.That(problems, Is.EqualTo(new[] { "openapi.yaml: paths['/a'].get.summary contains control character(s) U+001C; NSwag cannot write them into doc comments." }));
    }

    [Test]
    public void RepositorySpec_Corrected_HasNoProblems()
    {
        var document = (JObject)YamlJson.Load(TestPaths.Spec);
        Overlay.Apply(document, YamlJson.Load(TestPaths.Corrections), "corrections.overlay.yaml");

        Assert.That(SpecPreflight.Check(document, "openapi.yaml"), Is.Empty);
    }
}
