using System.Linq;
using EdgeImpulse.Generated.SpecTool;
using EdgeImpulse.Generated.Tests.Infrastructure;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using NUnit.Framework;
using RestSharp;

namespace EdgeImpulse.Generated.Tests.SpecTool;

/// <summary>The ".NET naming" rules (<c>--dotnet-naming</c>), each on a small synthetic spec.</summary>
[TestFixture]
public sealed class DotNetNamingTests
{
    private static readonly NormalizerOptions On = new(DotNetNaming: true);

    private const string NamingSpec = """
        {
          "tags": [ { "name": "Raw data" }, { "name": "DSP" } ],
          "paths": {
            "/dsp/{id}/features": { "get": { "operationId": "dspGetFeaturesForSample", "tags": [ "DSP" ],
              "responses": { "200": { "description": "ok", "content": { "application/json": { "schema": { "$ref": "#/components/schemas/DSPConfig" } } } } } } },
            "/dsp/{id}/other": { "get": { "operationId": "getFeaturesForSample", "tags": [ "DSP" ], "responses": { "200": { "description": "ok" } } },
                                 "put": { "operationId": "dspGetThing", "tags": [ "DSP" ], "responses": { "200": { "description": "ok" } } } },
            "/raw": { "get": { "operationId": "rawDataListSamples", "tags": [ "Raw data" ], "responses": { "200": { "description": "ok" } } },
                      "put": { "operationId": "dspy", "tags": [ "DSP" ], "responses": { "200": { "description": "ok" } } } },
            "/jobs/{jobId}/cancel": { "post": { "operationId": "cancelJob", "tags": [ "Jobs" ],
              "parameters": [
                { "$ref": "#/components/parameters/ForceCancelParameter" },
                { "name": "verbose", "in": "query", "description": "Either 'true' or 'false'.", "schema": { "type": "string", "default": "false" } },
                { "name": "mode", "in": "query", "schema": { "type": "string", "enum": [ "true", "false" ] } },
                { "name": "metadata", "in": "query", "description": "A JSON filter.", "schema": { "type": "string", "example": "[ { \"no_metadata\": true } ]" } },
                { "name": "X-Flag", "in": "header", "description": "If set to 'true', ...", "schema": { "type": "string" } } ],
              "responses": { "200": { "description": "ok" } } } }
          },
          "components": {
            "parameters": { "ForceCancelParameter": { "name": "forceCancel", "in": "query", "required": false,
              "description": "If set to 'true', we won't wait for the job cluster to cancel the job.", "schema": { "type": "string" } } },
            "schemas": {
              "DSPConfig": { "type": "object", "properties": { "block": { "$ref": "#/components/schemas/DSPBlock" }, "state": { "$ref": "#/components/schemas/JobStateEnum" } } },
              "DSPBlock": { "oneOf": [ { "$ref": "#/components/schemas/DSPConfig" } ], "discriminator": { "propertyName": "t", "mapping": { "c": "#/components/schemas/DSPConfig" } } },
              "JobStateEnum": { "type": "string", "enum": [ "queued", "done" ] },
              "TypeEnum": { "type": "string", "enum": [ "a" ] },
              "Type": { "type": "object" },
              "AIActionsConfig": { "type": "object" },
              "ProjectOCRResult": { "type": "object" },
              "ProjectOcrResult": { "type": "object" },
              "OTAUpdate": { "type": "object" },
              "OtaUPDATE": { "type": "object" }
            }
          }
        }
        """;

    [TestCase("DSPConfig", "DspConfig")]
    [TestCase("DSP", "Dsp")]
    [TestCase("Raw data", "RawData")]
    [TestCase("dspGetFeaturesForSample", "DspGetFeaturesForSample")]
    [TestCase("AIActionsConfig", "AIActionsConfig")]
    [TestCase("GetJWTRequestSsoType", "GetJwtRequestSsoType")]
    [TestCase("Float32Array", "Float32Array")]
    [TestCase("ObjectDetectionLastLayer", "ObjectDetectionLastLayer")]
    [TestCase("organization_data_item", "OrganizationDataItem")]
    public void Casing_GivesDotNetNames_KeepingTwoLetterAcronyms(string name, string expected) =>
        Assert.That(DotNetNaming.Casing(name), Is.EqualTo(expected));

