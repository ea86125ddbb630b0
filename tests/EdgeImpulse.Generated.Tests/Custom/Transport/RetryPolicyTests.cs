using System;
using System.Diagnostics;
using System.Linq;
using System.Net.Http;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;
using EdgeImpulse.Generated.Tests.Infrastructure;
using NUnit.Framework;

namespace EdgeImpulse.Generated.Tests.Custom.Transport;

/// <summary>Transient failures of safe operations are retried; unsafe ones reach the server at most once.</summary>
[TestFixture]
public sealed class RetryPolicyTests
{
    private static readonly int[] TransientStatuses = [408, 429, 500, 502, 503, 504];

    private static void Fast(EdgeImpulseClientOptions options) => options.Retry = new EdgeImpulseRetryOptions { BaseDelay = TimeSpan.FromMilliseconds(1), MaxDelay = TimeSpan.FromSeconds(5) };

    [TestCaseSource(nameof(TransientStatuses))]
    public async Task SafeOperation_TransientStatus_IsRetriedUntilItSucceeds(int status)
    {
        await using var server = LoopbackServer.Start();
        server.Enqueue(CannedResponse.Json("{\"success\":false,\"error\":\"busy\"}", status)).Enqueue(CannedResponse.Fixture("Impulse/getImpulse.success.json"));
        using var client = server.CreateClient(Fast);

        var impulse = await client.Impulse.GetImpulseAsync(52187);

        Assert.That(impulse.Impulse, Is.Not.Null);
        Assert.That(server.Requests, Has.Count.EqualTo(2));
    }

    [TestCaseSource(nameof(TransientStatuses))]
    public async Task UnsafeOperation_TransientStatus_IsNotRetried(int status)
    {
        await using var server = LoopbackServer.Start();
        server.Enqueue(CannedResponse.Json("{\"success\":false,\"error\":\"busy\"}", status)).Enqueue(CannedResponse.Fixture("Jobs/trainKerasJob.success.json"));
        using var client = server.CreateClient(Fast);

        var ex = await Assert.ThrowsAsync<EdgeImpulseApiException>(() => client.Jobs.TrainKerasJobAsync(52187, 4, new SetKerasParameterRequest()));

        Assert.That(ex!.Status, Is.EqualTo(status));
        Assert.That(ex.MayHaveTakenEffect, Is.False, "the server answered, so it did not take effect unnoticed");
        Assert.That(server.Requests, Has.Count.EqualTo(1));
    }

    [Test]
    public async Task SafeOperation_BoundedAttempts_ThenTheLastFailure()
    {
        await using var server = LoopbackServer.Start();
        server.DefaultResponse = CannedResponse.Json("{\"success\":false,\"error\":\"down\"}", 503);
        using var client = server.CreateClient(o => o.Retry = new EdgeImpulseRetryOptions { MaxRetries = 2, BaseDelay = TimeSpan.FromMilliseconds(1) });

        var ex = await Assert.ThrowsAsync<EdgeImpulseApiException>(() => client.Learn.GetKerasAsync(1, 2));

        Assert.That(ex!.Status, Is.EqualTo(503));
        Assert.That(server.Requests, Has.Count.EqualTo(3));
    }

    [Test]
    public async Task RetriesOff_OneRequest()
    {
        await using var server = LoopbackServer.Start();
        server.DefaultResponse = CannedResponse.Json("{\"success\":false,\"error\":\"down\"}", 503);
        using var client = server.CreateClient(o => o.Retry = new EdgeImpulseRetryOptions { MaxRetries = 0 });

        await Assert.ThrowsAsync<EdgeImpulseApiException>(() => client.Learn.GetKerasAsync(1, 2));

        Assert.That(server.Requests, Has.Count.EqualTo(1));
    }

    [Test]
    public async Task RetryAfter_IsAFloorForTheDelay()
    {
        await using var server = LoopbackServer.Start();
        server.Enqueue(new CannedResponse(429, "{\"success\":false,\"error\":\"slow down\"}"u8.ToArray(), "application/json", new System.Collections.Generic.Dictionary<string, string> { ["Retry-After"] = "1" }))
            .Enqueue(CannedResponse.Fixture("Impulse/getImpulse.success.json"));
        using var client = server.CreateClient(Fast);
        var clock = Stopwatch.StartNew();

        await client.Impulse.GetImpulseAsync(52187);

        Assert.That(clock.Elapsed, Is.GreaterThanOrEqualTo(TimeSpan.FromSeconds(0.95)));
        Assert.That(server.Requests, Has.Count.EqualTo(2));
    }

