using System;
using System.Buffers.Binary;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using EdgeImpulse.Generated.Tests.Infrastructure;
using Newtonsoft.Json.Linq;
using NUnit.Framework;
using static EdgeImpulse.Generated.Tests.Infrastructure.WireAssert;

namespace EdgeImpulse.Generated.Tests.Clients;

/// <summary>Wire-level tests of <see cref="DspClient"/>: what each operation sends, and what it reads back.</summary>
[TestFixture]
public sealed class DspClientTests
{
    private const int ProjectId = 52187;
    private const int DspId = 3;
    private const long SampleId = 748301546;
    private const string OctetStream = "application/octet-stream";

    private static readonly string[] Axes = ["accX", "accY", "accZ"];

    [TestCase(true, "raw=true")]
    [TestCase(false, "raw=false")]
    public async Task DownloadDspData_SendsCategoryInPathAndRawInQuery(bool raw, string expectedQuery)
    {
        var (_, request) = await DownloadAsync(FeaturesNpy(), c => c.Dsp.DownloadDspDataAsync(ProjectId, DspId, RawDataCategory.Testing, raw, CancellationToken.None));

        AssertRequest(request, "GET", "/v1/api/52187/dsp-data/3/x/testing", expectedQuery, OctetStream);
    }

    [Test]
    public async Task DownloadDspData_SendsNoQueryWhenRawOmitted()
    {
        var (_, request) = await DownloadAsync(FeaturesNpy(), c => c.Dsp.DownloadDspDataAsync(ProjectId, DspId, RawDataCategory.Training));

        AssertRequest(request, "GET", "/v1/api/52187/dsp-data/3/x/training", string.Empty, OctetStream);
    }

    [Test]
    public async Task DownloadDspData_StreamsNpyFile()
    {
        var served = FeaturesNpy();

        var (file, _) = await DownloadAsync(served, c => c.Dsp.DownloadDspDataAsync(ProjectId, DspId, RawDataCategory.Training));

        var dataOffset = 10 + BinaryPrimitives.ReadUInt16LittleEndian(file.Bytes.AsSpan(8));
        using (Assert.EnterMultipleScope())
        {
            Assert.That(file.Bytes, Is.EqualTo(served));
            Assert.That(file.ContentType, Is.EqualTo(OctetStream));
            Assert.That(file.ContentLength, Is.EqualTo(served.Length));
            Assert.That(Encoding.ASCII.GetString(file.Bytes, 1, 5), Is.EqualTo("NUMPY"));
            Assert.That(Encoding.ASCII.GetString(file.Bytes, 10, dataOffset - 10), Does.Contain("'shape': (2, 3)"));
            Assert.That(BinaryPrimitives.ReadSingleLittleEndian(file.Bytes.AsSpan(dataOffset)), Is.EqualTo(4.22211f));
            Assert.That(BinaryPrimitives.ReadSingleLittleEndian(file.Bytes.AsSpan(dataOffset + 20)), Is.EqualTo(-1.32639f));
        }
    }

    [Test]
    public async Task DownloadDspLabels_SendsCategoryInPath()
    {
        var (_, request) = await DownloadAsync(LabelsNpy(), c => c.Dsp.DownloadDspLabelsAsync(ProjectId, DspId, RawDataCategory.Testing, CancellationToken.None));

        AssertRequest(request, "GET", "/v1/api/52187/dsp-data/3/y/testing", string.Empty, OctetStream);
    }

    [Test]
    public async Task DownloadDspLabels_SendsUnknownCategoryVerbatim()
    {
        var category = new RawDataCategory("holdout"); // a category newer than this client

        var (_, request) = await DownloadAsync(LabelsNpy(), c => c.Dsp.DownloadDspLabelsAsync(ProjectId, DspId, category));

        Assert.That(category.IsKnown, Is.False);
        AssertRequest(request, "GET", "/v1/api/52187/dsp-data/3/y/holdout", string.Empty, OctetStream);
    }

    [Test]
    public async Task DownloadDspLabels_StreamsNpyFile()
    {
        var served = LabelsNpy();

        var (file, _) = await DownloadAsync(served, c => c.Dsp.DownloadDspLabelsAsync(ProjectId, DspId, RawDataCategory.Training));

        var dataOffset = 10 + BinaryPrimitives.ReadUInt16LittleEndian(file.Bytes.AsSpan(8));
        using (Assert.EnterMultipleScope())
        {
            Assert.That(file.Bytes, Is.EqualTo(served));
            Assert.That(file.ContentType, Is.EqualTo(OctetStream));
            Assert.That(file.ContentLength, Is.EqualTo(served.Length));
            Assert.That(dataOffset % 64, Is.Zero, "npy data starts 64-byte aligned");
            Assert.That(BinaryPrimitives.ReadInt32LittleEndian(file.Bytes.AsSpan(dataOffset + 12)), Is.EqualTo(3));
        }
    }

    [Test]
    public async Task DownloadDspData_RejectsDefaultCategoryWithoutSending()
    {
        // default(RawDataCategory) has the wire value "", which would turn .../x/{category} into .../x/ (another URL).
        await AssertRejectedBeforeSendingAsync("category", async c =>
        {
            using var file = await c.Dsp.DownloadDspDataAsync(ProjectId, DspId, default);
        });
    }

    [Test]
    public async Task DownloadDspLabels_RejectsDefaultCategoryWithoutSending()
    {
        await AssertRejectedBeforeSendingAsync("category", async c =>
        {
            using var file = await c.Dsp.DownloadDspLabelsAsync(ProjectId, DspId, default);
        });
    }