    [Test]
    public void IsOffByDefault()
    {
        var spec = JObject.Parse(NamingSpec);

        Assert.That(SpecNormalizer.Normalize(spec), Is.Empty);
        Assert.That(JToken.DeepEquals(spec, JObject.Parse(NamingSpec)), Is.True);
    }

    [Test]
    public void Tags_BecomePascalCase_InOperationsAndTheDocumentsTagList()
    {
        var spec = JObject.Parse(NamingSpec);

        var changes = SpecNormalizer.Normalize(spec, On);

        Assert.That(Details(changes, DotNetNaming.TagNames), Is.EqualTo(new[] { "DSP -> Dsp", "Raw data -> RawData" }));
        Assert.That(spec["tags"]!.Select(t => (string?)t["name"]), Is.EqualTo(new[] { "RawData", "Dsp" }));
        Assert.That((string?)spec.SelectToken("paths['/raw'].get.tags[0]"), Is.EqualTo("RawData"));
        Assert.That((string?)spec.SelectToken("paths['/jobs/{jobId}/cancel'].post.tags[0]"), Is.EqualTo("Jobs"), "already .NET: untouched");
    }

    [Test]
    public void SchemaNames_GetDotNetCasing_AndLoseAnEnumSuffix_WithEveryReferenceAndMappingFollowing()
    {
        var spec = JObject.Parse(NamingSpec);

        var changes = SpecNormalizer.Normalize(spec, On);

        var schemas = ((JObject)spec.SelectToken("components.schemas")!).Properties().Select(p => p.Name).ToList();
        Assert.That(schemas, Does.Contain("DspConfig").And.Contain("DspBlock").And.Contain("JobState").And.Contain("AIActionsConfig"));
        Assert.That(schemas, Does.Not.Contain("DSPConfig").And.Not.Contain("JobStateEnum"));
        Assert.That((string?)spec.SelectToken("components.schemas.DspConfig.properties.block.$ref"), Is.EqualTo("#/components/schemas/DspBlock"));
        Assert.That((string?)spec.SelectToken("components.schemas.DspConfig.properties.state.$ref"), Is.EqualTo("#/components/schemas/JobState"));
        Assert.That((string?)spec.SelectToken("components.schemas.DspBlock.oneOf[0].$ref"), Is.EqualTo("#/components/schemas/DspConfig"));
        Assert.That((string?)spec.SelectToken("components.schemas.DspBlock.discriminator.mapping.c"), Is.EqualTo("#/components/schemas/DspConfig"));
        Assert.That((string?)spec.SelectToken("paths['/dsp/{id}/features'].get.responses['200'].content['application/json'].schema.$ref"), Is.EqualTo("#/components/schemas/DspConfig"));
        var schemaReferences = spec.Descendants().OfType<JProperty>().Where(p => p.Name is "$ref" or "c").Select(p => (string)p.Value!)
            .Where(r => r.StartsWith("#/components/schemas/", System.StringComparison.Ordinal)).Select(r => r["#/components/schemas/".Length..]).Distinct().ToList();
        Assert.That(schemaReferences, Is.Not.Empty.And.SubsetOf(schemas), "no dangling reference");
        Assert.That(Details(changes, DotNetNaming.SchemaNames), Is.EquivalentTo(new[]
        {
            "DSPBlock -> DspBlock", "DSPConfig -> DspConfig", "JobStateEnum -> JobState",
            "collision: ProjectOCRResult, ProjectOcrResult would all be ProjectOcrResult; kept as they are",
            "collision: OTAUpdate, OtaUPDATE would all be OtaUpdate; kept as they are",
        }));
        Assert.That(schemas, Does.Contain("TypeEnum"), "the suffix stays when the bare name is taken");
        Assert.That(schemas, Does.Contain("ProjectOCRResult").And.Contain("ProjectOcrResult").And.Contain("OTAUpdate").And.Contain("OtaUPDATE"));
    }

