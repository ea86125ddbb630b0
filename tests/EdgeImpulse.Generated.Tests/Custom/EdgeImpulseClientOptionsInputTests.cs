using System;
using System.Collections.Generic;
using System.Threading.Tasks;
using EdgeImpulse.Generated.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using NUnit.Framework;

namespace EdgeImpulse.Generated.Tests.Custom;

/// <summary>Caller input that would silently address another URL, send a broken header or break every call is refused at validation.</summary>
[TestFixture]
public sealed class EdgeImpulseClientOptionsInputTests
{
    private const string Secret = "ei_secretvalue0123";

    public static IEnumerable<TestCaseData> InvalidOptions()
    {
        yield return new TestCaseData(new Action<EdgeImpulseClientOptions>(o => o.ApiKey = "   "), "ApiKey", "whitespace").SetName("ApiKey_WhitespaceOnly");
        yield return new TestCaseData(new Action<EdgeImpulseClientOptions>(o => o.ApiKey = "\r\n\t"), "ApiKey", "whitespace").SetName("ApiKey_NewlinesOnly");
        yield return new TestCaseData(new Action<EdgeImpulseClientOptions>(o => o.ApiKey = Secret + "\nX-Injected: 1"), "ApiKey", "control character").SetName("ApiKey_HeaderInjection");
        yield return new TestCaseData(new Action<EdgeImpulseClientOptions>(o => o.ApiKey = Secret + "\u0001x"), "ApiKey", "control character").SetName("ApiKey_ControlCharacterInside");
        yield return new TestCaseData(new Action<EdgeImpulseClientOptions>(o => o.ApiKey = Secret + "é"), "ApiKey", "non-ASCII").SetName("ApiKey_NonAscii");
        yield return new TestCaseData(new Action<EdgeImpulseClientOptions>(o => o.JwtToken = " \t "), "JwtToken", "whitespace").SetName("Jwt_WhitespaceOnly");
        yield return new TestCaseData(new Action<EdgeImpulseClientOptions>(o => o.JwtToken = "eyJ" + Secret + "\u007f.x"), "JwtToken", "control character").SetName("Jwt_Delete");
        yield return new TestCaseData(new Action<EdgeImpulseClientOptions>(o => o.BaseUrl = new Uri("https://studio.edgeimpulse.com/v1?x=1")), "BaseUrl", "query").SetName("BaseUrl_WithQuery");
        yield return new TestCaseData(new Action<EdgeImpulseClientOptions>(o => o.BaseUrl = new Uri("https://studio.edgeimpulse.com/v1#top")), "BaseUrl", "fragment").SetName("BaseUrl_WithFragment");
        yield return new TestCaseData(new Action<EdgeImpulseClientOptions>(o => o.BaseUrl = new Uri($"https://user:{Secret}@studio.edgeimpulse.com/v1")), "BaseUrl", "user info").SetName("BaseUrl_WithUserInfo");
        yield return new TestCaseData(new Action<EdgeImpulseClientOptions>(o => o.Timeout = TimeSpan.FromDays(50)), "Timeout", "at most").SetName("Timeout_50Days");
        yield return new TestCaseData(new Action<EdgeImpulseClientOptions>(o => o.Timeout = TimeSpan.FromMilliseconds(int.MaxValue + 1L)), "Timeout", "at most").SetName("Timeout_JustOverIntMaxMilliseconds");
        yield return new TestCaseData(new Action<EdgeImpulseClientOptions>(o => o.Timeout = TimeSpan.FromSeconds(-2)), "Timeout", "positive").SetName("Timeout_Negative");
    }

    [TestCaseSource(nameof(InvalidOptions))]
    public void Constructor_RejectsWithAMessageNamingTheProblemNotTheValue(Action<EdgeImpulseClientOptions> configure, string setting, string problem)
    {
        var options = new EdgeImpulseClientOptions { ApiKey = "ei_placeholder" };
        if (setting == "JwtToken")
        {
            options.ApiKey = null;
        }

        configure(options);

        var ex = Assert.Catch<ArgumentException>(() => _ = new EdgeImpulseClient(options))!;

        Assert.That(ex.ParamName, Is.EqualTo(setting));
        Assert.That(ex.Message, Does.Contain(problem));
        Assert.That(ex.ToString(), Does.Not.Contain("secretvalue"));
    }

    [TestCaseSource(nameof(InvalidOptions))]
    public void DependencyInjection_RejectsWithOptionsValidationException(Action<EdgeImpulseClientOptions> configure, string setting, string problem)
    {
        var services = new ServiceCollection();
        services.AddEdgeImpulseClient(o =>
        {
            o.ApiKey = setting == "JwtToken" ? null : "ei_placeholder";
            configure(o);
        });
        using var provider = services.BuildServiceProvider();

        var ex = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<EdgeImpulseClient>())!;

        Assert.That(ex.Message, Does.Contain(setting).And.Contain(problem));
        Assert.That(ex.ToString(), Does.Not.Contain("secretvalue"));
    }

    [Test]
    public void Credentials_AreTrimmedOfSurroundingWhitespace()
    {
        using var client = new EdgeImpulseClient(new EdgeImpulseClientOptions { ApiKey = "  ei_key_from_file\r\n" });
        using var jwtClient = new EdgeImpulseClient(new EdgeImpulseClientOptions { JwtToken = "\teyJ.a.b \n" });

        Assert.That(client.Options.ApiKey, Is.EqualTo("ei_key_from_file"));
        Assert.That(jwtClient.Options.JwtToken, Is.EqualTo("eyJ.a.b"));
    }

    [Test]
    public void LongestAcceptedTimeout_AndInfinite_AreValid()
    {
        using var longest = new EdgeImpulseClient(new EdgeImpulseClientOptions { Timeout = TimeSpan.FromMilliseconds(int.MaxValue) });
        using var infinite = new EdgeImpulseClient(new EdgeImpulseClientOptions { Timeout = System.Threading.Timeout.InfiniteTimeSpan });

        Assert.That(longest.Options.Timeout, Is.EqualTo(TimeSpan.FromMilliseconds(int.MaxValue)));
    }

    [Test]
    public void ToString_HidesCredentialsAndUserInfo()
    {
        var options = new EdgeImpulseClientOptions { ApiKey = Secret, BaseUrl = new Uri($"https://u:{Secret}@example.com/v1") };

        Assert.That(options.ToString(), Does.Not.Contain("secretvalue"));
    }

    [TestCase(".")]
    [TestCase("..")]
    public async Task DotSegmentPathValue_IsRejectedBeforeAnythingIsSent(string key)
    {
        await using var server = LoopbackServer.Start();
        using var client = server.CreateClient();

        var ex = await Assert.ThrowsAsync<ArgumentException>(() => client.Learn.DownloadLearnModelAsync(52187, 3, key));

        Assert.That(ex!.ParamName, Is.EqualTo("modelDownloadId"));
        Assert.That(server.Requests, Is.Empty);
    }

    [TestCase("...")]
    [TestCase(".hidden")]
    [TestCase("a/../b")]
    public async Task OtherPathValuesWithDots_StayInsideTheirSegment(string key)
    {
        await using var server = LoopbackServer.Start();
        server.Enqueue(CannedResponse.Binary([1, 2, 3]));
        using var client = server.CreateClient();

        using var file = await client.Learn.DownloadLearnModelAsync(52187, 3, key);

        Assert.That(server.SingleRequest.Path, Does.StartWith("/v1/api/52187/learn-data/3/model/").And.Not.EndWith("/b"));
    }
}
