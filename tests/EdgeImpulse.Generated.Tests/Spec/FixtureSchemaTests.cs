using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using EdgeImpulse.Generated.Tests.Infrastructure;
using Newtonsoft.Json.Linq;
using NUnit.Framework;

namespace EdgeImpulse.Generated.Tests.Spec;

/// <summary>Every recorded success fixture must satisfy its response schema, so a fixture that drifts from the spec fails.</summary>
[TestFixture]
public sealed class FixtureSchemaTests
{
    // Scenario fixtures that deliberately break the schema, each checked by its own behaviour test.
    private static readonly HashSet<string> DeliberatelyOffSpec = new(System.StringComparer.Ordinal)
    {
        "unknown-enum", "missing-required", "extra-properties", "null-frequency", "unknown-variants",
    };

    public static IEnumerable<TestCaseData> ResponseFixtures() =>
        Directory.EnumerateFiles(TestPaths.Fixtures, "*.json", SearchOption.AllDirectories)
            .Select(path => Path.GetRelativePath(TestPaths.Fixtures, path).Replace('\\', '/'))
            .Where(path => !path.StartsWith("Common/", System.StringComparison.Ordinal))
            .Where(path => !path.StartsWith("Npy/", System.StringComparison.Ordinal)) // NumPy's readings of .npy fixtures, not API bodies
            .Where(path => !path.StartsWith("Serialization/", System.StringComparison.Ordinal)) // single DTOs for the serialization tests, not API bodies
            .Select(path => (Path: path, Parts: Path.GetFileNameWithoutExtension(path).Split('.', 2)))
            .Where(f => f.Parts[1] != "request" && !DeliberatelyOffSpec.Contains(f.Parts[1]))
            .OrderBy(f => f.Path, System.StringComparer.Ordinal)
            .Select(f => new TestCaseData(f.Parts[0], f.Path).SetName($"Fixture_MatchesSchema({f.Path})"));

    [TestCaseSource(nameof(ResponseFixtures))]
    public async Task Fixture_MatchesItsResponseSchema(string operationId, string fixture)
    {
        var errors = await SpecSchemas.ValidateAsync(operationId, TestPaths.ReadFixture(fixture));

        Assert.That(errors, Is.Empty, $"{fixture} does not match {operationId}'s response schema");
    }

    [Test]
    public async Task Validator_RejectsAFixtureThatDriftsFromTheSpec()
    {
        var drifted = JObject.Parse(TestPaths.ReadFixture("Jobs/getJobStatus.success.json"));
        drifted["job"]!["id"] = "1847312964";
        ((JObject)drifted["job"]!).Remove("created");

        var errors = await SpecSchemas.ValidateAsync("getJobStatus", drifted.ToString());

        Assert.That(errors, Has.Some.Contain("job.id: IntegerExpected").And.Some.Contain("job.created: PropertyRequired"));
    }

    [Test]
    public async Task EveryJsonOperationTheSimulatorAnswers_HasASuccessFixture()
    {
        await using var sim = await Simulator.SimulatorTestKit.StartAsync();
        var answered = sim.OperationIds.ToHashSet();
        var jsonOperations = SpecSchemas.Operations()
            .Where(o => o.SelectToken("responses.200.content['application/json']") is not null)
            .Select(o => (string)o["operationId"]!)
            .Where(answered.Contains)
            .ToList();
        var fixtures = ResponseFixtures().Select(t => (string)t.Arguments[0]!).ToHashSet();

        Assert.That(jsonOperations, Has.Count.GreaterThan(20), "the simulator's JSON operations are found");
        Assert.That(jsonOperations, Is.SubsetOf(fixtures));
    }

    [Test]
    public void EveryFixture_IsOfAnOperationOfTheSpec()
    {
        var specified = SpecSchemas.Operations().Select(o => (string)o["operationId"]!).ToHashSet();

        Assert.That(ResponseFixtures().Select(t => (string)t.Arguments[0]!).Distinct(), Is.SubsetOf(specified));
    }
}
