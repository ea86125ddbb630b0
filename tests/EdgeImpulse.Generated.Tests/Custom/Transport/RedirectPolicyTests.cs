using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Threading.Tasks;
using EdgeImpulse.Generated.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using NUnit.Framework;

namespace EdgeImpulse.Generated.Tests.Custom.Transport;

/// <summary>
/// Credentials stay on the configured origin and a redirected non-GET never silently becomes a GET: every redirect
/// code × construction style × credential, counting what a second loopback origin (another port) receives.
/// </summary>
[TestFixture]
public sealed class RedirectPolicyTests
{
    private const string Jwt = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ0ZXN0In0.c2lnbmF0dXJl";

    private static readonly int[] Codes = [301, 302, 303, 307, 308];

    public static IEnumerable<TestCaseData> Matrix() =>
        from code in Codes
        from style in new[] { "direct", "DI" }
        from credential in new[] { "ApiKey", "JwtToken" }
        select new TestCaseData(code, style, credential).SetArgDisplayNames($"{code}", style, credential);

    [TestCaseSource(nameof(Matrix))]
    public async Task Get_RedirectedToAnotherOrigin_IsFollowedWithoutCredentials(int code, string style, string credential)
    {
        await using var studio = LoopbackServer.Start();
        await using var other = LoopbackServer.Start();
        studio.Enqueue(RedirectTo(code, new Uri(other.Root, "storage/keras.json")));
        other.Enqueue(CannedResponse.Json("{\"success\":true,\"dependencies\":{}}"));
        using var scope = Create(style, credential, studio, out var client);

        await client.Learn.GetKerasAsync(52187, 4);

        Assert.That(studio.Requests, Has.Count.EqualTo(1));
        Assert.That(studio.SingleRequest.Header(credential == "ApiKey" ? "x-api-key" : "x-jwt-token"), Is.Not.Null, "the Studio gets the credential");
        Assert.That(other.Requests, Has.Count.EqualTo(1));
        Assert.That(other.SingleRequest.Header("x-api-key"), Is.Null);
        Assert.That(other.SingleRequest.Header("x-jwt-token"), Is.Null);
        Assert.That(other.SingleRequest.Path, Is.EqualTo("/storage/keras.json"));
    }

    [TestCaseSource(nameof(Matrix))]
    public async Task Post_RedirectedAnywhere_IsRefusedTyped_AndNothingReachesTheOtherOrigin(int code, string style, string credential)
    {
        await using var studio = LoopbackServer.Start();
        await using var other = LoopbackServer.Start();
        studio.Enqueue(RedirectTo(code, new Uri(other.Root, "v1/api/52187/training/keras/4")));
        using var scope = Create(style, credential, studio, out var client);

        var ex = await Assert.ThrowsAsync<EdgeImpulseApiException>(() => client.Learn.SetKerasAsync(52187, 4, new SetKerasParameterRequest()));

        Assert.That(ex!.Status, Is.EqualTo(code));
        Assert.That(ex.Message, Does.Contain("refused to follow"));
        Assert.That(other.Requests, Is.Empty);
        Assert.That(studio.Requests, Has.Count.EqualTo(1));
    }

    [TestCase(301)]
    [TestCase(302)]
    [TestCase(303)]
    public async Task UnsafePost_SameOriginRedirectThatWouldBecomeAGet_IsRefused(int code)
    {
        await using var studio = LoopbackServer.Start();
        studio.Enqueue(RedirectTo(code, new Uri(studio.Root, "v1/api/52187/training/keras/5")));
        using var client = studio.CreateClient();

        var ex = await Assert.ThrowsAsync<EdgeImpulseApiException>(() => client.Learn.SetKerasAsync(52187, 4, new SetKerasParameterRequest()));

        Assert.That(ex!.Message, Does.Contain("into a GET"));
        Assert.That(studio.Requests, Has.Count.EqualTo(1));
    }