    [Test]
    public void OperationNames_LoseTheirClientsName_AndKeepTheWireOperationId()
    {
        var spec = JObject.Parse(NamingSpec);

        var changes = SpecNormalizer.Normalize(spec, On);

        var features = spec.SelectToken("paths['/dsp/{id}/features'].get")!;
        var thing = spec.SelectToken("paths['/dsp/{id}/other'].put")!;
        Assert.That((string?)thing["operationId"], Is.EqualTo("getThing"));
        Assert.That((string?)thing[DotNetNaming.WireOperationIdExtension], Is.EqualTo("dspGetThing"));
        Assert.That((string?)features["operationId"], Is.EqualTo("dspGetFeaturesForSample"), "Dsp already has GetFeaturesForSample: kept");
        Assert.That(features[DotNetNaming.WireOperationIdExtension], Is.Null);
        Assert.That((string?)spec.SelectToken("paths['/raw'].get.operationId"), Is.EqualTo("listSamples"), "a multi-word tag is a prefix too");
        Assert.That((string?)spec.SelectToken("paths['/raw'].put.operationId"), Is.EqualTo("dspy"), "not a word boundary");
        Assert.That(Details(changes, DotNetNaming.OperationNames), Is.EquivalentTo(new[]
        {
            "dspGetFeaturesForSample kept: Dsp already has an operation named GetFeaturesForSample",
            "dspGetThing -> Dsp.GetThing",
            "rawDataListSamples -> RawData.ListSamples",
        }));
    }

    [Test]
    public void StringQueryParameters_DocumentedAsFlags_BecomeBooleans_OthersStayStrings()
    {
        var spec = JObject.Parse(NamingSpec);

        var changes = SpecNormalizer.Normalize(spec, On);

        var parameters = spec.SelectToken("paths['/jobs/{jobId}/cancel'].post.parameters")!;
        Assert.That((string?)spec.SelectToken("components.parameters.ForceCancelParameter.schema.type"), Is.EqualTo("boolean"));
        Assert.That(parameters[1]!["schema"]!.ToString(Formatting.None), Is.EqualTo("""{"type":"boolean","default":false}"""));
        Assert.That(parameters[2]!["schema"]!.ToString(Formatting.None), Is.EqualTo("""{"type":"boolean"}"""));
        Assert.That((string?)parameters[3]!.SelectToken("schema.type"), Is.EqualTo("string"), "'true' in an example is no flag");
        Assert.That((string?)parameters[4]!.SelectToken("schema.type"), Is.EqualTo("string"), "headers are not touched");
        Assert.That(Details(changes, DotNetNaming.StringBooleans), Has.Length.EqualTo(3));
    }

    [TestCase(true, "true")]
    [TestCase(false, "false")]
    public void BooleanQueryValues_AreWrittenAsTheStringsTheSpecDocumented(bool value, string wire)
    {
        var request = new RestRequest("jobs/1/cancel");

        ApiConnection.AddQuery(request, "forceCancel", value);

        Assert.That(request.Parameters.Single().Value, Is.EqualTo(wire), "the wire is unchanged by the string -> boolean rule");
    }

