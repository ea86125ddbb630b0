using System.Linq;
using EdgeImpulse.Generated.SpecTool;
using Newtonsoft.Json.Linq;
using NUnit.Framework;

namespace EdgeImpulse.Generated.Tests.SpecTool;

/// <summary>
/// x-form-required lists the form fields a multipart operation's schema requires (through $ref'd bodies and schemas and
/// allOf members), because NSwag makes every form field optional; the template reads it.
/// </summary>
[TestFixture]
public sealed class FormRequiredRuleTests
{
    [Test]
    public void MultipartOperations_GetTheirRequiredFields_OthersNothing()
    {
        var document = JObject.Parse("""
            {
              "paths": {
                "/upload": { "post": { "operationId": "upload", "requestBody": { "$ref": "#/components/requestBodies/Upload" } } },
                "/inline": { "put": { "operationId": "inline", "requestBody": { "content": { "multipart/form-data": { "schema": {
                    "type": "object", "required": ["files[]", "ghost"], "properties": { "files[]": { "type": "array", "items": { "type": "string", "format": "binary" } } } } } } } } },
                "/json": { "post": { "operationId": "json", "requestBody": { "content": { "application/json": { "schema": { "type": "object", "required": ["a"] } } } } } }
              },
              "components": {
                "requestBodies": { "Upload": { "content": { "multipart/form-data": { "schema": { "$ref": "#/components/schemas/UploadRequest" } } } } },
                "schemas": {
                  "UploadRequest": { "allOf": [ { "$ref": "#/components/schemas/Named" }, { "type": "object", "required": ["file"], "properties": { "file": { "type": "string", "format": "binary" }, "note": { "type": "string" } } } ] },
                  "Named": { "type": "object", "required": ["name"], "properties": { "name": { "type": "string" } } }
                }
              }
            }
            """);

        var marked = FormRequiredRule.Apply(document);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(marked, Is.EqualTo(2));
            Assert.That(Required(document, "/upload", "post"), Is.EqualTo(new[] { "name", "file" }));
            Assert.That(Required(document, "/inline", "put"), Is.EqualTo(new[] { "files[]" }), "a required name with no property is not a parameter");
            Assert.That(document["paths"]!["/json"]!["post"]![FormRequiredRule.Extension], Is.Null);
        }
    }

    [Test]
    public void MultipartWithoutRequiredFields_GetsAnEmptyList()
    {
        var document = JObject.Parse("""
            { "paths": { "/logo": { "post": { "requestBody": { "content": { "multipart/form-data": { "schema": { "type": "object", "properties": { "image": { "type": "string", "format": "binary" } } } } } } } } } }
            """);

        FormRequiredRule.Apply(document);

        Assert.That(Required(document, "/logo", "post"), Is.Empty);
    }

    private static string[] Required(JObject document, string path, string method) =>
        ((JArray)document["paths"]![path]![method]![FormRequiredRule.Extension]!).Values<string>().Select(name => name!).ToArray();
}
