using System;
using System.IO;
using System.Linq;
using EdgeImpulse.Generated.SpecTool;
using EdgeImpulse.Generated.Tests.Infrastructure;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using NUnit.Framework;

namespace EdgeImpulse.Generated.Tests.SpecTool;

/// <summary>
/// <c>update --fragments</c>: the docs site's per-operation OpenAPI cuts win over the upstream spec. A synthetic case
/// for each kind of merge, then three real cuts (Fixtures/SpecTool/fragments/, copied unchanged from the docs pages)
/// over the February 2026 upstream.
/// </summary>
[TestFixture]
public sealed class SpecFragmentsTests
{
    private string _directory = null!;

    [SetUp]
    public void CreateDirectory()
    {
        _directory = Path.Combine(Path.GetTempPath(), "spectool-fragments-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(_directory);
    }

    [TearDown]
    public void DeleteDirectory() => Directory.Delete(_directory, recursive: true);

    private static JObject Upstream() => JObject.Parse("""
        { "openapi": "3.0.0",
          "paths": {
            "/jobs/{jobId}/cancel": { "post": { "operationId": "cancelJob", "tags": [ "Jobs" ], "responses": { "200": { "description": "old" } } } },
            "/jobs/{jobId}": { "get": { "operationId": "getJob", "tags": [ "Jobs" ], "responses": { "200": { "description": "ok" } } } } },
          "components": { "schemas": {
            "Job": { "type": "object", "properties": { "id": { "type": "integer" } } },
            "Unrelated": { "type": "string" } } } }
        """);

    [Test]
    public void Merge_ReplacesOperationsAndTheComponentsACutDefines_AddsWhatUpstreamLacks_AndReportsEachChange()
    {
        File.WriteAllText(Path.Combine(_directory, "a-cancelJob.yaml"), """
            # source: https://docs.example/cancel-job.md
            openapi: 3.0.0
            paths:
              /jobs/{jobId}/cancel:
                post:
                  operationId: cancelJob
                  tags: [ Jobs ]
                  parameters: [ { $ref: '#/components/parameters/ForceCancelParameter' } ]
                  responses: { '200': { description: new } }
            components:
              parameters:
                ForceCancelParameter: { name: forceCancel, in: query, schema: { type: string } }
              schemas:
                Job: { type: object, properties: { id: { type: integer }, state: { type: string } } }
            """);
        File.WriteAllText(Path.Combine(_directory, "b-getJob.yaml"), """
            openapi: 3.0.0
            paths:
              /jobs/{jobId}:
                get: { operationId: getJob, tags: [ Jobs ], responses: { '200': { description: ok } } }
              /jobs/{jobId}/rebalance:
                post: { operationId: rebalanceJob, tags: [ Jobs ], responses: { '200': { description: ok } } }
            components:
              schemas:
                Job: { type: object, properties: { id: { type: integer } } }
            """);
        var spec = Upstream();

        var report = SpecFragments.Merge(spec, _directory);

        Assert.That(report, Is.EqualTo(new[]
        {
            "a-cancelJob.yaml: replaced operation cancelJob",
            "a-cancelJob.yaml: replaced schemas.Job",
            "a-cancelJob.yaml: added parameters.ForceCancelParameter, not in upstream",
            "b-getJob.yaml: added operation rebalanceJob (POST /jobs/{jobId}/rebalance), not in upstream",
            "b-getJob.yaml: schemas.Job differs from a-cancelJob.yaml's; b-getJob.yaml's kept",
            "b-getJob.yaml: replaced schemas.Job",
            "2 fragment(s) merged: 6 change(s), 1 operation(s) and component(s) already identical upstream",
        }));
        Assert.That((string?)spec.SelectToken("paths['/jobs/{jobId}/cancel'].post.responses['200'].description"), Is.EqualTo("new"));
        Assert.That(spec.SelectToken("components.parameters.ForceCancelParameter"), Is.Not.Null);
        Assert.That((string?)spec.SelectToken("paths['/jobs/{jobId}/rebalance'].post.operationId"), Is.EqualTo("rebalanceJob"));
        Assert.That(spec.SelectToken("components.schemas.Unrelated"), Is.Not.Null, "what no cut defines stays upstream's");
    }

    [Test]
    public void Merge_OfAnOperationTheCutPlacesElsewhere_MovesIt()
    {
        File.WriteAllText(Path.Combine(_directory, "getJob.yaml"), """
            paths:
              /v2/jobs/{jobId}:
                get: { operationId: getJob, responses: { '200': { description: ok } } }
            """);
        var spec = Upstream();

        var report = SpecFragments.Merge(spec, _directory);

        Assert.That(report[0], Is.EqualTo("getJob.yaml: replaced operation getJob (moved from GET /jobs/{jobId})"));
        Assert.That(SpecTrimmer.Operations(spec).Where(o => (string?)o.Operation["operationId"] == "getJob").Select(o => o.Path), Is.EqualTo(new[] { "/v2/jobs/{jobId}" }));
    }

    [Test]
    public void Merge_RepairsDiscriminatorMappingsTheDocsRenderAsReferenceObjects()
    {
        // As on the runDspSampleSlice page: NSwag stops on a mapping whose value is not a string.
        File.WriteAllText(Path.Combine(_directory, "getJob.yaml"), """
            paths:
              /jobs/{jobId}:
                get: { operationId: getJob, responses: { '200': { description: ok, content: { application/json: { schema: { $ref: '#/components/schemas/Labels' } } } } } }
            components:
              schemas:
                Labels:
                  discriminator: { propertyName: type, mapping: { key-values: { $ref: '#/components/schemas/KeyValues' } } }
                  oneOf: [ { $ref: '#/components/schemas/KeyValues' } ]
                KeyValues: { type: object, properties: { type: { type: string } } }
            """);
        var spec = Upstream();

        var report = SpecFragments.Merge(spec, _directory);

        Assert.That((string?)spec.SelectToken("components.schemas.Labels.discriminator.mapping.key-values"), Is.EqualTo("#/components/schemas/KeyValues"));
        Assert.That(report[0], Does.StartWith("getJob.yaml: discriminator mapping ").And.Contain("key-values").And.EndWith("made the reference string"));
    }

    [TestCase(null, "no such directory")]
    [TestCase("", "no *.yaml fragment in it")]
    [TestCase("info: { title: t }", "has no operation")]
    public void Merge_OfSomethingThatIsNoFragmentDirectory_IsAClearError(string? content, string message)
    {
        var directory = content == null ? Path.Combine(_directory, "missing") : _directory;
        if (content is { Length: > 0 })
        {
            File.WriteAllText(Path.Combine(_directory, "page.yaml"), content);
        }

        var error = Assert.Throws<SpecToolException>(() => SpecFragments.Merge(Upstream(), directory));

        Assert.That(error!.Message, Does.Contain(message));
    }

    [Test]
    public void Update_WithTheVendoredDocsCuts_OverTheFebruary2026Upstream_ReplacesOnlyWhatDiffers_AndSaysSo()
    {
        var operations = Path.Combine(_directory, "operations.txt");
        File.WriteAllLines(operations, ["cancelJob", "dspGetFeaturesForSample", "getPerformanceAllVariants"]);
        var overlay = Path.Combine(_directory, "overlay.yaml");
        File.WriteAllText(overlay, "overlay: 1.0.0\ninfo: { title: t, version: 1.0.0 }\nactions:\n  - target: $.info\n    description: applies\n    update: { x-checked: true }\n");
        var output = Path.Combine(_directory, "openapi.yaml");
        var stdout = new StringWriter();
        var stderr = new StringWriter();

        var exitCode = UpdateCommand.Run(
            [
                "--upstream", TestPaths.Fixture("SpecTool/upstream/edge-impulse-openapi.2026-02.yml"),
                "--operations", operations, "--overlay", overlay, "--out", output,
                "--fragments", Path.GetDirectoryName(TestPaths.Fixture("SpecTool/fragments/cancelJob.yaml"))!,
            ],
            stdout,
            stderr);

        Assert.That(exitCode, Is.Zero, stderr.ToString());
        var fragmentLines = stdout.ToString().Split('\n').Where(l => l.StartsWith("SpecTool: fragments: ", StringComparison.Ordinal)).Select(l => l.TrimEnd('\r')).ToList();
        // The February 2026 upstream already matches these pages but for one operation: the docs cut of
        // dspGetFeaturesForSample has no x-middleware extension.
        Assert.That(fragmentLines, Has.Count.EqualTo(2));
        Assert.That(fragmentLines[0], Is.EqualTo("SpecTool: fragments: dspGetFeaturesForSample.yaml: replaced operation dspGetFeaturesForSample"));
        Assert.That(fragmentLines[1], Does.StartWith("SpecTool: fragments: 3 fragment(s) merged: 1 change(s), "));
        var written = YamlJson.Load(output);
        var operation = SpecTrimmer.Operations(written).Single(o => (string?)o.Operation["operationId"] == "dspGetFeaturesForSample").Operation;
        Assert.That(operation["x-middleware"], Is.Null);
        Assert.That(File.ReadLines(output).First(l => l.StartsWith("# Source:", StringComparison.Ordinal)), Does.Contain("with the docs fragments in fragments/ merged over it"));
        Assert.That(SpecTrimmer.Operations(written).Count(), Is.EqualTo(3));
        Assert.That(written.SelectToken("components.parameters.ForceCancelParameter")!.ToString(Formatting.None), Does.Contain("forceCancel"));
    }
}
