using System;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using EdgeImpulse.Generated.Tests.Infrastructure;
using Newtonsoft.Json.Linq;
using NSubstitute;
using NUnit.Framework;

namespace EdgeImpulse.Generated.Tests.Custom.Raw;

/// <summary>client.Raw sends any request the way the typed operations send theirs: wire, results, errors, retries, redaction.</summary>
[TestFixture]
public sealed class RawApiClientTests
{
    private static readonly string[] RefusedTemplates = ["https://evil.example/api/x", "//evil.example/api/x", "api/x?y=1", "api/x#f", "api/../x", "api/./x", "api/p{id}"];

    private static void Fast(EdgeImpulseClientOptions options) => options.Retry = new EdgeImpulseRetryOptions { MaxRetries = 2, BaseDelay = TimeSpan.FromMilliseconds(1) };

    [Test]
    public async Task Post_PutsMethodEscapedPathQueryBodyAndCredentialOnTheWire()
    {
        await using var server = LoopbackServer.Start();
        server.Enqueue(CannedResponse.Json("{\"success\":true,\"id\":7,\"name\":\"built\"}"));
        using var client = server.CreateClient();

        var result = await client.Raw.SendAsync<Answer>(new RawApiRequest(HttpMethod.Post, "api/{projectId}/deployment/{name}")
        {
            PathValues = { ["projectId"] = 42, ["name"] = "a b/c" },
            Query = { ["type"] = "zip", ["tag"] = new[] { "x", "y" }, ["skipped"] = null, ["flag"] = true },
            Body = new { engine = "tflite", modelType = "int8" },
        });

        var request = server.SingleRequest;
        Assert.Multiple(() =>
        {
            Assert.That(request.Method, Is.EqualTo("POST"));
            Assert.That(request.Path, Is.EqualTo("/v1/api/42/deployment/a%20b%2Fc"));
            Assert.That(request.Query, Is.EqualTo("type=zip&tag=x&tag=y&flag=true"));
            Assert.That(request.Header("Content-Type"), Does.StartWith("application/json"));
            Assert.That(JToken.Parse(request.Body), Is.EqualTo(JToken.Parse("{\"engine\":\"tflite\",\"modelType\":\"int8\"}")).Using<JToken>((a, b) => JToken.DeepEquals(a, b)));
            Assert.That(request.Header("x-api-key"), Is.EqualTo(LoopbackServer.ApiKey));
            Assert.That(request.Header("Accept"), Does.Contain("application/json"));
            Assert.That(result.Id, Is.EqualTo(7));
            Assert.That(result.Name, Is.EqualTo("built"));
        });
    }

    [Test]
    public async Task JObject_ReadsAnyShape_AndAJTokenBodyIsSentAsItIs()
    {
        await using var server = LoopbackServer.Start();
        server.Enqueue(CannedResponse.Json("{\"success\":true,\"targets\":[{\"format\":\"zip\"},{\"format\":\"arduino\"}]}"));
        using var client = server.CreateClient();

        var answer = await client.Raw.SendAsync<JObject>(new RawApiRequest(HttpMethod.Put, "/api/1/x") { Body = JObject.Parse("{\"a\":[1,2]}") });

        Assert.That(answer["targets"]!.Select(t => (string?)t["format"]), Is.EqualTo(new[] { "zip", "arduino" }));
        Assert.That(server.SingleRequest.Body, Is.EqualTo("{\"a\":[1,2]}"));
        Assert.That(server.SingleRequest.Path, Is.EqualTo("/v1/api/1/x"));
    }

    [Test]
    public async Task Text_IsReadAsText()
    {
        await using var server = LoopbackServer.Start();
        server.Enqueue(CannedResponse.Text("line 1\nline 2"));
        using var client = server.CreateClient();

        var text = await client.Raw.SendForTextAsync(new RawApiRequest(HttpMethod.Get, "api/{projectId}/jobs/{jobId}/stdout") { PathValues = { ["projectId"] = 1, ["jobId"] = 2 } });

        Assert.That(text, Is.EqualTo("line 1\nline 2"));
        Assert.That(server.SingleRequest.Header("Accept"), Does.Contain("text/plain"));
    }

