using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using EdgeImpulse.Generated.Simulator;
using EdgeImpulse.Generated.Tests.Spec;
using Newtonsoft.Json.Linq;
using NUnit.Framework;
using static EdgeImpulse.Generated.Tests.Simulator.SimulatorTestKit;

namespace EdgeImpulse.Generated.Tests.Simulator;

/// <summary>
/// Every operation of the spec the simulator has no handler for is routed and answered with HTTP 200 and
/// <c>success: false</c> naming it: a client sees an <c>EdgeImpulseApiException</c> that says which operation, never a
/// 404 for a path that exists, a hang or an empty 500. One simulator serves the whole table.
/// </summary>
[TestFixture]
public sealed partial class SimulatorUnsimulatedTests
{
    /// <summary>The operations the deployment path needs (the sample's deploy step, the build-and-download helper, its fixtures).</summary>
    private static readonly string[] DeploymentPath =
    [
        "listDeploymentTargetsForProject", "buildOnDeviceModelJob", "getDeployment", "downloadBuild", "listDeploymentHistory",
        "downloadHistoricDeployment", "listSamples", "createImpulse", "updateImpulse", "listVersions", "startVersionJob",
    ];

    private StudioSimulator _sim = null!;
    private HttpClient _http = null!;

    public static IEnumerable<TestCaseData> UnsimulatedOperations()
    {
        var simulated = SimulatedOperationIds();
        return SpecSchemas.Document["paths"]!.Children<JProperty>()
            .SelectMany(path => path.Value.Children<JProperty>().Select(method => (Path: path.Name, Method: method.Name.ToUpperInvariant(), Id: (string)method.Value["operationId"]!)))
            .Where(o => !simulated.Contains(o.Id))
            .OrderBy(o => o.Id, System.StringComparer.Ordinal)
            .Select(o => new TestCaseData(o.Id, o.Method, o.Path).SetArgDisplayNames(o.Id));
    }

    [OneTimeSetUp]
    public async Task StartSimulator()
    {
        _sim = await StartAsync();
        _http = CreateHttpClient(_sim);
    }

    [OneTimeTearDown]
    public async Task StopSimulator()
    {
        _http.Dispose();
        await _sim.DisposeAsync();
    }

    [TestCaseSource(nameof(UnsimulatedOperations))]
    public async Task AnUnsimulatedOperation_AnswersSuccessFalse_NamingIt(string operationId, string method, string pathTemplate)
    {
        // Any value fits any path parameter: the answer must not depend on them (nor on the body or query).
        var path = ParameterPattern().Replace(pathTemplate.Replace("{projectId}", _sim.ProjectId.ToString(System.Globalization.CultureInfo.InvariantCulture), System.StringComparison.Ordinal), "1");
        using var request = new HttpRequestMessage(new HttpMethod(method), path.TrimStart('/'));
        if (method is "POST" or "PUT" or "PATCH")
        {
            request.Content = JsonContent("{}");
        }

        using var response = await _http.SendAsync(request);
        var body = JObject.Parse(await response.Content.ReadAsStringAsync());

        using (Assert.EnterMultipleScope())
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That((bool?)body["success"], Is.False);
            Assert.That((string?)body["error"], Does.StartWith($"{operationId} is not simulated"));
            Assert.That(_sim.Requests.Last().OperationId, Is.EqualTo(operationId), "routed to the operation, not to another path's");
        }
    }

    [Test]
    public async Task TheSimulatedOperations_AreOperationsOfTheSpec_AndCoverTheDeploymentPath()
    {
        var specified = SpecSchemas.Operations().Select(o => (string)o["operationId"]!).ToHashSet();
        await using var sim = await StartAsync();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(sim.OperationIds, Is.SubsetOf(specified));
            Assert.That(sim.OperationIds, Is.SupersetOf(DeploymentPath));
        }
    }

    private static HashSet<string> SimulatedOperationIds()
    {
        // The table is built before any simulator runs; a short-lived one says what it simulates.
        var sim = StartAsync().GetAwaiter().GetResult();
        try
        {
            return sim.OperationIds.ToHashSet(System.StringComparer.Ordinal);
        }
        finally
        {
            sim.DisposeAsync().AsTask().GetAwaiter().GetResult();
        }
    }

    [GeneratedRegex(@"\{[^}]+\}")]
    private static partial Regex ParameterPattern();
}