    [Test]
    public void EnumMembers_WithSeparatorsInTheirValues_GetDotNetNames_AndTheValuesStay()
    {
        var spec = JObject.Parse("""
            {
              "paths": { "/x": { "get": { "operationId": "x", "parameters": [
                { "name": "license", "in": "query", "schema": { "type": "string", "enum": [ "apache-2.0", "mit" ] } } ],
                "responses": { "200": { "description": "ok" } } } } },
              "components": { "schemas": {
                "Mode": { "type": "string", "enum": [ "audio_continuous", "singleLabel", "DSP" ] },
                "Plain": { "type": "string", "enum": [ "queued", "done" ] },
                "Clash": { "type": "string", "enum": [ "a_b", "AB" ] },
                "Digit": { "type": "string", "enum": [ "1d-conv", "flat" ] },
                "Named": { "type": "string", "enum": [ "a_b" ], "x-enumNames": [ "Mine" ] }
              } }
            }
            """);

        var changes = SpecNormalizer.Normalize(spec, On);

        Assert.That(spec.SelectToken("components.schemas.Mode['x-enumNames']")!.ToObject<string[]>(), Is.EqualTo(new[] { "AudioContinuous", "SingleLabel", "DSP" }), "only the separated value is recased");
        Assert.That(spec.SelectToken("components.schemas.Mode.enum")!.ToObject<string[]>(), Is.EqualTo(new[] { "audio_continuous", "singleLabel", "DSP" }), "the wire values stay");
        Assert.That(spec.SelectToken("paths['/x'].get.parameters[0].schema['x-enumNames']")!.ToObject<string[]>(), Is.EqualTo(new[] { "Apache20", "Mit" }), "inline enums too");
        Assert.That(spec.SelectToken("components.schemas.Plain['x-enumNames']"), Is.Null, "nothing to fix");
        Assert.That(spec.SelectToken("components.schemas.Clash['x-enumNames']"), Is.Null);
        Assert.That(spec.SelectToken("components.schemas.Digit['x-enumNames']"), Is.Null);
        Assert.That(spec.SelectToken("components.schemas.Named['x-enumNames']")!.ToObject<string[]>(), Is.EqualTo(new[] { "Mine" }), "names the spec gives are kept");
        Assert.That(Details(changes, DotNetNaming.EnumMemberNames), Is.EquivalentTo(new[]
        {
            "audio_continuous -> AudioContinuous",
            "apache-2.0 -> Apache20",
            "kept NJsonSchema's names: shared: AB",
            "kept NJsonSchema's names: not identifiers: '1DConv'",
        }));
    }

    [Test]
    public void PathParameters_WithSeparators_AreRenamedInTheParameterAndThePath_QueryNamesStay()
    {
        var spec = JObject.Parse("""
            {
              "paths": {
                "/networks/{network_id}/": {
                  "parameters": [ { "name": "network_id", "in": "path", "required": true, "schema": { "type": "integer" } } ],
                  "get": { "operationId": "getNetwork", "parameters": [ { "name": "page_size", "in": "query", "schema": { "type": "integer" } } ], "responses": { "200": { "description": "ok" } } },
                  "delete": { "operationId": "deleteNetwork", "responses": { "204": { "description": "gone" } } } },
                "/a/{a_b}/{aB}": { "get": { "operationId": "clash", "parameters": [
                  { "name": "a_b", "in": "path", "required": true, "schema": { "type": "string" } },
                  { "name": "aB", "in": "path", "required": true, "schema": { "type": "string" } } ], "responses": { "200": { "description": "ok" } } } }
              }
            }
            """);

        var changes = SpecNormalizer.Normalize(spec, On);

        var paths = ((JObject)spec["paths"]!).Properties().Select(p => p.Name).ToList();
        Assert.That(paths, Is.EqualTo(new[] { "/networks/{networkId}/", "/a/{a_b}/{aB}" }), "same order; the clash keeps its name");
        Assert.That((string?)spec.SelectToken("paths['/networks/{networkId}/'].parameters[0].name"), Is.EqualTo("networkId"));
        Assert.That((string?)spec.SelectToken("paths['/networks/{networkId}/'].get.parameters[0].name"), Is.EqualTo("page_size"), "a query name is the wire's");
        Assert.That(Details(changes, DotNetNaming.PathParameterNames), Is.EquivalentTo(new[]
        {
            "network_id -> networkId in /networks/{networkId}/",
            "/a/{a_b}/{aB} (a_b) kept: 'aB' is not free",
        }));
    }

