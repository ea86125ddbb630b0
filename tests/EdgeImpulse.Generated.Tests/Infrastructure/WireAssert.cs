using System;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using Newtonsoft.Json.Linq;
using NUnit.Framework;

namespace EdgeImpulse.Generated.Tests.Infrastructure;

/// <summary>One call against a fresh loopback server, and asserts on what went over the wire.</summary>
internal static class WireAssert
{
    public const string Json = "application/json";

    public static Task<(T Result, RecordedRequest Request)> SendAsync<T>(string fixture, Func<EdgeImpulseClient, Task<T>> call) =>
        SendAsync(CannedResponse.Fixture(fixture), call);

    public static async Task<(T Result, RecordedRequest Request)> SendAsync<T>(CannedResponse response, Func<EdgeImpulseClient, Task<T>> call)
    {
        await using var server = LoopbackServer.Start();
        server.Enqueue(response);
        using var client = server.CreateClient();
        var result = await call(client);
        return (result, server.SingleRequest);
    }

    // Reads the whole stream and disposes the FileResponse before the server goes away.
    public static Task<(Downloaded File, RecordedRequest Request)> DownloadAsync(byte[] served, Func<EdgeImpulseClient, Task<FileResponse>> call) =>
        SendAsync(CannedResponse.Binary(served), async client =>
        {
            using var file = await call(client);
            using var copy = new MemoryStream();
            await file.Stream.CopyToAsync(copy);
            return new Downloaded(copy.ToArray(), file.ContentType, file.ContentLength, file.StatusCode);
        });

    /// <param name="accept">The Accept header expected; null leaves it to the per-operation media type tests.</param>
    public static void AssertRequest(RecordedRequest request, string method, string path, string query, string? accept = Json)
    {
        using (Assert.EnterMultipleScope())
        {
            Assert.That(request.Method, Is.EqualTo(method));
            Assert.That(request.Path, Is.EqualTo(path));
            Assert.That(request.Query, Is.EqualTo(query));
            Assert.That(request.Header("x-api-key"), Is.EqualTo(LoopbackServer.ApiKey));
            if (accept is not null)
            {
                Assert.That(request.Header("Accept"), Is.EqualTo(accept));
            }

            if (method == "GET")
            {
                Assert.That(request.Body, Is.Empty);
            }
        }
    }

    public static void AssertJsonBody(RecordedRequest request, string expectedFixture)
    {
        var actual = NormalizeNumbers(JObject.Parse(request.Body));
        var expected = NormalizeNumbers(JObject.Parse(TestPaths.ReadFixture(expectedFixture)));
        using (Assert.EnterMultipleScope())
        {
            Assert.That(request.Header("Content-Type"), Does.StartWith(Json));
            Assert.That(JToken.DeepEquals(actual, expected), Is.True, $"Body sent:\n{actual}\nExpected ({expectedFixture}):\n{expected}");
        }
    }

    // JSON has one number type, so 32 and 32.0 are the same value; JToken.DeepEquals tells Integer from Float apart
    // (a 'number' field such as batchSize is a double in C# and is written as 32.0).
    private static JObject NormalizeNumbers(JObject json)
    {
        foreach (var value in json.Descendants().OfType<JValue>().Where(v => v.Type == JTokenType.Integer).ToList())
        {
            value.Value = Convert.ToDouble(value.Value, CultureInfo.InvariantCulture);
        }

        return json;
    }
}

/// <summary>A download read to the end: its bytes and what the response said about them.</summary>
internal sealed record Downloaded(byte[] Bytes, string? ContentType, long? ContentLength, int StatusCode);