    [Test]
    public async Task File_StreamsTheBinaryBody()
    {
        await using var server = LoopbackServer.Start();
        server.Enqueue(CannedResponse.Binary([1, 2, 3, 4]));
        using var client = server.CreateClient();

        using var file = await client.Raw.SendForFileAsync(new RawApiRequest(HttpMethod.Get, "api/1/deployment/download"));
        using var copy = new MemoryStream();
        await file.Stream.CopyToAsync(copy);

        Assert.That(copy.ToArray(), Is.EqualTo(new byte[] { 1, 2, 3, 4 }));
        Assert.That(file.StatusCode, Is.EqualTo(200));
    }

    [Test]
    public async Task SuccessFalse_IsATypedException_LabelledWithTheOperationId()
    {
        await using var server = LoopbackServer.Start();
        server.Enqueue(CannedResponse.Json("{\"success\":false,\"error\":\"No such target\"}"));
        using var client = server.CreateClient();

        var ex = await Assert.ThrowsAsync<EdgeImpulseApiException>(() => client.Raw.SendAsync<JObject>(new RawApiRequest(HttpMethod.Get, "api/{projectId}/x") { PathValues = { ["projectId"] = 3 }, OperationId = "getDeploymentTargets" }));

        Assert.That(ex!.OperationId, Is.EqualTo("getDeploymentTargets"));
        Assert.That(ex.ErrorText, Is.EqualTo("No such target"));
        Assert.That(ex.Message, Does.Contain("getDeploymentTargets"));
    }

    [Test]
    public async Task DefaultLabel_NamesMethodAndPathTemplate_NotTheFilledInPath()
    {
        await using var server = LoopbackServer.Start();
        server.Enqueue(CannedResponse.Json("{\"success\":false,\"error\":\"nope\"}", 404));
        using var client = server.CreateClient();

        var ex = await Assert.ThrowsAsync<EdgeImpulseApiException>(() => client.Raw.SendAsync<JObject>(new RawApiRequest(HttpMethod.Delete, "api/{projectId}/x") { PathValues = { ["projectId"] = 3 } }));

        Assert.That(ex!.OperationId, Is.EqualTo("raw:DELETE api/{projectId}/x"));
        Assert.That(ex.Status, Is.EqualTo(404));
    }

    [Test]
    public async Task SafeGet_IsRetriedOn503()
    {
        await using var server = LoopbackServer.Start();
        server.Enqueue(CannedResponse.Json("{\"success\":false,\"error\":\"busy\"}", 503)).Enqueue(CannedResponse.Json("{\"success\":true,\"n\":1}"));
        using var client = server.CreateClient(Fast);

        var answer = await client.Raw.SendAsync<JObject>(new RawApiRequest(HttpMethod.Get, "api/1/x"));

        Assert.That((int?)answer["n"], Is.EqualTo(1));
        Assert.That(server.Requests, Has.Count.EqualTo(2));
    }

    [Test]
    public async Task UnsafePost_IsNotResentOn503()
    {
        await using var server = LoopbackServer.Start();
        server.DefaultResponse = CannedResponse.Json("{\"success\":false,\"error\":\"busy\"}", 503);
        using var client = server.CreateClient(Fast);

        var ex = await Assert.ThrowsAsync<EdgeImpulseApiException>(() => client.Raw.SendAsync<JObject>(new RawApiRequest(HttpMethod.Post, "api/1/build")));

        Assert.That(ex!.Status, Is.EqualTo(503));
        Assert.That(server.Requests, Has.Count.EqualTo(1));
    }

    [Test]
    public async Task PostDeclaredIdempotent_IsRetriedOn503()
    {
        await using var server = LoopbackServer.Start();
        server.Enqueue(CannedResponse.Json("{\"success\":false,\"error\":\"busy\"}", 503)).Enqueue(CannedResponse.Json("{\"success\":true}"));
        using var client = server.CreateClient(Fast);

        await client.Raw.SendAsync<JObject>(new RawApiRequest(HttpMethod.Post, "api/1/classify") { Idempotent = true });

        Assert.That(server.Requests, Has.Count.EqualTo(2));
    }

    [Test]
    public async Task GetDeclaredUnsafe_IsNotResentOn503()
    {
        await using var server = LoopbackServer.Start();
        server.DefaultResponse = CannedResponse.Json("{\"success\":false,\"error\":\"busy\"}", 503);
        using var client = server.CreateClient(Fast);

        await Assert.ThrowsAsync<EdgeImpulseApiException>(() => client.Raw.SendAsync<JObject>(new RawApiRequest(HttpMethod.Get, "api/1/x") { Idempotent = false }));

        Assert.That(server.Requests, Has.Count.EqualTo(1));
    }

