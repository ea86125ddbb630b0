using System;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using EdgeImpulse.Generated.Tests.Infrastructure;
using Newtonsoft.Json.Linq;
using NUnit.Framework;
using static EdgeImpulse.Generated.Tests.Infrastructure.WireAssert;

namespace EdgeImpulse.Generated.Tests.Clients;

/// <summary>Wire-level tests of <see cref="ImpulseClient"/>: what getImpulse sends, and what it reads back.</summary>
[TestFixture]
public sealed class ImpulseClientTests
{
    private const int ProjectId = 52187;
    private const string Fixture = "Impulse/getImpulse.success.json";

    [Test]
    public async Task GetImpulse_SendsImpulseIdInQuery()
    {
        var (_, request) = await SendAsync(Fixture, c => c.Impulse.GetImpulseAsync(ProjectId, 1, CancellationToken.None));

        AssertRequest(request, "GET", "/v1/api/52187/impulse", "impulseId=1");
    }

    [Test]
    public async Task GetImpulse_SendsNoQueryWhenImpulseIdOmitted()
    {
        var (_, request) = await SendAsync(Fixture, c => c.Impulse.GetImpulseAsync(ProjectId));

        AssertRequest(request, "GET", "/v1/api/52187/impulse", string.Empty);
    }

    [Test]
    public async Task GetImpulse_ReadsImpulseAndInputBlock()
    {
        var (response, _) = await SendAsync(Fixture, c => c.Impulse.GetImpulseAsync(ProjectId));

        var impulse = response.Impulse!;
        var input = impulse.InputBlocks.Single();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(response.Success, Is.True);
            Assert.That(impulse.Id, Is.EqualTo(1));
            Assert.That(impulse.Name, Is.EqualTo("Impulse #1"));
            Assert.That(impulse.Type, Is.EqualTo(ImpulseType.Default));
            Assert.That(impulse.Type?.IsKnown, Is.True);
            Assert.That(impulse.PostProcessingBlocks, Is.Empty);
            Assert.That(input.Id, Is.EqualTo(2));
            Assert.That(input.Type, Is.EqualTo(ImpulseInputBlockType.TimeSeries));
            Assert.That(input.Type?.Value, Is.EqualTo("time-series"));
            Assert.That(input.Axes, Is.EqualTo(new[] { "accX", "accY", "accZ" }));
            Assert.That(input.WindowSizeMs, Is.EqualTo(2000));
            Assert.That(input.WindowIncreaseMs, Is.EqualTo(80));
            Assert.That(input.FrequencyHz, Is.EqualTo(62.5));
            Assert.That(input.PadZeros, Is.True);
            Assert.That(input.ImageWidth, Is.Null);
            Assert.That(input.CreatedAt, Is.EqualTo(new DateTimeOffset(2026, 1, 14, 9, 12, 44, 318, TimeSpan.Zero)));
        }
    }

    [Test]
    public async Task GetImpulse_ReadsDspAndLearnBlockIds()
    {
        var (response, _) = await SendAsync(Fixture, c => c.Impulse.GetImpulseAsync(ProjectId, 1));

        var impulse = response.Impulse!;
        var dsp = impulse.DspBlocks.Single();
        var classifier = impulse.LearnBlocks[0];
        var anomaly = impulse.LearnBlocks[1];
        using (Assert.EnterMultipleScope())
        {
            Assert.That(dsp.Id, Is.EqualTo(3));
            Assert.That(dsp.Name, Is.EqualTo("Spectral features"));
            Assert.That(dsp.Type, Is.EqualTo("spectral-analysis"));
            Assert.That(dsp.ValuesPerAxis, Is.EqualTo(6));
            Assert.That(dsp.Input, Is.EqualTo(2));
            Assert.That(dsp.ImplementationVersion, Is.EqualTo(4));
            Assert.That(impulse.LearnBlocks, Has.Count.EqualTo(2));
            Assert.That(classifier.Id, Is.EqualTo(4));
            Assert.That(classifier.Name, Is.EqualTo("Classifier"));
            Assert.That(classifier.Type, Is.EqualTo(LearnBlockType.Keras));
            Assert.That(classifier.Dsp, Is.EqualTo(new[] { 3 }));
            Assert.That(classifier.TrainingProcessor, Is.EqualTo(ExperimentalImpulseSpecificGpuTrainingProcessor.Cpu));
            Assert.That(anomaly.Id, Is.EqualTo(5));
            Assert.That(anomaly.Type?.Value, Is.EqualTo("anomaly"));
            Assert.That(anomaly.TrainingProcessor, Is.Null);
        }
    }

    [Test]
    public async Task CreateImpulse_PostsTheBlocks_AndReadsTheImpulseId()
    {
        var body = FixtureJson.Read<CreateImpulseRequest>("Impulse/createImpulse.request.json");

        var (response, request) = await SendAsync("Impulse/createImpulse.success.json", c => c.Impulse.CreateImpulseAsync(ProjectId, body, cancellationToken: CancellationToken.None));

        AssertRequest(request, "POST", "/v1/api/52187/impulse", string.Empty);
        AssertJsonBody(request, "Impulse/createImpulse.request.json");
        using (Assert.EnterMultipleScope())
        {
            Assert.That(body.LearnBlocks.Single().Dsp, Is.EqualTo(new[] { 3 }));
            Assert.That(body.DspBlocks.Single().Axes, Is.EqualTo(new[] { "accX", "accY", "accZ" }));
            Assert.That(response.Success, Is.True);
            Assert.That(response.Id, Is.EqualTo(1));
        }
    }

    [Test]
    public async Task CreateImpulse_SendsTheImpulseIdWhenGiven()
    {
        var body = FixtureJson.Read<CreateImpulseRequest>("Impulse/createImpulse.request.json");

        var (_, request) = await SendAsync("Impulse/createImpulse.success.json", c => c.Impulse.CreateImpulseAsync(ProjectId, body, 2));

        AssertRequest(request, "POST", "/v1/api/52187/impulse", "impulseId=2");
    }

    [Test]
    public async Task UpdateImpulse_PostsOnlyTheFieldsSet()
    {
        var body = FixtureJson.Read<UpdateImpulseRequest>("Impulse/updateImpulse.request.json");

        var (response, request) = await SendAsync("Impulse/updateImpulse.success.json", c => c.Impulse.UpdateImpulseAsync(ProjectId, body, cancellationToken: CancellationToken.None));

        AssertRequest(request, "POST", "/v1/api/52187/impulse/update", string.Empty);
        AssertJsonBody(request, "Impulse/updateImpulse.request.json");
        using (Assert.EnterMultipleScope())
        {
            Assert.That(JObject.Parse(request.Body).ContainsKey("type"), Is.False, "an unset field is not sent, so the update leaves it alone");
            Assert.That(response.Success, Is.True);
        }
    }
}
