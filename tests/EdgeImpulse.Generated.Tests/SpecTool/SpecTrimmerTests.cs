using System.Linq;
using EdgeImpulse.Generated.SpecTool;
using Newtonsoft.Json.Linq;
using NUnit.Framework;

namespace EdgeImpulse.Generated.Tests.SpecTool;

/// <summary>Crafted mini-specs: which operations and components a trim keeps, and what it reports.</summary>
[TestFixture]
public sealed class SpecTrimmerTests
{
    [Test]
    public void Trim_KeepsTheListedOperation_ItsPathLevelFields_AndNoOtherMethodOfThatPath()
    {
        var upstream = Spec(
            """
            "/items/{id}": {
              "summary": "An item",
              "parameters": [ { "$ref": "#/components/parameters/Id" } ],
              "get": { "operationId": "getItem", "responses": { "200": { "description": "OK" } } },
              "delete": { "operationId": "deleteItem", "responses": { "200": { "$ref": "#/components/responses/Deleted" } } }
            },
            "/other": { "get": { "operationId": "getOther", "responses": { "200": { "description": "OK" } } } }
            """,
            """
            "parameters": { "Id": { "name": "id", "in": "path", "required": true, "schema": { "type": "integer" } } },
            "responses": { "Deleted": { "description": "gone" } }
            """);

        var result = SpecTrimmer.Trim(upstream, ["getItem"], "up.yaml");

        Assert.That(result.Errors, Is.Empty);
        Assert.That(Keys(result.Spec["paths"]), Is.EqualTo(new[] { "/items/{id}" }));
        Assert.That(Keys(result.Spec["paths"]!["/items/{id}"]), Is.EqualTo(new[] { "summary", "parameters", "get" }));
        Assert.That(ComponentNames(result.Spec), Is.EqualTo(new[] { "parameters/Id" }), "the deleted method's response is not kept");
    }

    [Test]
    public void Trim_FollowsAReferenceCycle_AndKeepsEachComponentOnce()
    {
        var upstream = Spec(
            Get("getA", "A"),
            """
            "schemas": {
              "A": { "type": "object", "properties": { "b": { "$ref": "#/components/schemas/B" } } },
              "B": { "type": "object", "properties": { "a": { "$ref": "#/components/schemas/A" }, "self": { "$ref": "#/components/schemas/B" } } },
              "Unrelated": { "type": "string" }
            }
            """);

        var result = SpecTrimmer.Trim(upstream, ["getA"], "up.yaml");

        Assert.That(result.Errors, Is.Empty);
        Assert.That(ComponentNames(result.Spec), Is.EqualTo(new[] { "schemas/A", "schemas/B" }));
    }

    [Test]
    public void Trim_FollowsAllOfChains_AndEveryOtherPlaceASchemaCanBeReferenced()
    {
        var upstream = Spec(
            Get("getResponse", "Response"),
            """
            "schemas": {
              "Response": { "allOf": [ { "$ref": "#/components/schemas/Envelope" }, { "type": "object", "properties": { "items": { "type": "array", "items": { "$ref": "#/components/schemas/Item" } } } } ] },
              "Envelope": { "allOf": [ { "$ref": "#/components/schemas/Base" } ] },
              "Base": { "type": "object", "properties": { "meta": { "type": "object", "additionalProperties": { "$ref": "#/components/schemas/MapValue" } } } },
              "Item": { "oneOf": [ { "$ref": "#/components/schemas/OneOfPart" } ], "anyOf": [ { "$ref": "#/components/schemas/AnyOfPart" } ], "not": { "$ref": "#/components/schemas/NotPart" } },
              "MapValue": { "type": "number" },
              "OneOfPart": { "type": "string" },
              "AnyOfPart": { "type": "integer" },
              "NotPart": { "type": "boolean" },
              "Unused": { "allOf": [ { "$ref": "#/components/schemas/Base" } ] }
            }
            """);

        var result = SpecTrimmer.Trim(upstream, ["getResponse"], "up.yaml");

        Assert.That(result.Errors, Is.Empty);
        Assert.That(ComponentNames(result.Spec), Is.EqualTo(new[]
        {
            "schemas/AnyOfPart", "schemas/Base", "schemas/Envelope", "schemas/Item", "schemas/MapValue", "schemas/NotPart", "schemas/OneOfPart", "schemas/Response",
        }));
    }

