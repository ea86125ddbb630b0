using System.Collections.Generic;
using System.Linq;
using EdgeImpulse.Generated.SpecTool;
using EdgeImpulse.Generated.Tests.Infrastructure;
using Newtonsoft.Json.Linq;
using NUnit.Framework;

namespace EdgeImpulse.Generated.Tests.Custom.Transport;

/// <summary>The idempotency table comes from the spec: every operation has a class, GETs are safe, job starters never are.</summary>
[TestFixture]
public sealed class ApiOperationTests
{
    // Operations that start a job or change stored state: a duplicate would start a second (billed) job or re-apply a change.
    private static readonly string[] Unsafe =
        ["trainKerasJob", "generateFeaturesJob", "autotuneDspJob", "startProfileCustomDspBlock", "cancelJob", "clearDspBlock", "setKeras", "setDspConfig"];

    // POSTs that only compute a result, marked safe by a correction.
    private static readonly string[] SafePosts = ["runDspSampleSlice", "runDspOnFeaturesArray"];

    // The vendored spec's operations whose success answer is a StartJobResponse (read independently of the template).
    private static List<string> AnsweringStartJobResponse()
    {
        var spec = YamlJson.Load(TestPaths.Spec);
        return ((JObject)spec["paths"]!).Properties()
            .SelectMany(path => ((JObject)path.Value).Properties().Select(p => p.Value).OfType<JObject>())
            .Where(op => (string?)op.SelectToken("responses.200.content['application/json'].schema.$ref") == "#/components/schemas/StartJobResponse")
            .Select(op => (string)op["operationId"]!)
            .ToList();
    }

    private static Dictionary<string, (string Method, string Path)> SpecOperations()
    {
        var spec = YamlJson.Load(TestPaths.Spec);
        return ((JObject)spec["paths"]!).Properties()
            .SelectMany(path => ((JObject)path.Value).Properties()
                .Where(p => p.Value is JObject { } op && op["operationId"] is not null)
                .Select(method => (Id: (string)method.Value["operationId"]!, Method: method.Name.ToUpperInvariant(), Path: path.Name)))
            .ToDictionary(o => o.Id, o => (o.Method, o.Path));
    }

    [Test]
    public void EveryOperationInTheSpec_HasAnEntryWithItsMethodAndPath()
    {
        var spec = SpecOperations();

        Assert.That(ApiOperation.All.Select(o => o.Id), Is.EquivalentTo(spec.Keys));
        foreach (var operation in ApiOperation.All)
        {
            Assert.That(operation.Method, Is.EqualTo(spec[operation.Id].Method), operation.Id);
            Assert.That("/" + operation.PathTemplate.TrimStart('/'), Is.EqualTo(spec[operation.Id].Path), operation.Id);
        }
    }

    [Test]
    public void Gets_AreSafe_AndOtherMethodsUnsafe_ExceptTheCorrectedPureComputations()
    {
        foreach (var operation in ApiOperation.All)
        {
            var expected = operation.Method == "GET" || SafePosts.Contains(operation.Id);
            Assert.That(operation.Idempotent, Is.EqualTo(expected), operation.Id);
        }
    }

    [TestCaseSource(nameof(Unsafe))]
    public void JobStartersAndStateChanges_AreUnsafe(string operationId)
    {
        Assert.That(ApiOperation.Find(operationId).Idempotent, Is.False);
    }

    [Test]
    public void JobStarters_AreTheOperationsAnsweringStartJobResponse()
    {
        var starters = ApiOperation.All.Where(o => o.StartsJob).Select(o => o.Id);

        Assert.That(starters, Does.Contain("trainKerasJob").And.Contain("generateFeaturesJob").And.Contain("autotuneDspJob").And.Contain("startProfileCustomDspBlock"));
        Assert.That(starters, Is.EquivalentTo(AnsweringStartJobResponse()), "exactly the operations whose 200 answer is a StartJobResponse");
        Assert.That(ApiOperation.All.Where(o => o.StartsJob).Select(o => o.Idempotent), Is.All.False);
    }

    [Test]
    public void UnknownOperation_IsTreatedAsUnsafe()
    {
        Assert.That(ApiOperation.Find("somethingNew").Idempotent, Is.False);
    }

    [Test]
    public void SpecToolRule_MarksByMethod_KeepsCorrections_AndRejectsANonBoolean()
    {
        var document = JObject.Parse("""
            { "paths": { "/a": { "get": { "operationId": "a" }, "post": { "operationId": "b" } },
                         "/c": { "post": { "operationId": "c", "x-edgeimpulse-idempotent": true } } } }
            """);

        var safe = IdempotencyRule.Apply(document);

        Assert.That(safe, Is.EqualTo(2));
        Assert.That((bool)document["paths"]!["/a"]!["get"]![IdempotencyRule.Extension]!, Is.True);
        Assert.That((bool)document["paths"]!["/a"]!["post"]![IdempotencyRule.Extension]!, Is.False);
        Assert.That((bool)document["paths"]!["/c"]!["post"]![IdempotencyRule.Extension]!, Is.True);

        document["paths"]!["/c"]!["post"]![IdempotencyRule.Extension] = "yes";
        Assert.That(() => IdempotencyRule.Apply(document), Throws.InstanceOf<SpecToolException>().With.Message.Contain("must be true or false"));
    }
}
