using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using EdgeImpulse.Generated.Tests.Infrastructure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using NUnit.Framework;

namespace EdgeImpulse.Generated.Tests.Custom.DependencyInjection;

/// <summary>Tests of <see cref="EdgeImpulseServiceCollectionExtensions"/>: registration, configuration binding, IHttpClientFactory use.</summary>
[TestFixture]
public sealed class EdgeImpulseServiceCollectionExtensionsTests
{
    private const int ProjectId = 52187;

    [Test]
    public async Task ClientConfiguredInCodeSendsTheKeyToTheConfiguredAddress()
    {
        await using var server = LoopbackServer.Start();
        server.Enqueue(CannedResponse.Fixture("Impulse/getImpulse.success.json"));
        var services = new ServiceCollection();
        services.AddEdgeImpulseClient(o =>
        {
            o.BaseUrl = server.BaseUrl;
            o.ApiKey = LoopbackServer.ApiKey;
        });
        await using var provider = services.BuildServiceProvider(validateScopes: true);

        var client = provider.GetRequiredService<EdgeImpulseClient>();
        var response = await client.Impulse.GetImpulseAsync(ProjectId, cancellationToken: CancellationToken.None);

        Assert.Multiple(() =>
        {
            Assert.That(response.Impulse!.Name, Is.EqualTo("Impulse #1"));
            Assert.That(server.SingleRequest.Path, Is.EqualTo("/v1/api/52187/impulse"));
            Assert.That(server.SingleRequest.Header("x-api-key"), Is.EqualTo(LoopbackServer.ApiKey));
        });
    }

    [Test]
    public async Task OptionsBindFromAConfigurationSection()
    {
        await using var server = LoopbackServer.Start();
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["EdgeImpulse:BaseUrl"] = server.BaseUrl.ToString(),
                ["EdgeImpulse:ApiKey"] = LoopbackServer.ApiKey,
                ["EdgeImpulse:Timeout"] = "00:02:30",
                ["EdgeImpulse:MaxDownloadBytes"] = "1048576",
                ["EdgeImpulse:UserAgent"] = "my-pipeline/2.0",
            })
            .Build();
        var services = new ServiceCollection();
        services.AddEdgeImpulseClient(configuration.GetSection("EdgeImpulse"));
        await using var provider = services.BuildServiceProvider();

        var options = provider.GetRequiredService<EdgeImpulseClient>().Options;
        server.Enqueue(CannedResponse.Fixture("Impulse/getImpulse.success.json"));
        await provider.GetRequiredService<IImpulseClient>().GetImpulseAsync(ProjectId, cancellationToken: CancellationToken.None);

        Assert.Multiple(() =>
        {
            Assert.That(options.BaseUrl, Is.EqualTo(server.BaseUrl));
            Assert.That(options.Timeout, Is.EqualTo(TimeSpan.FromSeconds(150)));
            Assert.That(options.MaxDownloadBytes, Is.EqualTo(1048576));
            Assert.That(server.SingleRequest.Header("User-Agent"), Is.EqualTo("my-pipeline/2.0"));
            Assert.That(server.SingleRequest.Header("x-api-key"), Is.EqualTo(LoopbackServer.ApiKey));
        });
    }

    [Test]
    public async Task RequestsGoThroughTheFactorysHttpClientSoAddedHandlersSeeThem()
    {
        await using var server = LoopbackServer.Start();
        server.Enqueue(CannedResponse.Fixture("Impulse/getImpulse.success.json"));
        var counter = new CountingHandler();
        var services = new ServiceCollection();
        services.AddEdgeImpulseClient(o =>
        {
            o.BaseUrl = server.BaseUrl;
            o.ApiKey = LoopbackServer.ApiKey;
        }).AddHttpMessageHandler(() => counter);
        await using var provider = services.BuildServiceProvider();

        await provider.GetRequiredService<IImpulseClient>().GetImpulseAsync(ProjectId, cancellationToken: CancellationToken.None);

        Assert.That(counter.Uris, Is.EqualTo(new[] { new Uri(server.BaseUrl, "v1/api/52187/impulse") }));
    }

    [Test]
    public async Task EveryAreaClientIsRegistered()
    {
        var services = new ServiceCollection();
        services.AddEdgeImpulseClient(o => o.ApiKey = LoopbackServer.ApiKey);
        await using var provider = services.BuildServiceProvider();

        Assert.Multiple(() =>
        {
            Assert.That(provider.GetRequiredService<ILearnClient>(), Is.InstanceOf<LearnClient>());
            Assert.That(provider.GetRequiredService<IDspClient>(), Is.InstanceOf<DspClient>());
            Assert.That(provider.GetRequiredService<IJobsClient>(), Is.InstanceOf<JobsClient>());
            Assert.That(provider.GetRequiredService<IImpulseClient>(), Is.InstanceOf<ImpulseClient>());
        });
    }

    [Test]
    public async Task InvalidOptionsFailAsOptionsValidationWithoutTheCredential()
    {
        const string secret = "ei_secret_never_in_messages_0123456789";
        var services = new ServiceCollection();
        services.AddEdgeImpulseClient(o =>
        {
            o.ApiKey = secret;
            o.JwtToken = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.c2lnbmF0dXJl";
        });
        await using var provider = services.BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<EdgeImpulseClient>())!;

        Assert.Multiple(() =>
        {
            Assert.That(error.Message, Does.Contain("EdgeImpulseClientOptions.ApiKey").And.Contain("not both"));
            Assert.That(error.Message, Does.Not.Contain(secret).And.Not.Contain("eyJ"));
        });
    }

    [Test]
    public void ANegativeTimeoutFromConfigurationIsRejected()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Timeout"] = "-00:00:01" })
            .Build();
        var services = new ServiceCollection();
        services.AddEdgeImpulseClient(configuration);
        using var provider = services.BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IJobsClient>())!;

        Assert.That(error.Failures.Single(), Does.StartWith("EdgeImpulseClientOptions.Timeout:"));
    }

    [Test]
    public void RegisteringTwiceKeepsOneClientRegistration()
    {
        var services = new ServiceCollection();
        services.AddEdgeImpulseClient(o => o.ApiKey = LoopbackServer.ApiKey);
        services.AddEdgeImpulseClient(o => o.Timeout = TimeSpan.FromSeconds(5));

        Assert.That(services.Count(d => d.ServiceType == typeof(EdgeImpulseClient)), Is.EqualTo(1));
    }

    private sealed class CountingHandler : DelegatingHandler
    {
        public List<Uri> Uris { get; } = new();

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Uris.Add(request.RequestUri!);
            return base.SendAsync(request, cancellationToken);
        }
    }
}
