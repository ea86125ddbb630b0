using System;
using System.Collections.Generic;
using System.Threading;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using NUnit.Framework;

namespace EdgeImpulse.Generated.Tests.Custom;

/// <summary>The read bounds among <see cref="EdgeImpulseClientOptions"/>: defaults, validation, copying, configuration binding.</summary>
[TestFixture]
public sealed class EdgeImpulseClientOptionsTests
{
    private static IEnumerable<TestCaseData> InvalidBounds()
    {
        yield return new TestCaseData(new Action<EdgeImpulseClientOptions>(o => o.ReadTimeout = TimeSpan.Zero), "ReadTimeout").SetName("ReadTimeout_Zero");
        yield return new TestCaseData(new Action<EdgeImpulseClientOptions>(o => o.ReadTimeout = TimeSpan.FromSeconds(-2)), "ReadTimeout").SetName("ReadTimeout_Negative");
        yield return new TestCaseData(new Action<EdgeImpulseClientOptions>(o => o.ReadTimeout = TimeSpan.FromDays(50)), "ReadTimeout").SetName("ReadTimeout_OverTheTimerRange");
        yield return new TestCaseData(new Action<EdgeImpulseClientOptions>(o => o.Timeout = TimeSpan.FromDays(50)), "Timeout").SetName("Timeout_OverTheTimerRange");
        yield return new TestCaseData(new Action<EdgeImpulseClientOptions>(o => o.MaxResponseBytes = 0), "MaxResponseBytes").SetName("MaxResponseBytes_Zero");
        yield return new TestCaseData(new Action<EdgeImpulseClientOptions>(o => o.MaxResponseBytes = -1), "MaxResponseBytes").SetName("MaxResponseBytes_Negative");
    }

    [Test]
    public void Defaults_BoundEveryRead()
    {
        var options = new EdgeImpulseClientOptions();

        Assert.That((options.Timeout, options.ReadTimeout, options.MaxResponseBytes), Is.EqualTo((TimeSpan.FromSeconds(100), TimeSpan.FromSeconds(60), 256L * 1024 * 1024)));
    }

    [TestCaseSource(nameof(InvalidBounds))]
    public void InvalidBound_IsRejectedNamingTheOption(Action<EdgeImpulseClientOptions> configure, string option)
    {
        var options = new EdgeImpulseClientOptions { ApiKey = "ei_key" };
        configure(options);

        var error = Assert.Throws<ArgumentOutOfRangeException>(() => _ = new EdgeImpulseClient(options));

        Assert.That(error!.ParamName, Is.EqualTo(option));
    }

    [Test]
    public void UnboundedSettings_AreAccepted_AndCopied()
    {
        var options = new EdgeImpulseClientOptions { ApiKey = "ei_key", Timeout = Timeout.InfiniteTimeSpan, ReadTimeout = Timeout.InfiniteTimeSpan, MaxResponseBytes = null };

        using var client = new EdgeImpulseClient(options);

        Assert.That((client.Options.Timeout, client.Options.ReadTimeout, client.Options.MaxResponseBytes), Is.EqualTo((Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan, (long?)null)));
        Assert.That(client.Options.ToString(), Does.Contain("MaxResponseBytes=unlimited").And.Contain("ReadTimeout=-00:00:00.0010000"));
    }

    [Test]
    public void ReadBounds_BindFromConfiguration()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["ApiKey"] = "ei_key", ["ReadTimeout"] = "00:00:15", ["MaxResponseBytes"] = "1048576" })
            .Build();
        var services = new ServiceCollection();
        services.AddEdgeImpulseClient(configuration);
        using var provider = services.BuildServiceProvider();

        var options = provider.GetRequiredService<IOptions<EdgeImpulseClientOptions>>().Value;

        Assert.That((options.ReadTimeout, options.MaxResponseBytes), Is.EqualTo((TimeSpan.FromSeconds(15), 1048576L)));
    }

    [Test]
    public void AnInvalidReadTimeoutFromConfiguration_FailsValidationNamingIt()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["ApiKey"] = "ei_key", ["ReadTimeout"] = "00:00:00" })
            .Build();
        var services = new ServiceCollection();
        services.AddEdgeImpulseClient(configuration);
        using var provider = services.BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(() => _ = provider.GetRequiredService<IOptions<EdgeImpulseClientOptions>>().Value);

        Assert.That(error!.Message, Does.StartWith("EdgeImpulseClientOptions.ReadTimeout:"));
    }
}
