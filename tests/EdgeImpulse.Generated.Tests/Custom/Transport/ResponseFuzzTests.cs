using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using EdgeImpulse.Generated.Tests.Infrastructure;
using NUnit.Framework;

namespace EdgeImpulse.Generated.Tests.Custom.Transport;

/// <summary>
/// Deterministic fuzzing of responses: recorded fixtures mutated by seed (cut, bytes flipped, the key echoed in some
/// encoding, success changed, nested deeply, content type swapped) are served to the operation they belong to. Every
/// case must end in a result or a typed failure, within a bound, with no secret in anything the failure shows. A case
/// that throws anything else is recorded (not fatal to the run) and the test fails listing them. The count is 300 by
/// default; EI_FUZZ_CASES raises it (.ci/run runs 10,000).
/// </summary>
[TestFixture]
public sealed class ResponseFuzzTests
{
    private const int DefaultCases = 300;
    private static readonly TimeSpan CaseBound = TimeSpan.FromSeconds(10);

    private static readonly (string Fixture, Func<EdgeImpulseClient, CancellationToken, Task<object?>> Call)[] Targets =
    [
        ("Learn/getKeras.success.json", async (c, t) => await c.Learn.GetKerasAsync(52187, 4, t)),
        ("Dsp/getDspConfig.success.json", async (c, t) => await c.Dsp.GetDspConfigAsync(52187, 3, t)),
        ("Jobs/getJobStatus.success.json", async (c, t) => await c.Jobs.GetJobStatusAsync(52187, 5, t)),
        ("Jobs/getJobsLogs.success.json", async (c, t) => await c.Jobs.GetJobsLogsAsync(52187, 5, cancellationToken: t)),
        ("Impulse/getImpulse.success.json", async (c, t) => await c.Impulse.GetImpulseAsync(52187, cancellationToken: t)),
        ("Jobs/trainKerasJob.success.json", async (c, t) => await c.Jobs.TrainKerasJobAsync(52187, 4, new SetKerasParameterRequest(), t)),
        ("Jobs/downloadJobsLogs.success.txt", async (c, t) => await c.Jobs.DownloadJobsLogsAsync(52187, 5, cancellationToken: t)),
        ("Npy/float32-2d.npy", async (c, t) => await c.Dsp.DownloadDspDataArrayAsync(52187, 3, RawDataCategory.Training, cancellationToken: t)),
    ];

    [Test]
    public async Task MutatedResponses_EndInAResultOrATypedFailure_WithoutLeakingTheKey()
    {
        var cases = int.TryParse(Environment.GetEnvironmentVariable("EI_FUZZ_CASES"), out var configured) && configured > 0 ? configured : DefaultCases;
        var fixtures = Targets.Select(t => File.ReadAllBytes(TestPaths.Fixture(t.Fixture))).ToArray();
        await using var server = LoopbackServer.Start();
        using var client = server.CreateClient(o => o.Timeout = TimeSpan.FromSeconds(5));
        var outcomes = new Dictionary<string, int>(StringComparer.Ordinal);
        var untyped = new List<string>();
        var leaks = new List<string>();

        for (var seed = 0; seed < cases; seed++)
        {
            var random = new Random(seed);
            var target = random.Next(Targets.Length);
            var (mutation, response) = Mutate(fixtures[target], Targets[target].Fixture, random);
            server.Enqueue(response);
            using var bound = new CancellationTokenSource(CaseBound);
            string outcome;
            try
            {
                var result = await Targets[target].Call(client, bound.Token);
                (result as IDisposable)?.Dispose();
                outcome = "survived";
            }
            catch (Exception ex) when (ex is EdgeImpulseApiException or global::EdgeImpulse.Generated.Npy.NpyFormatException)
            {
                outcome = "typed failure";
                var surfaces = ex.ToString() + string.Join(",", ex.Data.Values.Cast<object>());
                if (surfaces.Contains("0123456789abcdef", StringComparison.OrdinalIgnoreCase) || surfaces.Contains("0123456789ABCDEF", StringComparison.Ordinal))
                {
                    leaks.Add($"seed {seed} ({mutation}): {ex.Message}");
                }
            }
            catch (OperationCanceledException) when (bound.IsCancellationRequested)
            {
                outcome = "hang";
                untyped.Add($"seed {seed} ({mutation}): did not end within {CaseBound}");
            }
            catch (Exception ex)
            {
                outcome = "crash";
                untyped.Add($"seed {seed} ({mutation}): {ex.GetType().Name}: {ex.Message}");
            }

            outcomes[outcome] = outcomes.GetValueOrDefault(outcome) + 1;
            outcomes[mutation] = outcomes.GetValueOrDefault(mutation) + 1;
        }

        TestContext.Out.WriteLine($"{cases} cases: " + string.Join(", ", outcomes.OrderBy(o => o.Key, StringComparer.Ordinal).Select(o => $"{o.Key}={o.Value}")));
        Assert.That(untyped, Is.Empty, string.Join("\n", untyped.Take(20)));
        Assert.That(leaks, Is.Empty, string.Join("\n", leaks.Take(20)));
        Assert.That(server.Requests, Has.Count.EqualTo(cases), "one request per case: nothing was retried or re-sent");
    }

