using System.Threading.Tasks;
using EdgeImpulse.Generated.Tests.Infrastructure;
using NUnit.Framework;
using RestSharp;

namespace EdgeImpulse.Generated.Tests.Custom.Transport;

/// <summary>
/// Operations without a result (204, or no content in the spec) complete as a Task yet still fail on the error envelope;
/// file and text operations ask for the spec's media type (Accept), JSON operations for JSON.
/// </summary>
[TestFixture]
public sealed class NoResultAndMediaTypeTests
{
    private static readonly ApiOperation Delete = new("deleteTest", "DELETE", "/api/{projectId}/thing/{id}", Idempotent: true, StartsJob: false);

    public static TestCaseData[] Completions() =>
    [
        new TestCaseData(new CannedResponse(204, [], null)).SetArgDisplayNames("204 no content"),
        new TestCaseData(new CannedResponse(200, [], "application/json")).SetArgDisplayNames("200 empty"),
        new TestCaseData(CannedResponse.Json("{\"success\":true}")).SetArgDisplayNames("200 success true"),
        new TestCaseData(CannedResponse.Json("{\"id\":4}", 201)).SetArgDisplayNames("201 JSON without an envelope"),
        new TestCaseData(CannedResponse.Json("[1,2]")).SetArgDisplayNames("200 JSON array"),
        new TestCaseData(CannedResponse.Text("deleted")).SetArgDisplayNames("200 text"),
    ];

    public static TestCaseData[] Failures() =>
    [
        new TestCaseData(CannedResponse.Json("{\"success\":false,\"error\":\"No such thing\"}"), 200, "No such thing").SetArgDisplayNames("200 success false"),
        new TestCaseData(CannedResponse.Json("{\"error\":\"Not allowed\"}"), 200, "Not allowed").SetArgDisplayNames("200 error text only"),
        new TestCaseData(CannedResponse.Json("{\"success\":false,\"error\":\"gone\"}", 404), 404, "gone").SetArgDisplayNames("404 envelope"),
        new TestCaseData(CannedResponse.Text("oops", status: 500), 500, null).SetArgDisplayNames("500 text"),
        new TestCaseData(CannedResponse.Text("<html>login</html>", "text/html"), 200, null).SetArgDisplayNames("200 HTML page"),
        new TestCaseData(CannedResponse.Json("{\"success\":"), 200, null).SetArgDisplayNames("200 cut-off JSON"),
    ];

    [TestCaseSource(nameof(Completions))]
    public async Task NoResult_Completes_AskingForJson(object answer)
    {
        await using var server = LoopbackServer.Start();
        server.Enqueue((CannedResponse)answer); // CannedResponse is internal to the tests
        using var connection = server.CreateConnection();

        await connection.SendWithoutResultAsync(Request(), Delete, default);

        WireAssert.AssertRequest(server.SingleRequest, "DELETE", "/v1/api/1/thing/2", string.Empty);
    }

    [TestCaseSource(nameof(Failures))]
    public async Task NoResult_ErrorAnswers_AreTypedFailures(object answer, int status, string? errorText)
    {
        await using var server = LoopbackServer.Start();
        server.Enqueue((CannedResponse)answer); // CannedResponse is internal to the tests
        using var connection = server.CreateConnection();

        var ex = await Assert.ThrowsAsync<EdgeImpulseApiException>(() => connection.SendWithoutResultAsync(Request(), Delete, default));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(ex!.Status, Is.EqualTo(status));
            Assert.That(ex.ErrorText, Is.EqualTo(errorText));
            Assert.That(ex.OperationId, Is.EqualTo("deleteTest"));
        }
    }

    [TestCase("application/zip")]
    [TestCase("image/jpeg")]
    [TestCase("application/x-tar")]
    [TestCase("audio/wav")]
    public async Task File_AsksForTheSpecsMediaType(string mediaType)
    {
        await using var server = LoopbackServer.Start();
        server.Enqueue(CannedResponse.Binary([1, 2, 3], mediaType));
        using var connection = server.CreateConnection();

        using var file = await connection.SendForFileAsync(new RestRequest("api/1/file"), "downloadTest", mediaType, default);

        Assert.That(server.SingleRequest.Header("Accept"), Is.EqualTo(mediaType));
        Assert.That(file.ContentType, Is.EqualTo(mediaType));
    }

    [TestCase("text/plain")]
    [TestCase("text/csv")]
    public async Task Text_AsksForTheSpecsMediaType(string mediaType)
    {
        await using var server = LoopbackServer.Start();
        server.Enqueue(CannedResponse.Text("a,b\n1,2\n", mediaType + "; charset=utf-8"));
        using var connection = server.CreateConnection();

        var text = await connection.SendForTextAsync(new RestRequest("api/1/text"), "textTest", mediaType, default);

        Assert.That(server.SingleRequest.Header("Accept"), Is.EqualTo(mediaType));
        Assert.That(text, Is.EqualTo("a,b\n1,2\n"));
    }

    private static RestRequest Request()
    {
        var request = new RestRequest("api/{projectId}/thing/{id}", Method.Delete);
        ApiConnection.AddPathSegment(request, "projectId", 1);
        ApiConnection.AddPathSegment(request, "id", 2);
        return request;
    }
}