    [Test]
    public void Trim_KeepsSharedParameters_RequestBodies_Headers_AndTheSchemasTheyReference()
    {
        var upstream = Spec(
            """
            "/a/{id}": {
              "parameters": [ { "$ref": "#/components/parameters/Id" } ],
              "post": {
                "operationId": "postA",
                "parameters": [ { "$ref": "#/components/parameters/Limit" } ],
                "requestBody": { "$ref": "#/components/requestBodies/Body" },
                "responses": { "default": { "$ref": "#/components/responses/Error" } }
              }
            },
            "/b/{id}": { "get": { "operationId": "getB", "parameters": [ { "$ref": "#/components/parameters/Id" } ], "responses": { "200": { "description": "OK" } } } }
            """,
            """
            "parameters": {
              "Id": { "name": "id", "in": "path", "required": true, "schema": { "$ref": "#/components/schemas/IdValue" } },
              "Limit": { "name": "limit", "in": "query", "schema": { "type": "integer" } },
              "Unused": { "name": "unused", "in": "query", "schema": { "type": "string" } }
            },
            "requestBodies": { "Body": { "content": { "application/json": { "schema": { "$ref": "#/components/schemas/BodyValue" } } } } },
            "responses": { "Error": { "description": "error", "headers": { "X-Rate": { "$ref": "#/components/headers/Rate" } } } },
            "headers": { "Rate": { "schema": { "type": "integer" } } },
            "schemas": { "IdValue": { "type": "integer" }, "BodyValue": { "type": "object" } }
            """);

        var result = SpecTrimmer.Trim(upstream, ["postA", "getB"], "up.yaml");

        Assert.That(result.Errors, Is.Empty);
        Assert.That(ComponentNames(result.Spec), Is.EqualTo(new[]
        {
            "headers/Rate", "parameters/Id", "parameters/Limit", "requestBodies/Body", "responses/Error", "schemas/BodyValue", "schemas/IdValue",
        }));
    }

    [Test]
    public void Trim_FollowsDiscriminatorMappings_ByReferenceAndByBareName()
    {
        var upstream = Spec(
            Get("getPet", "Pet"),
            """
            "schemas": {
              "Pet": {
                "oneOf": [ { "$ref": "#/components/schemas/Cat" } ],
                "discriminator": { "propertyName": "type", "mapping": { "cat": "#/components/schemas/Cat", "dog": "Dog", "fish": { "$ref": "#/components/schemas/Fish" } } }
              },
              "Cat": { "type": "object" }, "Dog": { "type": "object" }, "Fish": { "type": "object" }, "Bird": { "type": "object" }
            }
            """);

        var result = SpecTrimmer.Trim(upstream, ["getPet"], "up.yaml");

        Assert.That(result.Errors, Is.Empty);
        Assert.That(ComponentNames(result.Spec), Is.EqualTo(new[] { "schemas/Cat", "schemas/Dog", "schemas/Fish", "schemas/Pet" }));
    }

    [Test]
    public void Trim_ReadsPropertiesNamedLikeKeywords_ButNotReferencesInsideExamplePayloads()
    {
        var upstream = Spec(
            Get("getThing", "Thing"),
            """
            "schemas": {
              "Thing": {
                "type": "object",
                "properties": { "example": { "$ref": "#/components/schemas/ExampleField" }, "default": { "$ref": "#/components/schemas/DefaultField" } },
                "example": { "$ref": "#/components/schemas/OnlyInAnExample" }
              },
              "ExampleField": { "type": "string" }, "DefaultField": { "type": "string" }, "OnlyInAnExample": { "type": "string" }
            }
            """);

        var result = SpecTrimmer.Trim(upstream, ["getThing"], "up.yaml");

        Assert.That(result.Errors, Is.Empty);
        Assert.That(ComponentNames(result.Spec), Is.EqualTo(new[] { "schemas/DefaultField", "schemas/ExampleField", "schemas/Thing" }));
    }

    [Test]
    public void Trim_KeepsTheSecuritySchemesInUse_AndTheTagsOfKeptOperations()
    {
        var upstream = JObject.Parse("""
            {
              "openapi": "3.0.0", "info": { "title": "t", "version": "1" },
              "security": [ { "ApiKey": [] } ],
              "tags": [ { "name": "Kept" }, { "name": "Dropped" } ],
              "paths": {
                "/a": { "get": { "operationId": "getA", "tags": [ "Kept" ], "security": [ { "OAuth": [ "read" ] } ], "responses": { "200": { "description": "OK" } } } },
                "/b": { "get": { "operationId": "getB", "tags": [ "Dropped" ], "security": [ { "Cookie": [] } ], "responses": { "200": { "description": "OK" } } } }
              },
              "components": { "securitySchemes": { "ApiKey": { "type": "apiKey" }, "OAuth": { "type": "oauth2" }, "Cookie": { "type": "apiKey" } } }
            }
            """);

        var result = SpecTrimmer.Trim(upstream, ["getA"], "up.yaml");

        Assert.That(result.Errors, Is.Empty);
        Assert.That(ComponentNames(result.Spec), Is.EqualTo(new[] { "securitySchemes/ApiKey", "securitySchemes/OAuth" }));
        Assert.That(result.Spec["tags"]!.Select(t => (string?)t["name"]), Is.EqualTo(new[] { "Kept" }));
        Assert.That(Keys(result.Spec), Is.EqualTo(new[] { "openapi", "info", "security", "tags", "paths", "components" }));
    }