    [Test]
    public async Task RetryAfterLongerThanMaxDelay_IsNotWaitedFor_TheFailureCarriesIt()
    {
        await using var server = LoopbackServer.Start();
        server.Enqueue(new CannedResponse(503, "{\"success\":false,\"error\":\"maintenance\"}"u8.ToArray(), "application/json", new System.Collections.Generic.Dictionary<string, string> { ["Retry-After"] = "3600" }));
        using var client = server.CreateClient(Fast);

        var ex = await Assert.ThrowsAsync<EdgeImpulseApiException>(() => client.Impulse.GetImpulseAsync(52187));

        Assert.That(ex!.RetryAfter, Is.EqualTo(TimeSpan.FromHours(1)));
        Assert.That(server.Requests, Has.Count.EqualTo(1));
    }

    [Test]
    public async Task CallerCancellation_IsNeverRetried()
    {
        await using var server = LoopbackServer.Start();
        server.DefaultResponse = CannedResponse.Fixture("Impulse/getImpulse.success.json") with { Delay = TimeSpan.FromSeconds(3) };
        using var client = server.CreateClient(Fast);
        using var cts = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));

        Assert.That(async () => await client.Impulse.GetImpulseAsync(52187, cancellationToken: cts.Token), Throws.InstanceOf<OperationCanceledException>());
        await Task.Delay(100);
        Assert.That(server.Requests, Has.Count.EqualTo(1));
    }

    [Test]
    public async Task PerAttemptTimeout_OfASafeOperation_IsRetried()
    {
        await using var server = new RawHttpServer(r => r.Connection == 1 ? RawAction.Stall : RawAction.Answer, "{\"success\":true,\"dependencies\":{}}");
        using var client = new EdgeImpulseClient(new EdgeImpulseClientOptions { BaseUrl = server.BaseUrl, ApiKey = LoopbackServer.ApiKey, Timeout = TimeSpan.FromMilliseconds(300), Retry = new EdgeImpulseRetryOptions { BaseDelay = TimeSpan.FromMilliseconds(1) } });

        await client.Learn.GetKerasAsync(52187, 4);

        Assert.That(server.Requests, Has.Count.EqualTo(2));
    }

    [Test]
    public async Task UnsafeOperation_ConnectionRefused_IsRetried_AndSaysNothingWasSent()
    {
        // A port nobody listens on: the connection is refused, so nothing was sent and retrying a job start is safe.
        var probe = new TcpListener(System.Net.IPAddress.Loopback, 0);
        probe.Start();
        var port = ((System.Net.IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        var logs = new CapturingLoggerFactory();
        using var client = new EdgeImpulseClient(new EdgeImpulseClientOptions
        {
            BaseUrl = new Uri($"http://127.0.0.1:{port}/v1"),
            ApiKey = LoopbackServer.ApiKey,
            LoggerFactory = logs,
            Retry = new EdgeImpulseRetryOptions { MaxRetries = 2, BaseDelay = TimeSpan.FromMilliseconds(1) },
        });

        var ex = await Assert.ThrowsAsync<EdgeImpulseApiException>(() => client.Jobs.TrainKerasJobAsync(52187, 4, new SetKerasParameterRequest()));

        Assert.That(ex!.Status, Is.Zero);
        Assert.That(ex.MayHaveTakenEffect, Is.False);
        Assert.That(logs.Lines.Count(l => l.Contains("attempt", StringComparison.Ordinal) && l.Contains("trainKerasJob", StringComparison.Ordinal) && l.StartsWith("Debug", StringComparison.Ordinal)), Is.EqualTo(3));
    }

    [Test]
    public async Task UnsafeOperation_AnswerLostAfterSending_IsNotRetried_AndSaysAJobMayHaveStarted()
    {
        await using var server = new RawHttpServer(_ => RawAction.ResetMidBody);
        using var client = new EdgeImpulseClient(new EdgeImpulseClientOptions { BaseUrl = server.BaseUrl, ApiKey = LoopbackServer.ApiKey, Retry = new EdgeImpulseRetryOptions { BaseDelay = TimeSpan.FromMilliseconds(1) } });

        var ex = await Assert.ThrowsAsync<EdgeImpulseApiException>(() => client.Jobs.TrainKerasJobAsync(52187, 4, new SetKerasParameterRequest()));

        Assert.That(ex!.MayHaveTakenEffect, Is.True);
        Assert.That(ex.Message, Does.Contain("trainKerasJob").And.Contain("a job may have started"));
        Assert.That(server.Requests, Has.Count.EqualTo(1));
    }

    [Test]
    public async Task SafeOperation_AnswerLost_IsRetried()
    {
        await using var server = new RawHttpServer(r => r.Connection == 1 ? RawAction.ResetMidBody : RawAction.Answer, "{\"success\":true,\"dependencies\":{}}");
        using var client = new EdgeImpulseClient(new EdgeImpulseClientOptions { BaseUrl = server.BaseUrl, ApiKey = LoopbackServer.ApiKey, Retry = new EdgeImpulseRetryOptions { BaseDelay = TimeSpan.FromMilliseconds(1) } });

        await client.Learn.GetKerasAsync(52187, 4);

        Assert.That(server.Requests, Has.Count.EqualTo(2));
    }

    [TestCase("cancelJob")]
    [TestCase("clearDspBlock")]
    public async Task BodylessPost_OnAPooledConnectionClosedBeforeAnyResponseByte_IsNotResentByTheHttpStack(string operation)
    {
        // The first call (a GET) leaves a pooled keep-alive connection; the server reads the POST on it and closes it
        // without answering. SocketsHttpHandler re-sends such a request on a new connection unless content was sent.
        await using var server = new RawHttpServer(r => r.Connection == 1 && r.IndexOnConnection == 2 ? RawAction.Close : RawAction.Answer);
        using var client = new EdgeImpulseClient(new EdgeImpulseClientOptions { BaseUrl = server.BaseUrl, ApiKey = LoopbackServer.ApiKey, Retry = new EdgeImpulseRetryOptions { BaseDelay = TimeSpan.FromMilliseconds(1) } });
        await client.Jobs.GetJobStatusAsync(52187, 5).ContinueWith(_ => { }, TaskScheduler.Default);

        Task call = operation == "cancelJob" ? client.Jobs.CancelJobAsync(52187, 5) : client.Dsp.ClearDspBlockAsync(52187, 3);
        var ex = await Assert.ThrowsAsync<EdgeImpulseApiException>(async () => await call);

        Assert.That(ex!.MayHaveTakenEffect, Is.True);
        Assert.That(server.Requests.Count(r => r.Method == "POST"), Is.EqualTo(1), "the POST reached the server once");
    }

    [Test]
    public async Task TheHttpStack_DoesResendABodylessPost_WithoutTheGuard()
    {
        // The control for the test above: a plain HttpClient POST without content is re-sent by SocketsHttpHandler.
        await using var server = new RawHttpServer(r => r.Connection == 1 && r.IndexOnConnection == 2 ? RawAction.Close : RawAction.Answer);
        using var http = new HttpClient();
        (await http.GetAsync(new Uri(server.BaseUrl + "/first"))).Dispose();

        using var response = await http.PostAsync(new Uri(server.BaseUrl + "/cancel"), null);

        Assert.That(server.Requests.Count(r => r.Method == "POST"), Is.EqualTo(2));
    }

    [TestCase(true, 2)]
    [TestCase(false, 1)]
    public async Task ABodyThatCannotBeResent_IsNotRetried_AndTheFailureSaysWhy(bool canResend, int expectedAttempts)
    {
        var policy = new RetryPolicy(new EdgeImpulseRetryOptions { BaseDelay = TimeSpan.FromMilliseconds(1) });
        var operation = new ApiOperation("classifyTest", "POST", "/api/classify", Idempotent: true, StartsJob: false);
        var attempts = 0;

        var call = policy.ExecuteAsync<string>(
            operation,
            _ => ++attempts == 1 ? Task.FromException<string>(new EdgeImpulseApiException("classifyTest failed (HTTP 503): busy", "classifyTest", 503, "busy", null, null)) : Task.FromResult("ok"),
            default,
            () => canResend);

        if (canResend)
        {
            Assert.That(await call, Is.EqualTo("ok"));
        }
        else
        {
            var ex = await Assert.ThrowsAsync<EdgeImpulseApiException>(async () => await call);
            Assert.That(ex!.Message, Does.StartWith("classifyTest failed (HTTP 503): busy It was not retried").And.Contain("cannot be rewound"));
            Assert.That(ex.Status, Is.EqualTo(503));
        }

        Assert.That(attempts, Is.EqualTo(expectedAttempts));
    }

    [Test]
    public async Task ABodyThatCannotBeResent_ANonTransientFailure_IsThrownUnchanged()
    {
        var policy = new RetryPolicy(new EdgeImpulseRetryOptions { BaseDelay = TimeSpan.FromMilliseconds(1) });
        var operation = new ApiOperation("classifyTest", "POST", "/api/classify", Idempotent: true, StartsJob: false);
        var failure = new EdgeImpulseApiException("classifyTest failed (HTTP 400): bad", "classifyTest", 400, "bad", null, null);

        var ex = await Assert.ThrowsAsync<EdgeImpulseApiException>(() => policy.ExecuteAsync<string>(operation, _ => Task.FromException<string>(failure), default, () => false));

        Assert.That(ex, Is.SameAs(failure), "nothing would have been retried, so there is nothing to explain");
    }
}