    [TestCase(307)]
    [TestCase(308)]
    public async Task SafePost_SameOrigin307Or308_IsResentWithTheSameMethodBodyAndCredential(int code)
    {
        await using var studio = LoopbackServer.Start();
        studio.Enqueue(RedirectTo(code, new Uri(studio.Root, "v1/moved/run")));
        studio.Enqueue(CannedResponse.Fixture("Dsp/runDspOnFeaturesArray.success.json"));
        using var client = studio.CreateClient();
        var body = FixtureJson.Read<DspRunRequestWithFeatures>("Dsp/runDspOnFeaturesArray.request.json");

        await client.Dsp.RunDspOnFeaturesArrayAsync(52187, 3, body);

        var requests = studio.Requests;
        Assert.That(requests, Has.Count.EqualTo(2));
        Assert.That(requests[1].Method, Is.EqualTo("POST"));
        Assert.That(requests[1].Path, Is.EqualTo("/v1/moved/run"));
        Assert.That(requests[1].Body, Is.EqualTo(requests[0].Body).And.Not.Empty);
        Assert.That(requests[1].Header("x-api-key"), Is.EqualTo(LoopbackServer.ApiKey));
    }

    [Test]
    public async Task Get_SameOriginRedirect_KeepsTheCredential()
    {
        await using var studio = LoopbackServer.Start();
        studio.Enqueue(RedirectTo(302, new Uri(studio.Root, "v1/elsewhere")));
        studio.Enqueue(CannedResponse.Json("{\"success\":true,\"dependencies\":{}}"));
        using var client = studio.CreateClient();

        await client.Learn.GetKerasAsync(52187, 4);

        Assert.That(studio.Requests.Select(r => r.Header("x-api-key")).ToArray(), Is.EqualTo(new[] { LoopbackServer.ApiKey, LoopbackServer.ApiKey }));
    }

    [Test]
    public async Task RedirectLoop_IsBounded()
    {
        await using var studio = LoopbackServer.Start();
        studio.DefaultResponse = RedirectTo(302, new Uri(studio.Root, "v1/again"));
        using var client = studio.CreateClient();

        var ex = await Assert.ThrowsAsync<EdgeImpulseApiException>(() => client.Learn.GetKerasAsync(52187, 4));

        Assert.That(ex!.Message, Does.Contain("more than 5 redirects"));
        Assert.That(studio.Requests, Has.Count.EqualTo(6));
    }

    [Test]
    public async Task CallerOwnedHandlerThatFollowsRedirects_IsDetected_AndFailsTyped()
    {
        await using var studio = LoopbackServer.Start();
        await using var other = LoopbackServer.Start();
        studio.Enqueue(RedirectTo(302, new Uri(other.Root, "storage")));
        using var http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = true });
        using var client = new EdgeImpulseClient(http, new EdgeImpulseClientOptions { BaseUrl = studio.BaseUrl, ApiKey = LoopbackServer.ApiKey, Retry = new EdgeImpulseRetryOptions { MaxRetries = 0 } });

        var ex = await Assert.ThrowsAsync<EdgeImpulseApiException>(() => client.Learn.GetKerasAsync(52187, 4));

        Assert.That(ex!.Message, Does.Contain("AllowAutoRedirect = false"));
    }

    private static CannedResponse RedirectTo(int code, Uri location) =>
        new(code, [], null, new Dictionary<string, string> { ["Location"] = location.ToString() });

    private static IDisposable? Create(string style, string credential, LoopbackServer studio, out EdgeImpulseClient client)
    {
        void Configure(EdgeImpulseClientOptions o)
        {
            o.BaseUrl = studio.BaseUrl;
            o.ApiKey = credential == "ApiKey" ? LoopbackServer.ApiKey : null;
            o.JwtToken = credential == "JwtToken" ? Jwt : null;
            o.Retry = new EdgeImpulseRetryOptions { MaxRetries = 0 };
        }

        if (style == "direct")
        {
            var options = new EdgeImpulseClientOptions();
            Configure(options);
            client = new EdgeImpulseClient(options);
            return client;
        }

        var services = new ServiceCollection();
        services.AddEdgeImpulseClient(Configure);
        var provider = services.BuildServiceProvider();
        var scope = provider.CreateScope();
        client = scope.ServiceProvider.GetRequiredService<EdgeImpulseClient>();
        return new Both(scope, provider);
    }

    private sealed class Both(IDisposable scope, IDisposable provider) : IDisposable
    {
        public void Dispose()
        {
            scope.Dispose();
            provider.Dispose();
        }
    }
}