    [Test]
    public async Task UnsafePost_IsNotResentAfterAReset()
    {
        await using var server = new RawHttpServer(_ => RawAction.ResetMidBody);
        using var client = new EdgeImpulseClient(new EdgeImpulseClientOptions { BaseUrl = server.BaseUrl, ApiKey = LoopbackServer.ApiKey, Retry = new EdgeImpulseRetryOptions { MaxRetries = 2, BaseDelay = TimeSpan.FromMilliseconds(1) } });

        var ex = await Assert.ThrowsAsync<EdgeImpulseApiException>(() => client.Raw.SendAsync<JObject>(new RawApiRequest(HttpMethod.Post, "api/1/build")));

        Assert.That(ex!.Status, Is.EqualTo(0));
        Assert.That(server.Requests, Has.Count.EqualTo(1));
    }

    [Test]
    public async Task ABodyEchoingTheKey_NeverShowsItInTheException()
    {
        await using var server = LoopbackServer.Start();
        server.Enqueue(CannedResponse.Json($"{{\"success\":false,\"error\":\"bad key {LoopbackServer.ApiKey}\",\"echo\":\"{Uri.EscapeDataString(LoopbackServer.ApiKey)}\"}}", 401));
        using var client = server.CreateClient();

        var ex = await Assert.ThrowsAsync<EdgeImpulseApiException>(() => client.Raw.SendAsync<JObject>(new RawApiRequest(HttpMethod.Get, "api/1/x")));

        Assert.That(ex!.Status, Is.EqualTo(401));
        Assert.That(ex.ToString(), Does.Not.Contain(LoopbackServer.ApiKey));
        Assert.That(ex.ErrorText ?? string.Empty, Does.Not.Contain(LoopbackServer.ApiKey));
        Assert.That(ex.BodyExcerpt ?? string.Empty, Does.Not.Contain(LoopbackServer.ApiKey));
        Assert.That(ex.ToString(), Does.Contain("***"));
    }

    [TestCaseSource(nameof(RefusedTemplates))]
    public async Task AbsoluteOrEscapingTemplates_AreRefusedBeforeSending(string template)
    {
        await using var server = LoopbackServer.Start();
        using var client = server.CreateClient();

        Assert.Throws<ArgumentException>(() => client.Raw.SendAsync<JObject>(new RawApiRequest(HttpMethod.Get, template)));
        Assert.That(server.Requests, Is.Empty);
    }

    [TestCase("..")]
    [TestCase(".")]
    [TestCase("")]
    public async Task DotOrEmptyPathValues_AreRefused(string value)
    {
        await using var server = LoopbackServer.Start();
        using var client = server.CreateClient();

        Assert.Throws(Is.InstanceOf<ArgumentException>(), () => client.Raw.SendAsync<JObject>(new RawApiRequest(HttpMethod.Get, "api/{id}/x") { PathValues = { ["id"] = value } }));
        Assert.That(server.Requests, Is.Empty);
    }

    [Test]
    public async Task MissingOrExtraPathValues_AreRefused()
    {
        await using var server = LoopbackServer.Start();
        using var client = server.CreateClient();

        var missing = Assert.Throws<ArgumentException>(() => client.Raw.SendAsync<JObject>(new RawApiRequest(HttpMethod.Get, "api/{projectId}/x")));
        var extra = Assert.Throws<ArgumentException>(() => client.Raw.SendAsync<JObject>(new RawApiRequest(HttpMethod.Get, "api/x") { PathValues = { ["projectId"] = 1 } }));

        Assert.That(missing!.Message, Does.Contain("projectId"));
        Assert.That(extra!.Message, Does.Contain("projectId"));
        Assert.That(server.Requests, Is.Empty);
    }

    [Test]
    public async Task AMockedFacade_AnswersARawRequest()
    {
        var raw = Substitute.For<IRawApiClient>();
        raw.SendAsync<JObject>(Arg.Is<RawApiRequest>(r => r.PathTemplate == "api/{projectId}/x"), Arg.Any<CancellationToken>()).Returns(JObject.Parse("{\"n\":5}"));
        var client = Substitute.For<EdgeImpulseClient>();
        client.Raw.Returns(raw);

        var answer = await client.Raw.SendAsync<JObject>(new RawApiRequest(HttpMethod.Get, "api/{projectId}/x"));

        Assert.That((int?)answer["n"], Is.EqualTo(5));
    }

    private sealed class Answer
    {
        public int Id { get; set; }

        public string? Name { get; set; }
    }
}