    private static (string Mutation, CannedResponse Response) Mutate(byte[] fixture, string name, Random random)
    {
        var contentType = name.EndsWith(".npy", StringComparison.Ordinal) ? "application/octet-stream" : name.EndsWith(".txt", StringComparison.Ordinal) ? "text/plain" : "application/json";
        var body = (byte[])fixture.Clone();
        var status = 200;
        string mutation;
        switch (random.Next(9))
        {
            case 0:
                mutation = "truncate";
                body = body[..random.Next(body.Length)];
                break;
            case 1:
                mutation = "flip-bytes";
                for (var i = 0; i < 1 + random.Next(8); i++)
                {
                    body[random.Next(body.Length)] = (byte)random.Next(256);
                }

                break;
            case 2:
                mutation = "echo-key";
                var key = LoopbackServer.ApiKey;
                var forms = new[] { key, key.ToUpperInvariant(), Uri.EscapeDataString(key), WebUtility.UrlEncode(key), string.Concat(key.Select(c => $"%{(int)c:x2}")) };
                var echo = forms[random.Next(forms.Length)];
                body = Encoding.UTF8.GetBytes($"{{\"success\":false,\"error\":\"bad key {echo}\",\"echo\":\"{new string('x', random.Next(600))}{echo}\"}}");
                status = new[] { 200, 401, 403, 500 }[random.Next(4)];
                contentType = "application/json";
                break;
            case 3:
                mutation = "success-not-true";
                var value = new[] { "\"false\"", "0", "null", "\"true\"", "{}", "[]" }[random.Next(6)];
                body = Encoding.UTF8.GetBytes($"{{\"success\":{value},\"error\":\"x\"}}");
                contentType = "application/json";
                break;
            case 4:
                mutation = "deep-nesting";
                var depth = random.Next(100, 20_000);
                body = Encoding.UTF8.GetBytes("{\"success\":true,\"x\":" + new string('[', depth) + new string(']', depth) + "}");
                break;
            case 5:
                mutation = "content-type";
                contentType = new[] { "text/html", "application/json", "application/octet-stream", "text/plain" }[random.Next(4)];
                break;
            case 6:
                mutation = "status";
                status = new[] { 201, 204, 400, 404, 418, 500 }[random.Next(6)];
                break;
            case 7:
                mutation = "empty";
                body = [];
                break;
            default:
                mutation = "huge-string";
                body = Encoding.UTF8.GetBytes("{\"success\":false,\"error\":\"" + new string('e', random.Next(100_000, 2_000_000)) + "\"}");
                contentType = "application/json";
                break;
        }

        return (mutation, new CannedResponse(status, body, contentType));
    }
}