    [Test]
    public async Task GetDspConfig_SendsGetToDspBlockPath()
    {
        var (_, request) = await SendAsync("Dsp/getDspConfig.success.json", c => c.Dsp.GetDspConfigAsync(ProjectId, DspId, CancellationToken.None));

        AssertRequest(request, "GET", "/v1/api/52187/dsp/3", string.Empty);
    }

    [Test]
    public async Task GetDspConfig_ReadsBlockInfoAndParameterGroups()
    {
        var (config, _) = await SendAsync("Dsp/getDspConfig.success.json", c => c.Dsp.GetDspConfigAsync(ProjectId, DspId));

        var dsp = config.Dsp!;
        var filter = config.Config!.Single(g => g.Group == "Filter");
        var cutoff = filter.Items.Single(i => i.Param == "filter-cutoff");
        var extraLowFreq = config.Config!.SelectMany(g => g.Items).Single(i => i.Param == "extra-low-freq");
        using (Assert.EnterMultipleScope())
        {
            Assert.That(config.Success, Is.True);
            Assert.That(dsp.Id, Is.EqualTo(3));
            Assert.That(dsp.Name, Is.EqualTo("Spectral features"));
            Assert.That(dsp.Type, Is.EqualTo("spectral-analysis"));
            Assert.That(dsp.WindowLength, Is.EqualTo(2000));
            Assert.That(dsp.Classes, Is.EqualTo(new[] { "idle", "snake", "updown", "wave" }));
            Assert.That(dsp.InputAxes, Is.EqualTo(Axes));
            Assert.That(dsp.Features!.Generated, Is.True);
            Assert.That(dsp.Features.Count, Is.EqualTo(18));
            Assert.That(dsp.Features.Labels?[5], Is.EqualTo("accX Spectral Power 1.95 - 5.86 Hz"));
            Assert.That(dsp.ExpectedWindowCount, Is.EqualTo(6464));
            Assert.That(dsp.Performance?.Latency, Is.EqualTo(2));
            Assert.That(dsp.Performance?.Ram, Is.EqualTo(1632));
            Assert.That(dsp.NormalizeData, Is.EqualTo(DspNormalizeData.None));
            Assert.That(dsp.HasAutoTune, Is.True);
            Assert.That(config.Config!.Select(g => g.Group), Is.EqualTo(new[] { "Scaling", "Filter", "Analysis" }));
            Assert.That(cutoff.Value, Is.EqualTo("3"));
            Assert.That(cutoff.Type, Is.EqualTo("float"));
            Assert.That(cutoff.MinVal, Is.EqualTo(0.1));
            Assert.That(cutoff.MaxVal, Is.EqualTo(31.25));
            Assert.That(cutoff.ShowIf?.Parameter, Is.EqualTo("filter-type"));
            Assert.That(cutoff.ShowIf?.Operator, Is.EqualTo(DspGroupItemShowIfOperator.Neq));
            Assert.That(filter.Items[0].SelectOptions?.Single(o => o.Selected == true).Value, Is.EqualTo("low"));
            Assert.That(extraLowFreq.Section, Is.EqualTo(DspGroupItemSection.Advanced));
            Assert.That(extraLowFreq.Value, Is.EqualTo("false"));
        }
    }

    [Test]
    public async Task SetDspConfig_PostsFixtureBodyToDspBlockPath()
    {
        var body = FixtureJson.Read<DspConfigRequest>("Dsp/setDspConfig.request.json");

        var (_, request) = await SendAsync("Dsp/setDspConfig.success.json", c => c.Dsp.SetDspConfigAsync(ProjectId, DspId, body, CancellationToken.None));

        AssertRequest(request, "POST", "/v1/api/52187/dsp/3", string.Empty);
        AssertJsonBody(request, "Dsp/setDspConfig.request.json");
    }

