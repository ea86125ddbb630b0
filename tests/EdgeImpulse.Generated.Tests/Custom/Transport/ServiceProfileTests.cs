using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Newtonsoft.Json.Linq;
using NUnit.Framework;

namespace EdgeImpulse.Generated.Tests.Custom.Transport;

/// <summary>
/// The service's specifics the shared runtime reads (ServiceProfile): the credential header and scheme, the error
/// envelope, and whether every JSON answer must be an object. Edge Impulse's profile keeps the Studio's behaviour; a
/// service with <c>Authorization: Token</c>, <c>{"detail": ...}</c> errors and top-level arrays is served by another.
/// </summary>
[TestFixture]
public sealed class ServiceProfileTests
{
    private const string Secret = "tok_5f2c0e9b7a1d";

    private static readonly ServiceProfile StatusOnly = new(
        new Uri("https://api.example.test/v1/"),
        ApiKey: new CredentialHeader("Authorization", "Token"),
        JwtToken: new CredentialHeader("Authorization", "Bearer"),
        Envelope: new ErrorEnvelope(SuccessMember: null, ErrorTextMembers: ["detail", "error"]),
        ObjectResponsesOnly: false);

    [Test]
    public void EdgeImpulseProfile_IsTheStudiosSpecifics()
    {
        var profile = ClientService.Profile;

        Assert.That(profile.DefaultBaseUrl, Is.EqualTo(new Uri("https://studio.edgeimpulse.com/v1")));
        Assert.That(EdgeImpulseClientOptions.DefaultBaseUrl, Is.EqualTo(profile.DefaultBaseUrl));
        Assert.That((profile.ApiKey.Name, profile.ApiKey.Scheme, profile.JwtToken.Name, profile.JwtToken.Scheme), Is.EqualTo(("x-api-key", (string?)null, "x-jwt-token", (string?)null)));
        Assert.That(profile.Envelope.SuccessMember, Is.EqualTo("success"));
        Assert.That(profile.Envelope.ErrorTextMembers, Is.EqualTo(new[] { "error" }));
        Assert.That(profile.ObjectResponsesOnly, Is.True);
    }

    [TestCase(null, "tok_5f2c0e9b7a1d")]
    [TestCase("Token", "Token tok_5f2c0e9b7a1d")]
    [TestCase("Bearer", "Bearer tok_5f2c0e9b7a1d")]
    public void CredentialHeader_PutsTheSchemeBeforeTheCredential(string? scheme, string expected) =>
        Assert.That(new CredentialHeader("Authorization", scheme).ValueFor(Secret), Is.EqualTo(expected));

    [TestCase("https://api.example.test/v1/networks/", true)]
    [TestCase("https://storage.example.test/networks/", false)]
    public async Task CredentialPolicy_SendsTheProfilesHeader_OnlyToTheConfiguredOrigin(string url, bool carriesIt)
    {
        var options = new EdgeImpulseClientOptions { BaseUrl = StatusOnly.DefaultBaseUrl, ApiKey = Secret };
        using var request = new HttpRequestMessage(HttpMethod.Get, url);

        await new CredentialPolicy(options, StatusOnly).BeforeHttpRequest(request, CancellationToken.None);

        Assert.That(request.Headers.TryGetValues("Authorization", out var values) ? values.Single() : null, Is.EqualTo(carriesIt ? "Token " + Secret : null));
        Assert.That(request.Headers.Contains("x-api-key"), Is.False);
    }

    [Test]
    public async Task CredentialPolicy_WithTheEdgeImpulseProfile_SendsXApiKey()
    {
        var options = new EdgeImpulseClientOptions { ApiKey = Secret };
        using var request = new HttpRequestMessage(HttpMethod.Get, "https://studio.edgeimpulse.com/v1/api/projects");

        await new CredentialPolicy(options, ClientService.Profile).BeforeHttpRequest(request, CancellationToken.None);

        Assert.That(request.Headers.GetValues("x-api-key").Single(), Is.EqualTo(Secret));
        Assert.That(request.Headers.Contains("Authorization"), Is.False);
    }

    [Test]
    public async Task DetailErrorBody_KeepsItsText_AndRedactsTheCredential()
    {
        var failure = await Assert.ThrowsAsync<EdgeImpulseApiException>(() =>
            Read<JObject>(StatusOnly, HttpStatusCode.NotFound, $"{{\"detail\": \"No network for token {Secret}.\"}}"));

        Assert.That(failure!.Status, Is.EqualTo(404));
        Assert.That(failure.ErrorText, Is.EqualTo("No network for token ***."));
        Assert.That(failure.Message, Does.Contain("No network for token ***.").And.Not.Contain(Secret));
    }

    [Test]
    public async Task DetailErrorBody_WithTheEdgeImpulseProfile_IsNotAnErrorText()
    {
        var failure = await Assert.ThrowsAsync<EdgeImpulseApiException>(() => Read<JObject>(ClientService.Profile, HttpStatusCode.NotFound, "{\"detail\": \"Not found.\"}"));

        Assert.That(failure!.ErrorText, Is.Null);
    }

    [Test]
    public async Task ErrorMembers_ThePreferredOneWins()
    {
        var failure = await Assert.ThrowsAsync<EdgeImpulseApiException>(() => Read<JObject>(StatusOnly, HttpStatusCode.BadRequest, "{\"error\": \"second choice\", \"detail\": \"first choice\"}"));

        Assert.That(failure!.ErrorText, Is.EqualTo("first choice"));
    }

    [Test]
    public async Task WithoutASuccessMember_TheStatusDecides_SoA200WithAnErrorMemberIsAnAnswer()
    {
        var answer = await Read<JObject>(StatusOnly, HttpStatusCode.OK, "{\"id\": 7, \"detail\": \"a field that happens to be called detail\", \"success\": false}");

        Assert.That((int)answer["id"]!, Is.EqualTo(7));
    }

    [Test]
    public async Task WithTheEdgeImpulseProfile_A200WithSuccessFalse_StillFails()
    {
        var failure = await Assert.ThrowsAsync<EdgeImpulseApiException>(() => Read<JObject>(ClientService.Profile, HttpStatusCode.OK, "{\"success\": false, \"error\": \"Project is gone\"}"));

        Assert.That(failure!.ErrorText, Is.EqualTo("Project is gone"));
        Assert.That(failure.Status, Is.EqualTo(200));
    }

    [Test]
    public async Task TopLevelArray_ReadsIntoAList_WhenTheServiceAnswersArrays()
    {
        var answer = await Read<List<JObject>>(StatusOnly, HttpStatusCode.OK, "[{\"id\": 1}, {\"id\": 2}]");

        Assert.That(answer.Select(item => (int)item["id"]!), Is.EqualTo(new[] { 1, 2 }));
    }

    [Test]
    public async Task TopLevelArray_WithTheEdgeImpulseProfile_IsRefused()
    {
        var failure = await Assert.ThrowsAsync<EdgeImpulseApiException>(() => Read<List<JObject>>(ClientService.Profile, HttpStatusCode.OK, "[{\"id\": 1}]"));

        Assert.That(failure!.Message, Does.Contain("returned a JSON Array where an object was expected"));
    }

    private static Task<T> Read<T>(ServiceProfile profile, HttpStatusCode status, string body)
        where T : class
    {
        var options = new EdgeImpulseClientOptions { ApiKey = Secret };
        var reader = new ResponseReader(options, new Redactor([Secret]), profile);
        var response = new HttpResponseMessage(status) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        return reader.ReadJsonAsync<T>(response, "testOperation", CancellationToken.None);
    }
}