    [Test]
    public void Trim_ReportsEveryOperationMissingUpstream()
    {
        var upstream = Spec(Get("getA", "A"), """ "schemas": { "A": { "type": "string" } } """);

        var result = SpecTrimmer.Trim(upstream, ["getA", "renamedOperation", "removedOperation"], "up.yaml");

        Assert.That(result.Errors, Is.EqualTo(new[]
        {
            "up.yaml: operation 'removedOperation' is listed in scope but does not exist upstream (renamed or removed?).",
            "up.yaml: operation 'renamedOperation' is listed in scope but does not exist upstream (renamed or removed?).",
        }));
    }

    [Test]
    public void Trim_ReportsAnOperationIdThatUpstreamRepeats()
    {
        var upstream = Spec(
            """
            "/a": { "get": { "operationId": "twice", "responses": { } }, "post": { "operationId": "twice", "responses": { } } }
            """,
            "");

        var result = SpecTrimmer.Trim(upstream, ["twice"], "up.yaml");

        Assert.That(result.Errors, Is.EqualTo(new[] { "up.yaml: operationId 'twice' appears 2 times upstream (GET /a, POST /a)." }));
    }

    [Test]
    public void Trim_ReportsExternalAndDanglingReferences_EachOnce()
    {
        var upstream = Spec(
            Get("getA", "A"),
            """
            "schemas": {
              "A": { "type": "object", "properties": {
                "remote": { "$ref": "common.yaml#/components/schemas/Remote" },
                "gone": { "$ref": "#/components/schemas/Gone" },
                "goneAgain": { "$ref": "#/components/schemas/Gone" }
              } }
            }
            """);

        var result = SpecTrimmer.Trim(upstream, ["getA"], "up.yaml");

        Assert.That(result.Errors, Has.Count.EqualTo(2));
        Assert.That(result.Errors[0], Does.Contain("'common.yaml#/components/schemas/Remote'").And.Contain("not a local"));
        Assert.That(result.Errors[1], Does.Contain("'#/components/schemas/Gone'").And.Contain("points at nothing"));
    }

    [Test]
    public void Trim_OfSomethingThatIsNotOpenApi3_IsRejected()
    {
        var ex = Assert.Throws<SpecToolException>(() => SpecTrimmer.Trim(JObject.Parse("""{ "swagger": "2.0", "paths": { } }"""), ["a"], "up.yaml"));

        Assert.That(ex!.Message, Does.Contain("not an OpenAPI 3.x document"));
    }

    [Test]
    public void Trim_SortsPathsAndComponents_SoUpstreamOrderAndListOrderDoNotMatter()
    {
        var upstream = Spec(
            Get("getB", "B", "/b") + "," + Get("getA", "A", "/a"),
            """ "schemas": { "B": { "type": "string" }, "A": { "type": "string" } }, "parameters": { } """);
        var reordered = Spec(
            Get("getA", "A", "/a") + "," + Get("getB", "B", "/b"),
            """ "parameters": { }, "schemas": { "A": { "type": "string" }, "B": { "type": "string" } } """);

        var first = SpecTrimmer.Trim(upstream, ["getB", "getA"], "up.yaml").Spec;
        var second = SpecTrimmer.Trim(reordered, ["getA", "getB"], "up.yaml").Spec;

        Assert.That(Keys(first["paths"]), Is.EqualTo(new[] { "/a", "/b" }));
        Assert.That(YamlWriter.Write(first, "h"), Is.EqualTo(YamlWriter.Write(second, "h")));
    }

    internal static JObject Spec(string paths, string components) =>
        JObject.Parse($$"""{ "openapi": "3.0.0", "info": { "title": "t", "version": "1" }, "paths": { {{paths}} }, "components": { {{components}} } }""");

    private static string Get(string operationId, string schema, string path = "/thing") =>
        $$$"""
        "{{{path}}}": { "get": { "operationId": "{{{operationId}}}", "responses": { "200": { "description": "OK", "content": { "application/json": { "schema": { "$ref": "#/components/schemas/{{{schema}}}" } } } } } } }
        """;

    private static string[] Keys(JToken? token) => ((JObject)token!).Properties().Select(p => p.Name).ToArray();

    private static string[] ComponentNames(JObject spec) =>
        ((JObject?)spec["components"])?.Properties().SelectMany(s => ((JObject)s.Value).Properties().Select(c => $"{s.Name}/{c.Name}")).ToArray() ?? [];
}