    [Test]
    public void IsIdempotent()
    {
        var spec = JObject.Parse(NamingSpec);
        SpecNormalizer.Normalize(spec, On);
        var once = spec.DeepClone();

        var again = SpecNormalizer.Normalize(spec, On);

        Assert.That(JToken.DeepEquals(spec, once), Is.True);
        Assert.That(again.Where(c => !c.Detail.Contains("collision", System.StringComparison.Ordinal) && !c.Detail.Contains("kept:", System.StringComparison.Ordinal)), Is.Empty, "only the refusals are reported again");
    }

    [Test]
    public void RepositorySpec_WouldBeRenamed_SoTheSwitchStaysOffForIt()
    {
        var spec = (JObject)YamlJson.Load(TestPaths.Spec);
        Overlay.Apply(spec, YamlJson.Load(TestPaths.Corrections), "corrections.overlay.yaml");

        var changes = SpecNormalizer.Normalize(spec, On);

        Assert.That(changes.Select(c => c.Rule), Does.Contain(DotNetNaming.SchemaNames), "e.g. DSPConfigRequest -> DspConfigRequest: public types would be renamed");
    }

    [Test]
    public void Update_WithDotNetNaming_KeepsTheScopeInUpstreamsOperationIds_AndRenamesAfterTheTrim()
    {
        var directory = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "spectool-naming-" + System.Guid.NewGuid().ToString("N"));
        System.IO.Directory.CreateDirectory(directory);
        try
        {
            var operations = System.IO.Path.Combine(directory, "operations.txt");
            System.IO.File.WriteAllLines(operations, ["dspGetFeaturesForSample", "cancelJob", "getDspConfig"]);
            var overlay = System.IO.Path.Combine(directory, "overlay.yaml");
            System.IO.File.WriteAllText(overlay, "overlay: 1.0.0\ninfo: { title: t, version: 1.0.0 }\nactions:\n  - target: $.info\n    description: applies\n    update: { x-checked: true }\n");
            var output = System.IO.Path.Combine(directory, "openapi.yaml");

            var result = SpecUpdate.Run(new UpdateOptions(TestPaths.Fixture("SpecTool/upstream/edge-impulse-openapi.2026-02.yml"), operations, output, overlay, On));

            Assert.That(result.Errors, Is.Empty, "the scope names upstream's operationIds, which the rule rewrites only after the trim");
            var written = YamlJson.Load(output);
            var renamed = SpecTrimmer.Operations(written).Single(o => (string?)o.Operation[DotNetNaming.WireOperationIdExtension] == "dspGetFeaturesForSample").Operation;
            Assert.That((string?)renamed["operationId"], Is.EqualTo("getFeaturesForSample"));
            Assert.That((string?)renamed.SelectToken("tags[0]"), Is.EqualTo("Dsp"));
            Assert.That(written.SelectToken("components.schemas.DspConfigResponse"), Is.Not.Null);
            Assert.That(written.SelectToken("components.schemas.DSPConfigResponse"), Is.Null);
            Assert.That((string?)written.SelectToken("components.parameters.ForceCancelParameter.schema.type"), Is.EqualTo("boolean"));
            Assert.That(result.Normalized.Select(c => c.Rule), Does.Contain(DotNetNaming.OperationNames).And.Contain(DotNetNaming.SchemaNames));
        }
        finally
        {
            System.IO.Directory.Delete(directory, recursive: true);
        }
    }

    private static string[] Details(System.Collections.Generic.IEnumerable<NormalizationChange> changes, string rule) =>
        changes.Where(c => c.Rule == rule).Select(c => c.Detail).ToArray();
}