    [Test]
    public async Task SetDspConfig_ReadsSuccessEnvelope()
    {
        var body = new DspConfigRequest { Config = new Dictionary<string, string> { ["fft-length"] = "32" } };

        var (response, request) = await SendAsync("Dsp/setDspConfig.success.json", c => c.Dsp.SetDspConfigAsync(ProjectId, DspId, body));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(response.Success, Is.True);
            Assert.That(response.Error, Is.Null);
            Assert.That(response.AdditionalProperties, Is.Empty);
            Assert.That(JToken.DeepEquals(JObject.Parse(request.Body), JObject.Parse("""{"config":{"fft-length":"32"}}""")), Is.True, request.Body);
        }
    }

    [Test]
    public async Task ClearDspBlock_PostsWithoutBody()
    {
        var (_, request) = await SendAsync("Dsp/clearDspBlock.success.json", c => c.Dsp.ClearDspBlockAsync(ProjectId, DspId, CancellationToken.None));

        AssertRequest(request, "POST", "/v1/api/52187/dsp/3/clear", string.Empty);
        Assert.That(request.Body, Is.Empty);
    }

    [Test]
    public async Task ClearDspBlock_ReadsSuccessEnvelope()
    {
        var (response, _) = await SendAsync("Dsp/clearDspBlock.success.json", c => c.Dsp.ClearDspBlockAsync(ProjectId, DspId));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(response.Success, Is.True);
            Assert.That(response.Error, Is.Null);
            Assert.That(response.AdditionalProperties, Is.Empty);
        }
    }

    [Test]
    public async Task GetFeaturesForSample_SendsSampleIdInPath()
    {
        var (_, request) = await SendAsync("Dsp/dspGetFeaturesForSample.success.json", c => c.Dsp.GetFeaturesForSampleAsync(ProjectId, DspId, SampleId, CancellationToken.None));

        AssertRequest(request, "GET", "/v1/api/52187/dsp/3/features/get-graph/classification/748301546", string.Empty);
    }

    [Test]
    public async Task GetFeaturesForSample_SendsSampleIdAboveInt32VerbatimInPath()
    {
        var (_, request) = await SendAsync("Dsp/dspGetFeaturesForSample.success.json", c => c.Dsp.GetFeaturesForSampleAsync(ProjectId, DspId, 2147483700));

        AssertRequest(request, "GET", "/v1/api/52187/dsp/3/features/get-graph/classification/2147483700", string.Empty);
    }

    [Test]
    public async Task GetFeaturesForSample_ReadsFeatureArraysPerWindow()
    {
        var (features, _) = await SendAsync("Dsp/dspGetFeaturesForSample.success.json", c => c.Dsp.GetFeaturesForSampleAsync(ProjectId, DspId, SampleId));

        var first = features.Data[0];
        using (Assert.EnterMultipleScope())
        {
            Assert.That(features.TotalSampleCount, Is.EqualTo(6464));
            Assert.That(features.SkipFirstFeatures, Is.Zero);
            Assert.That(features.Data, Has.Count.EqualTo(101));
            Assert.That(first.X, Has.Count.EqualTo(18));
            Assert.That(first.X[0], Is.EqualTo(4.0693));
            Assert.That(first.X[17], Is.EqualTo(-0.093));
            Assert.That(first.Y, Is.EqualTo(3));
            Assert.That(first.YLabel, Is.EqualTo("wave"));
            Assert.That(first.Sample?.Id, Is.EqualTo(SampleId));
            Assert.That(first.Sample?.Name, Is.EqualTo("wave.6td9pbaf"));
            Assert.That(features.Data[1].Sample?.StartMs, Is.EqualTo(80));
            Assert.That(features.Data[^1].Sample?.EndMs, Is.EqualTo(10000));
        }
    }

    [Test]
    public async Task SampleTrainedFeatures_SendsCategoryInPathAndAxesInQuery()
    {
        var (_, request) = await SendAsync("Dsp/dspSampleTrainedFeatures.success.json", c => c.Dsp.SampleTrainedFeaturesAsync(ProjectId, DspId, 0, 6, 12, RawDataCategory.Testing, CancellationToken.None));

        AssertRequest(request, "GET", "/v1/api/52187/dsp/3/features/get-graph/testing", "featureAx1=0&featureAx2=6&featureAx3=12");
    }

    [Test]
    public async Task SampleTrainedFeatures_RejectsDefaultCategoryWithoutSending()
    {
        await AssertRejectedBeforeSendingAsync("category", c => c.Dsp.SampleTrainedFeaturesAsync(ProjectId, DspId, 0, 6, 12, default));
    }

    [Test]
    public async Task SampleTrainedFeatures_ReadsFeatureMapsKeyedByIndex()
    {
        var (features, _) = await SendAsync("Dsp/dspSampleTrainedFeatures.success.json", c => c.Dsp.SampleTrainedFeaturesAsync(ProjectId, DspId, 0, 6, 12, RawDataCategory.Training));

        var first = features.Data[0];
        using (Assert.EnterMultipleScope())
        {
            Assert.That(features.TotalSampleCount, Is.EqualTo(6464));
            Assert.That(features.Data, Has.Count.EqualTo(64));
            Assert.That(first.X.Keys, Is.EquivalentTo(new[] { "0", "6", "12" }));
            Assert.That(first.X["0"], Is.EqualTo(0.1185));
            Assert.That(first.X["6"], Is.EqualTo(0.0897));
            Assert.That(first.X["12"], Is.EqualTo(2.8134));
            Assert.That(first.Y, Is.Zero);
            Assert.That(first.YLabel, Is.EqualTo("idle"));
            Assert.That(first.Sample?.Id, Is.EqualTo(748301503));
            Assert.That(first.Sample?.StartMs, Is.EqualTo(240));
            Assert.That(features.Data[^1].YLabel, Is.EqualTo("wave"));
        }
    }

    [Test]
    public async Task GetDspFeatureImportance_SendsGetToImportancePath()
    {
        var (_, request) = await SendAsync("Dsp/getDspFeatureImportance.success.json", c => c.Dsp.GetDspFeatureImportanceAsync(ProjectId, DspId, CancellationToken.None));

        AssertRequest(request, "GET", "/v1/api/52187/dsp/3/features/importance", string.Empty);
    }

    [Test]
    public async Task GetDspFeatureImportance_ReadsImportancePerLabel()
    {
        var (importance, _) = await SendAsync("Dsp/getDspFeatureImportance.success.json", c => c.Dsp.GetDspFeatureImportanceAsync(ProjectId, DspId));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(importance.HasFeatureImportance, Is.True);
            Assert.That(importance.Labels.Keys, Is.EquivalentTo(new[] { "idle", "snake", "updown", "wave" }));
            Assert.That(importance.Labels["snake"].Features, Has.Count.EqualTo(18));
            Assert.That(importance.Labels["snake"].Features[0].Axis, Is.EqualTo("accY RMS"));
            Assert.That(importance.Labels["snake"].Features[0].Importance, Is.EqualTo(0.1499));
            Assert.That(importance.Labels["wave"].Features[^1].Axis, Is.EqualTo("accZ Spectral Skewness"));
            Assert.That(importance.Labels["wave"].Features[^1].Importance, Is.EqualTo(0.0035));
        }
    }

    [Test]
    public async Task GetDspFeatureLabels_SendsGetToLabelsPath()
    {
        var (_, request) = await SendAsync("Dsp/getDspFeatureLabels.success.json", c => c.Dsp.GetDspFeatureLabelsAsync(ProjectId, DspId, CancellationToken.None));

        AssertRequest(request, "GET", "/v1/api/52187/dsp/3/features/labels", string.Empty);
    }

    [Test]
    public async Task GetDspFeatureLabels_ReadsLabelsInOrder()
    {
        var (labels, _) = await SendAsync("Dsp/getDspFeatureLabels.success.json", c => c.Dsp.GetDspFeatureLabelsAsync(ProjectId, DspId));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(labels.Success, Is.True);
            Assert.That(labels.Labels, Has.Count.EqualTo(18));
            Assert.That(labels.Labels[0], Is.EqualTo("accX RMS"));
            Assert.That(labels.Labels[6], Is.EqualTo("accY RMS"));
            Assert.That(labels.Labels[17], Is.EqualTo("accZ Spectral Power 1.95 - 5.86 Hz"));
        }
    }

    [Test]
    public async Task GetAutotunerResults_SendsGetToAutotunerPath()
    {
        var (_, request) = await SendAsync("Dsp/getAutotunerResults.success.json", c => c.Dsp.GetAutotunerResultsAsync(ProjectId, DspId, CancellationToken.None));

        AssertRequest(request, "GET", "/v1/api/52187/dsp/3/get-autotuner-results", string.Empty);
    }

    [Test]
    public async Task GetAutotunerResults_ReadsKeyValueResults()
    {
        var (results, _) = await SendAsync("Dsp/getAutotunerResults.success.json", c => c.Dsp.GetAutotunerResultsAsync(ProjectId, DspId));

        var byKey = results.Results.ToDictionary(r => r.Key!, r => r.Value!);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(results.Results, Has.Count.EqualTo(10));
            Assert.That(results.Results[0].Key, Is.EqualTo("scale-axes"));
            Assert.That(byKey["filter-cutoff"], Is.EqualTo("3.12"));
            Assert.That(byKey["do-fft-overlap"], Is.EqualTo("false"));
            Assert.That(byKey["wavelet"], Is.EqualTo("bior1.3"));
        }
    }

    [Test]
    public async Task GetDspMetadata_SendsExcludeIncludedSamplesAndCategoryInQuery()
    {
        var (_, request) = await SendAsync("Dsp/getDspMetadata.success.json", c => c.Dsp.GetDspMetadataAsync(ProjectId, DspId, true, DspMetadataCategory.Testing, CancellationToken.None));

        AssertRequest(request, "GET", "/v1/api/52187/dsp/3/metadata", "excludeIncludedSamples=true&category=testing");
    }

    [Test]
    public async Task GetDspMetadata_SendsNoQueryWhenOptionalParametersOmitted()
    {
        var (_, request) = await SendAsync("Dsp/getDspMetadata.success.json", c => c.Dsp.GetDspMetadataAsync(ProjectId, DspId));

        AssertRequest(request, "GET", "/v1/api/52187/dsp/3/metadata", string.Empty);
    }

    [Test]
    public async Task GetDspMetadata_ReadsGeneratedFeatureMetadata()
    {
        var (metadata, _) = await SendAsync("Dsp/getDspMetadata.success.json", c => c.Dsp.GetDspMetadataAsync(ProjectId, DspId, false, DspMetadataCategory.All));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(metadata.Created, Is.EqualTo(new DateTimeOffset(2026, 1, 14, 9, 31, 5, 772, TimeSpan.Zero)));
            Assert.That(metadata.Generated, Is.True);
            Assert.That(metadata.DspConfig, Has.Count.EqualTo(15));
            Assert.That(metadata.DspConfig, Does.ContainKey("fft-length").WithValue("16"));
            Assert.That(metadata.DspConfig, Does.ContainKey("spectral-power-edges").WithValue("0.1, 0.5, 1.0, 2.0, 5.0"));
            Assert.That(metadata.Labels, Is.EqualTo(new[] { "idle", "snake", "updown", "wave" }));
            Assert.That(metadata.FeatureLabels, Has.Count.EqualTo(18));
            Assert.That(metadata.WindowCount, Is.EqualTo(6464));
            Assert.That(metadata.FeatureCount, Is.EqualTo(18));
            Assert.That(metadata.IncludedSamples, Has.Count.EqualTo(64));
            Assert.That(metadata.IncludedSamples[0].Id, Is.EqualTo(748301492L));
            Assert.That(metadata.IncludedSamples[0].WindowCount, Is.EqualTo(101));
            Assert.That(metadata.WindowSizeMs, Is.EqualTo(2000));
            Assert.That(metadata.WindowIncreaseMs, Is.EqualTo(80));
            Assert.That(metadata.Frequency, Is.EqualTo(62.5));
            Assert.That(metadata.OutputConfig!.Type, Is.EqualTo(DspMetadataOutputConfigType.Flat));
            Assert.That(metadata.OutputConfig.Shape!.Width, Is.EqualTo(18));
            Assert.That(metadata.OutputConfig.Shape.Height, Is.Null);
            Assert.That(metadata.FftUsed, Is.EqualTo(new[] { 16 }));
            Assert.That(metadata.ResamplingAlgorithmVersion, Is.EqualTo(2));
        }
    }

    [Test]
    public async Task GetPerformanceAllVariants_SendsGetToPerformancePath()
    {
        var (_, request) = await SendAsync("Dsp/getPerformanceAllVariants.success.json", c => c.Dsp.GetPerformanceAllVariantsAsync(ProjectId, DspId, CancellationToken.None));

        AssertRequest(request, "GET", "/v1/api/52187/dsp/3/performance", string.Empty);
    }

    [Test]
    public async Task GetPerformanceAllVariants_ReadsPerformancePerMcu()
    {
        var (response, _) = await SendAsync("Dsp/getPerformanceAllVariants.success.json", c => c.Dsp.GetPerformanceAllVariantsAsync(ProjectId, DspId));

        var performance = response.Performance!;
        var esp32 = performance.Single(p => p.Mcu == "espressif-esp32");
        using (Assert.EnterMultipleScope())
        {
            Assert.That(performance, Has.Count.EqualTo(11));
            Assert.That(performance[0].Mcu, Is.EqualTo("cortex-m4f-80mhz"));
            Assert.That(performance[0].Latency, Is.EqualTo(2));
            Assert.That(performance[0].Ram, Is.EqualTo(1632));
            Assert.That(esp32.Latency, Is.EqualTo(4));
            Assert.That(esp32.Ram, Is.EqualTo(1696));
            Assert.That(performance[^1].Mcu, Is.EqualTo("jetson-nano"));
        }
    }

    [Test]
    public async Task StartProfileCustomDspBlock_PostsFixtureBodyWithNullParams()
    {
        var body = FixtureJson.Read<DspRunRequestWithoutFeaturesReadOnly>("Dsp/startProfileCustomDspBlock.request.json");

        var (_, request) = await SendAsync("Dsp/startProfileCustomDspBlock.success.json", c => c.Dsp.StartProfileCustomDspBlockAsync(ProjectId, DspId, body, CancellationToken.None));

        AssertRequest(request, "POST", "/v1/api/52187/dsp/3/profile", string.Empty);
        AssertJsonBody(request, "Dsp/startProfileCustomDspBlock.request.json");
        Assert.That(JObject.Parse(request.Body)["params"]?["spectral-peaks-count"]?.Type, Is.EqualTo(JTokenType.Null), "null map values are sent as null, not dropped");
    }

    [Test]
    public async Task StartProfileCustomDspBlock_ReadsStartedJobId()
    {
        var body = FixtureJson.Read<DspRunRequestWithoutFeaturesReadOnly>("Dsp/startProfileCustomDspBlock.request.json");

        var (response, _) = await SendAsync("Dsp/startProfileCustomDspBlock.success.json", c => c.Dsp.StartProfileCustomDspBlockAsync(ProjectId, DspId, body));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(body.Params, Does.ContainKey("spectral-peaks-count").WithValue(null));
            Assert.That(response.Success, Is.True);
            Assert.That(response.Id, Is.EqualTo(1847330187L));
        }
    }

    [Test]
    public async Task GetDspRawSample_SendsAllOptionalQueryParameters()
    {
        var (_, request) = await SendAsync("Dsp/getDspRawSample.success.json", c => c.Dsp.GetDspRawSampleAsync(ProjectId, DspId, SampleId, 1000, true, false, CancellationToken.None));

        AssertRequest(request, "GET", "/v1/api/52187/dsp/3/raw-data/748301546", "limitPayloadValues=1000&truncateStructuredLabels=true&useCachedUpsampledData=false");
    }

    [Test]
    public async Task GetDspRawSample_SendsNoQueryWhenOptionalParametersOmitted()
    {
        var (_, request) = await SendAsync("Dsp/getDspRawSample.success.json", c => c.Dsp.GetDspRawSampleAsync(ProjectId, 0, SampleId));

        AssertRequest(request, "GET", "/v1/api/52187/dsp/0/raw-data/748301546", string.Empty);
    }

    [Test]
    public async Task GetDspRawSample_ReadsSampleAndPayload()
    {
        var (raw, _) = await SendAsync("Dsp/getDspRawSample.success.json", c => c.Dsp.GetDspRawSampleAsync(ProjectId, DspId, SampleId));

        var sample = raw.Sample!;
        using (Assert.EnterMultipleScope())
        {
            Assert.That(sample.Id, Is.EqualTo(SampleId));
            Assert.That(sample.Filename, Is.EqualTo("wave.6td9pbaf.json"));
            Assert.That(sample.Label, Is.EqualTo("wave"));
            Assert.That(sample.Category, Is.EqualTo(RawDataCategory.Training));
            Assert.That(sample.Category?.IsKnown, Is.True);
            Assert.That(sample.Created, Is.EqualTo(new DateTimeOffset(2026, 1, 12, 16, 51, 26, TimeSpan.Zero)));
            Assert.That(sample.LastModified, Is.EqualTo(new DateTimeOffset(2026, 1, 12, 16, 51, 26, 446, TimeSpan.Zero)));
            Assert.That(sample.IntervalMs, Is.EqualTo(16));
            Assert.That(sample.Frequency, Is.EqualTo(62.5));
            Assert.That(sample.Sensors.Select(s => s.Name), Is.EqualTo(Axes));
            Assert.That(sample.Sensors[0].Units, Is.EqualTo("m/s2"));
            Assert.That(sample.Metadata, Does.ContainKey("session").WithValue("desk-2026-01-12"));
            Assert.That(sample.ProjectId, Is.EqualTo(ProjectId));
            Assert.That(sample.ProjectLabelingMethod, Is.EqualTo(ProjectLabelingMethod.SingleLabel));
            Assert.That(sample.BoundingBoxesType, Is.EqualTo(SampleBoundingBoxesType.ObjectDetection));
            Assert.That(sample.ChartType, Is.EqualTo(SampleChartType.Chart));
            Assert.That(sample.LabelMap, Is.Null);
            Assert.That(raw.Payload!.DeviceType, Is.EqualTo("DISCO-L475VG-IOT01A"));
            Assert.That(raw.Payload.DeviceName, Is.EqualTo("c8:f0:9e:21:6a:b4"));
            Assert.That(raw.Payload.Values, Has.Count.EqualTo(625));
            Assert.That(raw.Payload.Values[0], Is.EqualTo(new[] { -4.82, 0.27, 8.82 }));
            Assert.That(raw.TotalPayloadLength, Is.EqualTo(625));
        }
    }

    // The Studio sends "frequency": null for samples without a fixed rate (images), although the spec calls it a
    // required number; the DTO rule (README "Types") reads it as null instead of failing the whole response.
    [Test]
    public async Task GetDspRawSample_ReadsASampleWithNullFrequency()
    {
        var (raw, _) = await SendAsync("Dsp/getDspRawSample.null-frequency.json", c => c.Dsp.GetDspRawSampleAsync(ProjectId, DspId, SampleId));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(raw.Sample!.Frequency, Is.Null);
            Assert.That(raw.Sample.Id, Is.EqualTo(SampleId));
            Assert.That(raw.Payload!.Values, Has.Count.EqualTo(625));
        }
    }

    [Test]
    public async Task GetDspSampleSlice_ReadsASampleWithNullFrequency()
    {
        var (slice, _) = await SendAsync("Dsp/getDspSampleSlice.null-frequency.json", c => c.Dsp.GetDspSampleSliceAsync(ProjectId, DspId, SampleId, 0, 2000));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(slice.Sample!.Frequency, Is.Null);
            Assert.That(slice.Sample.Id, Is.EqualTo(SampleId));
            Assert.That(slice.Payload!.Values, Has.Count.EqualTo(125));
        }
    }

    [Test]
    public async Task GetDspSampleSlice_SendsSliceAndTruncateInQuery()
    {
        var (_, request) = await SendAsync("Dsp/getDspSampleSlice.success.json", c => c.Dsp.GetDspSampleSliceAsync(ProjectId, DspId, SampleId, 0, 2000, false, CancellationToken.None));

        AssertRequest(request, "GET", "/v1/api/52187/dsp/3/raw-data/748301546/slice", "sliceStart=0&sliceEnd=2000&truncateStructuredLabels=false");
    }

    [Test]
    public async Task GetDspSampleSlice_SendsOnlySliceStartWhenOptionalParametersOmitted()
    {
        var (_, request) = await SendAsync("Dsp/getDspSampleSlice.success.json", c => c.Dsp.GetDspSampleSliceAsync(ProjectId, DspId, SampleId, 4000));

        AssertRequest(request, "GET", "/v1/api/52187/dsp/3/raw-data/748301546/slice", "sliceStart=4000");
    }

    [Test]
    public async Task GetDspSampleSlice_ReadsSlicedPayload()
    {
        var (slice, _) = await SendAsync("Dsp/getDspSampleSlice.success.json", c => c.Dsp.GetDspSampleSliceAsync(ProjectId, DspId, SampleId, 0, 2000));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(slice.Sample!.Id, Is.EqualTo(SampleId));
            Assert.That(slice.Sample.ValuesCount, Is.EqualTo(625));
            Assert.That(slice.Payload!.Values, Has.Count.EqualTo(125));
            Assert.That(slice.Payload!.Values[0], Is.EqualTo(new[] { -4.21, -0.08, 8.36 }));
            Assert.That(slice.Payload.Sensors.Select(s => s.Name), Is.EqualTo(Axes));
            Assert.That(slice.TotalPayloadLength, Is.EqualTo(625));
        }
    }

    [Test]
    public async Task RunDspSampleSlice_PostsFixtureBodyWithSliceQuery()
    {
        var body = FixtureJson.Read<DspRunRequestWithoutFeatures>("Dsp/runDspSampleSlice.request.json");

        var (_, request) = await SendAsync("Dsp/runDspSampleSlice.success.json", c => c.Dsp.RunDspSampleSliceAsync(ProjectId, DspId, SampleId, 0, body, 2000, CancellationToken.None));

        AssertRequest(request, "POST", "/v1/api/52187/dsp/3/raw-data/748301546/slice/run", "sliceStart=0&sliceEnd=2000");
        AssertJsonBody(request, "Dsp/runDspSampleSlice.request.json");
    }

    [Test]
    public async Task RunDspSampleSlice_SendsOnlySliceStartWhenSliceEndOmitted()
    {
        var body = FixtureJson.Read<DspRunRequestWithoutFeatures>("Dsp/runDspSampleSlice.request.json");

        var (_, request) = await SendAsync("Dsp/runDspSampleSlice.success.json", c => c.Dsp.RunDspSampleSliceAsync(ProjectId, DspId, SampleId, 4000, body));

        AssertRequest(request, "POST", "/v1/api/52187/dsp/3/raw-data/748301546/slice/run", "sliceStart=4000");
        AssertJsonBody(request, "Dsp/runDspSampleSlice.request.json");
    }

    [Test]
    public async Task RunDspSampleSlice_ReadsFeaturesGraphsAndSample()
    {
        var body = FixtureJson.Read<DspRunRequestWithoutFeatures>("Dsp/runDspSampleSlice.request.json");

        var (run, _) = await SendAsync("Dsp/runDspSampleSlice.success.json", c => c.Dsp.RunDspSampleSliceAsync(ProjectId, DspId, SampleId, 0, body, 2000));

        var filtered = run.Graphs[0];
        using (Assert.EnterMultipleScope())
        {
            Assert.That(run.Features, Has.Count.EqualTo(18));
            Assert.That(run.Features[0], Is.EqualTo(4.22211));
            Assert.That(run.Labels?[0], Is.EqualTo("accX RMS"));
            Assert.That(run.Graphs.Select(g => g.Name), Is.EqualTo(new[] { "After filter", "Spectral power (log)" }));
            Assert.That(filtered.Type, Is.EqualTo("linear"));
            Assert.That(filtered.X?.Keys, Is.EquivalentTo(Axes));
            Assert.That(filtered.X?["accX"], Has.Count.EqualTo(125));
            Assert.That(filtered.X?["accX"][0], Is.EqualTo(0.8758));
            Assert.That(filtered.Y?[1], Is.EqualTo(16));
            Assert.That(filtered.Image, Is.Null);
            Assert.That(filtered.AxisLabels?.X, Is.EqualTo("Sample #"));
            Assert.That(filtered.AxisLabels?.Y, Is.EqualTo("Value"));
            Assert.That(run.LabelAtEndOfWindow, Is.EqualTo("wave"));
            Assert.That(run.LabelForWindow, Is.EqualTo("wave"));
            Assert.That(run.Sample!.Sample!.Id, Is.EqualTo(SampleId));
            Assert.That(run.Sample.Payload!.Values, Has.Count.EqualTo(125));
            Assert.That(run.Sample.TotalPayloadLength, Is.EqualTo(625));
            Assert.That(run.Performance?.Latency, Is.EqualTo(2));
            Assert.That(run.CanProfilePerformance, Is.True);
        }
    }

    [Test]
    public async Task RunDspSampleSlice_ReadsKeyValueLabelMap()
    {
        var body = FixtureJson.Read<DspRunRequestWithoutFeatures>("Dsp/runDspSampleSlice.request.json");

        var (run, _) = await SendAsync("Dsp/runDspSampleSlice.label-map.json", c => c.Dsp.RunDspSampleSliceAsync(ProjectId, DspId, 748301560, 0, body, 2000));

        var sample = run.Sample!.Sample!;
        var structured = sample.StructuredLabels!.Single();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(sample.Id, Is.EqualTo(748301560L));
            Assert.That(sample.ProjectLabelingMethod, Is.EqualTo(ProjectLabelingMethod.LabelMap));
            Assert.That(sample.LabelMap, Is.InstanceOf<SampleKeyValueLabels>(), "its type 'key-values' picks the variant");
            Assert.That(sample.LabelMap?.AdditionalProperties, Is.Empty, "the discriminator is the type, not an unknown field");
            Assert.That((sample.LabelMap as SampleKeyValueLabels)?.Labels, Is.EquivalentTo(new Dictionary<string, string> { ["gesture"] = "snake", ["hand"] = "left", ["surface"] = "desk" }));
            Assert.That(sample.StructuredLabelsList, Is.EqualTo(new[] { "snake" }));
            Assert.That(structured.StartIndex, Is.Zero);
            Assert.That(structured.EndIndex, Is.EqualTo(624));
            Assert.That(structured.Label, Is.EqualTo("snake"));
            Assert.That((structured.LabelMap as SampleKeyValueLabels)?.Labels, Does.ContainKey("hand").WithValue("left"));
            Assert.That(run.LabelForWindow, Is.EqualTo("snake"));
            Assert.That(run.Features[0], Is.EqualTo(2.80032));
        }
    }

    [Test]
    public async Task RunDspSampleSliceReadOnly_SendsGetWithSliceQuery()
    {
        var (_, request) = await SendAsync("Dsp/runDspSampleSliceReadOnly.success.json", c => c.Dsp.RunDspSampleSliceReadOnlyAsync(ProjectId, DspId, SampleId, 2000, 4000, CancellationToken.None));

        AssertRequest(request, "GET", "/v1/api/52187/dsp/3/raw-data/748301546/slice/run/readonly", "sliceStart=2000&sliceEnd=4000");
        Assert.That(request.Body, Is.Empty);
    }

    [Test]
    public async Task RunDspSampleSliceReadOnly_SendsOnlySliceStartWhenSliceEndOmitted()
    {
        var (_, request) = await SendAsync("Dsp/runDspSampleSliceReadOnly.success.json", c => c.Dsp.RunDspSampleSliceReadOnlyAsync(ProjectId, DspId, SampleId, 2000));

        AssertRequest(request, "GET", "/v1/api/52187/dsp/3/raw-data/748301546/slice/run/readonly", "sliceStart=2000");
    }

    [Test]
    public async Task RunDspSampleSliceReadOnly_ReadsProcessedSample()
    {
        // The recorded sample's first window, processed with the block's stored parameters: what runDspSampleSlice
        // answers for the same window and parameters without storing them.
        var (run, _) = await SendAsync("Dsp/runDspSampleSliceReadOnly.success.json", c => c.Dsp.RunDspSampleSliceReadOnlyAsync(ProjectId, DspId, SampleId, 0, 2000));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(run.Features, Has.Count.EqualTo(18));
            Assert.That(run.Features[0], Is.EqualTo(4.22211));
            Assert.That(run.Graphs[1].Name, Is.EqualTo("Spectral power (log)"));
            Assert.That(run.LabelAtEndOfWindow, Is.EqualTo("wave"));
            Assert.That(run.Sample!.Sample!.Id, Is.EqualTo(SampleId));
            Assert.That(run.Sample.Sample.Filename, Is.EqualTo("wave.6td9pbaf.json"));
            Assert.That(run.Sample.Sample.Added, Is.EqualTo(new DateTimeOffset(2026, 1, 12, 16, 51, 26, 446, TimeSpan.Zero)));
            Assert.That(run.CanProfilePerformance, Is.True);
        }
    }

    [Test]
    public async Task RunDspOnFeaturesArray_PostsFixtureBody()
    {
        var body = FixtureJson.Read<DspRunRequestWithFeatures>("Dsp/runDspOnFeaturesArray.request.json");

        var (_, request) = await SendAsync("Dsp/runDspOnFeaturesArray.success.json", c => c.Dsp.RunDspOnFeaturesArrayAsync(ProjectId, DspId, body, CancellationToken.None));

        AssertRequest(request, "POST", "/v1/api/52187/dsp/3/run", string.Empty);
        AssertJsonBody(request, "Dsp/runDspOnFeaturesArray.request.json");
    }

    [Test]
    public async Task RunDspOnFeaturesArray_ReadsFeaturesAndGraphs()
    {
        var body = FixtureJson.Read<DspRunRequestWithFeatures>("Dsp/runDspOnFeaturesArray.request.json");

        var (run, _) = await SendAsync("Dsp/runDspOnFeaturesArray.success.json", c => c.Dsp.RunDspOnFeaturesArrayAsync(ProjectId, DspId, body));

        var spectrum = run.Graphs[1];
        using (Assert.EnterMultipleScope())
        {
            Assert.That(body.Features, Has.Count.EqualTo(375));
            Assert.That(run.Features, Has.Count.EqualTo(18));
            Assert.That(run.Features[0], Is.EqualTo(0.46125));
            Assert.That(run.Features[17], Is.EqualTo(0.3726));
            Assert.That(run.Labels, Has.Count.EqualTo(18));
            Assert.That(run.Graphs[0].X?["accZ"], Has.Count.EqualTo(125));
            Assert.That(run.Graphs[0].X?["accZ"][0], Is.EqualTo(-7.8835));
            Assert.That(spectrum.Name, Is.EqualTo("Spectral power (log)"));
            Assert.That(spectrum.X?["accZ"], Has.Count.EqualTo(9));
            Assert.That(spectrum.Y?[1], Is.EqualTo(3.90625));
            Assert.That(spectrum.SuggestedXMax, Is.EqualTo(31.25));
            Assert.That(spectrum.Smoothing, Is.False);
            Assert.That(spectrum.AxisLabels?.X, Is.EqualTo("Frequency (Hz)"));
            Assert.That(run.StateString, Is.Null);
            Assert.That(run.Performance?.Ram, Is.EqualTo(1632));
        }
    }

    // A NumPy .npy v1.0 file: magic, version, little-endian header length, a header padded so the data is 64-byte aligned, data.
    private static byte[] Npy(string descr, string shape, byte[] data)
    {
        var header = $"{{'descr': '{descr}', 'fortran_order': False, 'shape': {shape}, }}";
        header += new string(' ', (64 - ((10 + header.Length + 1) % 64)) % 64) + "\n";
        var file = new byte[10 + header.Length + data.Length];
        file[0] = 0x93;
        Encoding.ASCII.GetBytes("NUMPY").CopyTo(file, 1);
        file[6] = 1;
        file[7] = 0;
        BinaryPrimitives.WriteUInt16LittleEndian(file.AsSpan(8), (ushort)header.Length);
        Encoding.ASCII.GetBytes(header).CopyTo(file, 10);
        data.CopyTo(file, 10 + header.Length);
        return file;
    }

    private static byte[] FeaturesNpy()
    {
        float[] values = [4.22211f, 0.06238f, -1.36137f, 0.46125f, 0.16187f, -1.32639f];
        var data = new byte[values.Length * sizeof(float)];
        for (var i = 0; i < values.Length; i++)
        {
            BinaryPrimitives.WriteSingleLittleEndian(data.AsSpan(i * sizeof(float)), values[i]);
        }

        return Npy("<f4", "(2, 3)", data);
    }

    private static byte[] LabelsNpy()
    {
        int[] values = [0, 1, 2, 3];
        var data = new byte[values.Length * sizeof(int)];
        for (var i = 0; i < values.Length; i++)
        {
            BinaryPrimitives.WriteInt32LittleEndian(data.AsSpan(i * sizeof(int)), values[i]);
        }

        return Npy("<i4", "(4,)", data);
    }

    // A required path parameter without a value must fail the call before anything is sent, as an empty string does.
    private static async Task AssertRejectedBeforeSendingAsync(string parameter, Func<EdgeImpulseClient, Task> call)
    {
        await using var server = LoopbackServer.Start();
        using var client = server.CreateClient();

        var error = await Assert.CatchAsync<ArgumentException>(() => call(client));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(error?.ParamName, Is.EqualTo(parameter));
            Assert.That(server.Requests.Select(r => $"{r.Method} {r.Path}"), Is.Empty, "no request may be sent");
        }
    }

}
