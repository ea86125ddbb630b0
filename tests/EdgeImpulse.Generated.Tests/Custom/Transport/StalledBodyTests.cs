using System;
using System.Diagnostics;
using System.IO;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using EdgeImpulse.Generated.Tests.Custom.Npy;
using EdgeImpulse.Generated.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using NUnit.Framework;

namespace EdgeImpulse.Generated.Tests.Custom.Transport;

/// <summary>
/// A server that sends the headers and part of the body, then nothing: every path fails typed (Status 0, "timed out",
/// how long) within its timeout, instead of hanging. The server stalls until it is disposed; each test is bounded.
/// </summary>
[TestFixture]
public sealed class StalledBodyTests
{
    private const int ProjectId = 52187;
    private static readonly TimeSpan Short = TimeSpan.FromMilliseconds(300);
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(5);

    [Test]
    [CancelAfter(10_000)]
    public async Task JsonBody_StallingAfterTheHeaders_FailsWhenTimeoutExpires(CancellationToken testToken)
    {
        await using var server = LoopbackServer.Start();
        server.Enqueue(Stalling(CannedResponse.Fixture("Learn/getKeras.success.json")));
        using var client = server.CreateClient(o => o.Timeout = Short);

        var ex = await TimedAsync(() => client.Learn.GetKerasAsync(ProjectId, 4, testToken));

        AssertTimedOut(ex, "getKeras", "300 ms", "EdgeImpulseClientOptions.Timeout");
        Assert.That(ex.Message, Does.Contain("while reading the HTTP 200 response body"));
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task TextBody_Stalling_FailsWhenTimeoutExpires(CancellationToken testToken)
    {
        await using var server = LoopbackServer.Start();
        server.Enqueue(Stalling(CannedResponse.Text(new string('x', 4000))));
        using var client = server.CreateClient(o => o.Timeout = Short);

        var ex = await TimedAsync(() => client.Jobs.DownloadJobsLogsAsync(ProjectId, 5, cancellationToken: testToken));

        AssertTimedOut(ex, "downloadJobsLogs", "300 ms", "EdgeImpulseClientOptions.Timeout");
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task ErrorBody_Stalling_FailsWhenTimeoutExpires(CancellationToken testToken)
    {
        await using var server = LoopbackServer.Start();
        server.Enqueue(Stalling(CannedResponse.Json("{\"success\": false, \"error\": \"" + new string('e', 4000) + "\"}", status: 500)));
        using var client = server.CreateClient(o => o.Timeout = Short);

        var ex = await TimedAsync(() => client.Impulse.GetImpulseAsync(ProjectId, cancellationToken: testToken));

        AssertTimedOut(ex, "getImpulse", "300 ms", "EdgeImpulseClientOptions.Timeout");
        Assert.That(ex.Message, Does.Contain("HTTP 500"));
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task DownloadErrorBody_Stalling_FailsWhenTimeoutExpires(CancellationToken testToken)
    {
        await using var server = LoopbackServer.Start();
        server.Enqueue(Stalling(CannedResponse.Json("{\"success\": false, \"error\": \"" + new string('e', 4000) + "\"}", status: 404)));
        using var client = server.CreateClient(o => o.Timeout = Short);

        var ex = await TimedAsync(() => client.Dsp.DownloadDspDataAsync(ProjectId, 3, RawDataCategory.Training, cancellationToken: testToken));

        AssertTimedOut(ex, "downloadDspData", "300 ms", "EdgeImpulseClientOptions.Timeout");
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task FileResponseStream_Stalling_FailsWhenReadTimeoutExpires_ThoughTimeoutIsLong(CancellationToken testToken)
    {
        await using var server = LoopbackServer.Start();
        server.Enqueue(Stalling(CannedResponse.Binary(new byte[64 * 1024])));
        using var client = server.CreateClient(o => o.ReadTimeout = Short);
        using var file = await client.Learn.DownloadLearnModelAsync(ProjectId, 3, "tflite-float32", testToken);

        var ex = await TimedAsync(() => file.Stream.CopyToAsync(Stream.Null, testToken));

        AssertTimedOut(ex, "downloadLearnModel", "300 ms", "EdgeImpulseClientOptions.ReadTimeout");
        Assert.That(ex.Message, Does.Contain("after 1000 bytes"));
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task FileResponseStream_SynchronousReadStalling_FailsWhenReadTimeoutExpires(CancellationToken testToken)
    {
        await using var server = LoopbackServer.Start();
        server.Enqueue(Stalling(CannedResponse.Binary(new byte[64 * 1024])));
        using var client = server.CreateClient(o => o.ReadTimeout = Short);
        using var file = await client.Learn.DownloadLearnModelAsync(ProjectId, 3, "tflite-float32", testToken);

        var ex = await TimedAsync(() => Task.Run(() => file.Stream.CopyTo(Stream.Null), testToken));

        AssertTimedOut(ex, "downloadLearnModel", "300 ms", "EdgeImpulseClientOptions.ReadTimeout");
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task FileResponseStream_ASlowButSteadyBody_IsNotAnIdleTimeout(CancellationToken testToken)
    {
        await using var server = LoopbackServer.Start();
        server.Enqueue(CannedResponse.Binary(new byte[3000]));
        using var client = server.CreateClient(o => o.ReadTimeout = TimeSpan.FromMilliseconds(200));
        using var file = await client.Learn.DownloadLearnModelAsync(ProjectId, 3, "tflite-float32", testToken);

        // The caller takes longer between reads than ReadTimeout: only the wait for the server counts.
        var buffer = new byte[1000];
        var total = 0;
        int read;
        while ((read = await file.Stream.ReadAsync(buffer, testToken)) > 0)
        {
            total += read;
            await Task.Delay(300, testToken);
        }

        Assert.That(total, Is.EqualTo(3000));
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task NpyArrayHelper_BodyStalling_FailsWhenReadTimeoutExpires(CancellationToken testToken)
    {
        await using var server = LoopbackServer.Start();
        server.Enqueue(Stalling(CannedResponse.Binary(NpyFixtures.Bytes("float32-2d")), after: 140));
        using var client = server.CreateClient(o => o.ReadTimeout = Short);

        var ex = await TimedAsync(() => client.Dsp.DownloadDspDataArrayAsync(ProjectId, 3, RawDataCategory.Training, cancellationToken: testToken));

        AssertTimedOut(ex, "downloadDspData", "300 ms", "EdgeImpulseClientOptions.ReadTimeout");
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task NpyArrayHelper_BodyBreakingOff_IsANoResponseFailure(CancellationToken testToken)
    {
        await using var server = LoopbackServer.Start();
        server.Enqueue(CannedResponse.Binary(NpyFixtures.Bytes("float32-2d")) with { DropAfterBytes = 140 });
        using var client = server.CreateClient();

        var ex = await Assert.ThrowsAsync<EdgeImpulseApiException>(() => client.Dsp.DownloadDspDataArrayAsync(ProjectId, 3, RawDataCategory.Training, cancellationToken: testToken));

        Assert.That(ex!.Status, Is.Zero);
        Assert.That(ex.Message, Does.Contain("broke off after the HTTP 200 headers"));
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task JsonBody_BreakingOff_IsANoResponseFailure(CancellationToken testToken)
    {
        await using var server = LoopbackServer.Start();
        server.Enqueue(CannedResponse.Fixture("Learn/getKeras.success.json") with { DropAfterBytes = 1000 });
        using var client = server.CreateClient();

        var ex = await Assert.ThrowsAsync<EdgeImpulseApiException>(() => client.Learn.GetKerasAsync(ProjectId, 4, testToken));

        Assert.That(ex!.Status, Is.Zero);
        Assert.That(ex.Message, Does.Contain("broke off while reading the HTTP 200 response body"));
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task DependencyInjectionClient_JsonBodyStalling_FailsWhenTimeoutExpires(CancellationToken testToken)
    {
        await using var server = LoopbackServer.Start();
        server.Enqueue(Stalling(CannedResponse.Fixture("Learn/getKeras.success.json")));
        var services = new ServiceCollection();
        services.AddEdgeImpulseClient(o =>
        {
            o.BaseUrl = server.BaseUrl;
            o.ApiKey = LoopbackServer.ApiKey;
            o.Timeout = Short;
            o.Retry = new EdgeImpulseRetryOptions { MaxRetries = 0 }; // one attempt's timeout (retries: RetryPolicyTests)
        });
        await using var provider = services.BuildServiceProvider(validateScopes: true);
        using var scope = provider.CreateScope();
        var client = scope.ServiceProvider.GetRequiredService<EdgeImpulseClient>();

        var ex = await TimedAsync(() => client.Learn.GetKerasAsync(ProjectId, 4, testToken));

        AssertTimedOut(ex, "getKeras", "300 ms", "EdgeImpulseClientOptions.Timeout");
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task DependencyInjectionClient_DownloadStalling_FailsWhenReadTimeoutExpires(CancellationToken testToken)
    {
        await using var server = LoopbackServer.Start();
        server.Enqueue(Stalling(CannedResponse.Binary(new byte[64 * 1024])));
        var services = new ServiceCollection();
        services.AddEdgeImpulseClient(o =>
        {
            o.BaseUrl = server.BaseUrl;
            o.ApiKey = LoopbackServer.ApiKey;
            o.ReadTimeout = Short;
        });
        await using var provider = services.BuildServiceProvider(validateScopes: true);
        using var scope = provider.CreateScope();
        var learn = scope.ServiceProvider.GetRequiredService<ILearnClient>();
        using var file = await learn.DownloadLearnModelAsync(ProjectId, 3, "tflite-float32", testToken);

        var ex = await TimedAsync(() => file.Stream.CopyToAsync(Stream.Null, testToken));

        AssertTimedOut(ex, "downloadLearnModel", "300 ms", "EdgeImpulseClientOptions.ReadTimeout");
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task CallerCancellation_DuringAStalledJsonBody_IsACancellation(CancellationToken testToken)
    {
        await using var server = LoopbackServer.Start();
        server.Enqueue(Stalling(CannedResponse.Fixture("Learn/getKeras.success.json")));
        using var client = server.CreateClient();
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(testToken);
        cts.CancelAfter(Short);

        Assert.That(async () => await client.Learn.GetKerasAsync(ProjectId, 4, cts.Token), Throws.InstanceOf<OperationCanceledException>());
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task CallerCancellation_DuringAStalledDownloadRead_IsACancellation(CancellationToken testToken)
    {
        await using var server = LoopbackServer.Start();
        server.Enqueue(Stalling(CannedResponse.Binary(new byte[64 * 1024])));
        using var client = server.CreateClient();
        using var file = await client.Learn.DownloadLearnModelAsync(ProjectId, 3, "tflite-float32", testToken);
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(testToken);
        cts.CancelAfter(Short);

        Assert.That(async () => await file.Stream.CopyToAsync(Stream.Null, cts.Token), Throws.InstanceOf<OperationCanceledException>());
    }

    private static CannedResponse Stalling(CannedResponse response, int after = 1000) => response with { StallAfterBytes = after };

    private static async Task<EdgeImpulseApiException> TimedAsync(Func<Task> call)
    {
        var clock = Stopwatch.StartNew();
        var ex = await Assert.ThrowsAsync<EdgeImpulseApiException>(async () => await call());
        Assert.That(clock.Elapsed, Is.LessThan(Bound), "the stall must end at the timeout, not hang");
        return ex!;
    }

    private static void AssertTimedOut(EdgeImpulseApiException ex, string operationId, string after, string option)
    {
        using (Assert.EnterMultipleScope())
        {
            Assert.That(ex.Status, Is.Zero);
            Assert.That(ex.OperationId, Is.EqualTo(operationId));
            Assert.That(ex.Message, Does.Contain("timed out").And.Contain(after).And.Contain(option));
        }
    }
}
