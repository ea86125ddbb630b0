using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using EdgeImpulse.Generated.Tests.Infrastructure;
using Newtonsoft.Json.Linq;
using NUnit.Framework;
using static EdgeImpulse.Generated.Tests.Infrastructure.WireAssert;

namespace EdgeImpulse.Generated.Tests.Clients;

/// <summary>Wire-level tests of <see cref="LearnClient"/>: what each operation sends, and what it reads back.</summary>
[TestFixture]
public sealed class LearnClientTests
{
    private const int ProjectId = 52187;
    private const int LearnId = 4;
    private const string OctetStream = "application/octet-stream";

    [Test]
    public async Task GetKeras_SendsGetToLearnBlockPath()
    {
        var (_, request) = await SendAsync("Learn/getKeras.success.json", c => c.Learn.GetKerasAsync(ProjectId, LearnId, CancellationToken.None));

        AssertRequest(request, "GET", "/v1/api/52187/training/keras/4", string.Empty);
    }

    [Test]
    public async Task GetKeras_ReadsClassifierConfig()
    {
        var (keras, _) = await SendAsync("Learn/getKeras.success.json", c => c.Learn.GetKerasAsync(ProjectId, LearnId));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(keras.Success, Is.True);
            Assert.That(keras.Name, Is.EqualTo("Classifier"));
            Assert.That(keras.Type, Is.EqualTo(LearnBlockType.Keras));
            Assert.That(keras.Type?.IsKnown, Is.True);
            Assert.That(keras.Trained, Is.True);
            Assert.That(keras.Dependencies!.BlockNames, Is.EqualTo(new[] { "Spectral features" }));
            Assert.That(keras.Dependencies.FeatureCount, Is.EqualTo(18));
            Assert.That(keras.Dependencies.SampleCount, Is.EqualTo(6464));
            Assert.That(keras.Dependencies.OutputClasses, Is.EqualTo(new[] { "idle", "snake", "updown", "wave" }));
            Assert.That(keras.Script, Does.StartWith("import math, requests\n").And.Contains("EPOCHS = args.epochs or 30"));
            Assert.That(keras.Mode, Is.EqualTo(KerasConfigMode.Visual));
            Assert.That(keras.SelectedModelType?.Value, Is.EqualTo("int8"));
            Assert.That(keras.VisualLayers, Has.Count.EqualTo(3));
            Assert.That(keras.VisualLayers.Select(l => l.Type?.Value), Is.EqualTo(new[] { "dense", "dense", "dropout" }));
            Assert.That(keras.VisualLayers[0].Neurons, Is.EqualTo(20));
            Assert.That(keras.VisualLayers[2].DropoutRate, Is.EqualTo(0.25));
            Assert.That(keras.TrainingCycles, Is.EqualTo(30));
            Assert.That(keras.LearningRate, Is.EqualTo(0.0005));
            Assert.That(keras.BatchSize, Is.EqualTo(32));
            Assert.That(keras.MinimumConfidenceRating, Is.EqualTo(0.6));
            Assert.That(keras.AugmentationPolicySpectrogram?.FreqMasking?.Value, Is.EqualTo("none"));
            Assert.That(keras.LastShownModelVariant, Is.EqualTo(KerasModelVariant.Int8));
            Assert.That(keras.CustomParameters, Is.Empty);
            Assert.That(keras.BlockParameters, Is.Null);
        }
    }

    [Test]
    public async Task GetKeras_ReadsTransferLearningModelAndThreshold()
    {
        var (keras, _) = await SendAsync("Learn/getKeras.success.json", c => c.Learn.GetKerasAsync(ProjectId, LearnId));

        var model = keras.TransferLearningModels.Single();
        var kernelSize = model.CustomParameters!.Single(p => p.Param == "kernel-size");
        var threshold = keras.Thresholds.Single();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(model.Name, Is.EqualTo("1D CNN with residual blocks"));
            Assert.That(model.Type, Is.EqualTo(KerasVisualLayerType.TransferOrganization));
            Assert.That(model.LearnBlockType, Is.EqualTo(LearnBlockType.Keras));
            Assert.That(model.BlockType?.Value, Is.EqualTo("personal"));
            Assert.That(model.DisplayCategory?.Value, Is.EqualTo("classical"));
            Assert.That(model.OrganizationModelId, Is.EqualTo(1204));
            Assert.That(model.CustomParameters, Has.Count.EqualTo(4));
            Assert.That(kernelSize.Value, Is.EqualTo("3"));
            Assert.That(kernelSize.SelectOptions?.Select(o => o.Value), Is.EqualTo(new[] { "3", "5", "7" }));
            Assert.That(kernelSize.SelectOptions?[0].Selected, Is.True);
            Assert.That(model.CustomParameters![0].MinVal, Is.EqualTo(1));
            Assert.That(model.CustomParameters[0].MaxVal, Is.EqualTo(4));
            Assert.That(model.CustomParameters[2].Section?.Value, Is.EqualTo("advanced"));
            Assert.That(threshold.Key, Is.EqualTo("min_score"));
            Assert.That(threshold.Value!.IsNumber, Is.True);
            Assert.That(threshold.Value.AsNumber(), Is.EqualTo(0.6));
        }
    }

    [Test]
    public async Task GetKeras_ReadsPatchcoreBlockParametersAndNumericThreshold()
    {
        var (keras, _) = await SendAsync("Learn/getKeras.patchcore.json", c => c.Learn.GetKerasAsync(ProjectId, LearnId));

        var parameters = keras.BlockParameters!;
        var isPatchcore = parameters.TryGetPatchcore(out var patchcore);
        var threshold = keras.Thresholds.Single();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(keras.Type?.Value, Is.EqualTo("keras-visual-anomaly"));
            Assert.That(parameters.Variant, Is.EqualTo(BlockParametersVariant.Patchcore));
            Assert.That(parameters.Backbone, Is.EqualTo("resnet18"));
            Assert.That(isPatchcore, Is.True);
            Assert.That(patchcore!.Backbone, Is.EqualTo("resnet18"));
            Assert.That(patchcore.NumLayers, Is.EqualTo(2));
            Assert.That(patchcore.PoolSize, Is.EqualTo(3));
            Assert.That(patchcore.SamplingRatio, Is.EqualTo(0.1));
            Assert.That(patchcore.NumNearestNeighbors, Is.EqualTo(9));
            Assert.That(parameters.TryGetGmm(out _), Is.False);
            Assert.That(threshold.Key, Is.EqualTo("min_anomaly_score"));
            Assert.That(threshold.SuggestedValue, Is.EqualTo(6.82));
            Assert.That(threshold.Value!.IsNumber, Is.True);
            Assert.That(threshold.Value!.IsString, Is.False);
            Assert.That(threshold.Value.AsNumber(), Is.EqualTo(7));
        }
    }

    [Test]
    public async Task GetKeras_ReadsGmmBlockParametersAndStringThreshold()
    {
        var (keras, _) = await SendAsync("Learn/getKeras.gmm.json", c => c.Learn.GetKerasAsync(ProjectId, LearnId));

        var parameters = keras.BlockParameters!;
        var isGmm = parameters.TryGetGmm(out var gmm);
        var threshold = keras.Thresholds.Single();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(parameters.Variant, Is.EqualTo(BlockParametersVariant.Gmm));
            Assert.That(isGmm, Is.True);
            Assert.That(gmm!.Backbone, Is.EqualTo("mobilenetv2-0.35"));
            Assert.That(parameters.TryGetPatchcore(out _), Is.False);
            Assert.That(keras.AnomalyCapacity, Is.EqualTo(AnomalyCapacity.Medium));
            Assert.That(keras.AnomalyCapacity?.IsKnown, Is.True);
            Assert.That(keras.VisualLayers.Single().Type, Is.EqualTo(KerasVisualLayerType.FomoAdGmm));
            Assert.That(threshold.SuggestedValueText, Is.EqualTo("5.37"));
            Assert.That(threshold.Value!.IsString, Is.True);
            Assert.That(threshold.Value!.IsNumber, Is.False);
            Assert.That(threshold.Value.AsString(), Is.EqualTo("5.5"));
        }
    }

    [Test]
    public async Task GetKeras_KeepsUnknownPropertiesInAdditionalProperties()
    {
        var (keras, _) = await SendAsync("Learn/getKeras.extra-properties.json", c => c.Learn.GetKerasAsync(ProjectId, LearnId));

        var model = keras.TransferLearningModels.Single();
        var blockRef = model.AdditionalProperties.TryGetValue("customBlockSource", out var raw) ? raw as JObject : null;
        using (Assert.EnterMultipleScope())
        {
            Assert.That(keras.Name, Is.EqualTo("Classifier"), "known fields still read");
            Assert.That(keras.AdditionalProperties.Keys, Is.EquivalentTo(new[] { "trainingProcessor" }));
            Assert.That(keras.AdditionalProperties["trainingProcessor"].ToString(), Is.EqualTo("gpu"));
            Assert.That(keras.Thresholds.Single().AdditionalProperties.Keys, Is.EquivalentTo(new[] { "unit" }));
            Assert.That(keras.Thresholds.Single().AdditionalProperties["unit"].ToString(), Is.EqualTo("score"));
            Assert.That(model.AdditionalProperties.Keys, Is.EquivalentTo(new[] { "customBlockSource" }));
            Assert.That(blockRef, Is.Not.Null);
            Assert.That(blockRef?["type"]?.ToString(), Is.EqualTo("organization-block"));
            Assert.That(blockRef?["version"]?.Type, Is.EqualTo(JTokenType.Integer));
            Assert.That(blockRef?["dockerContainer"]?.ToString(), Is.EqualTo("docker.edgeimpulse.com/personal-blocks/1/ei-1d-rescnn-block:2"));

            // Unknown date-like strings stay exactly as sent (no DateTime conversion, no lost precision or offset).
            Assert.That(blockRef?["lastModified"]?.Type, Is.EqualTo(JTokenType.String));
            Assert.That(blockRef?["lastModified"]?.ToString(), Is.EqualTo("2026-01-09T16:22:10.000Z"));
        }
    }

    [Test]
    public async Task GetKeras_KeepsUnknownEnumValues()
    {
        var (keras, _) = await SendAsync("Learn/getKeras.unknown-enum.json", c => c.Learn.GetKerasAsync(ProjectId, LearnId));

        var layer = keras.VisualLayers[0];
        using (Assert.EnterMultipleScope())
        {
            Assert.That(keras.Type?.Value, Is.EqualTo("keras-transformer"));
            Assert.That(keras.Type?.IsKnown, Is.False);
            Assert.That(keras.Type, Is.Not.EqualTo(LearnBlockType.Keras));
            Assert.That(layer.Type?.Value, Is.EqualTo("lstm"));
            Assert.That(layer.Type?.IsKnown, Is.False);
            Assert.That(layer.Neurons, Is.EqualTo(32));
            Assert.That(keras.VisualLayers[1].Type?.IsKnown, Is.True);
        }
    }

    [Test]
    public async Task SetKeras_PostsFixtureBodyToLearnBlockPath()
    {
        var body = FixtureJson.Read<SetKerasParameterRequest>("Learn/setKeras.request.json");

        var (_, request) = await SendAsync("Learn/setKeras.success.json", c => c.Learn.SetKerasAsync(ProjectId, LearnId, body, CancellationToken.None));

        AssertRequest(request, "POST", "/v1/api/52187/training/keras/4", string.Empty);
        AssertJsonBody(request, "Learn/setKeras.request.json");
    }

    [Test]
    public async Task SetKeras_SendsBlockParametersAsPlainObject()
    {
        var body = new SetKerasParameterRequest
        {
            TrainingCycles = 1,
            BlockParameters = BlockParameters.FromPatchcore(new BlockParamsVisualAnomalyPatchcore { Backbone = "resnet18", NumLayers = 2, SamplingRatio = 0.1 }),
            CustomParameters = new Dictionary<string, string?> { ["seed"] = "42", ["cache"] = null },
        };

        var (_, request) = await SendAsync("Learn/setKeras.success.json", c => c.Learn.SetKerasAsync(ProjectId, LearnId, body));

        var sent = JObject.Parse(request.Body);
        var expected = JObject.Parse("""
            {
              "trainingCycles": 1,
              "customParameters": { "seed": "42", "cache": null },
              "blockParameters": { "backbone": "resnet18", "numLayers": 2, "samplingRatio": 0.1 }
            }
            """);
        Assert.That(JToken.DeepEquals(sent, expected), Is.True, $"Body sent:\n{sent}");
    }

    [Test]
    public async Task SetKeras_ReadsSuccessEnvelope()
    {
        var body = FixtureJson.Read<SetKerasParameterRequest>("Learn/setKeras.request.json");

        var (response, _) = await SendAsync("Learn/setKeras.success.json", c => c.Learn.SetKerasAsync(ProjectId, LearnId, body));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(response.Success, Is.True);
            Assert.That(response.Error, Is.Null);
            Assert.That(response.AdditionalProperties, Is.Empty);
        }
    }

    [TestCase(true, "excludeLabels=true")]
    [TestCase(false, "excludeLabels=false")]
    public async Task GetKerasMetadata_SendsExcludeLabelsInQuery(bool excludeLabels, string expectedQuery)
    {
        var (_, request) = await SendAsync("Learn/getKerasMetadata.success.json", c => c.Learn.GetKerasMetadataAsync(ProjectId, LearnId, excludeLabels, CancellationToken.None));

        AssertRequest(request, "GET", "/v1/api/52187/training/keras/4/metadata", expectedQuery);
    }

    [Test]
    public async Task GetKerasMetadata_SendsNoQueryWhenExcludeLabelsOmitted()
    {
        var (_, request) = await SendAsync("Learn/getKerasMetadata.success.json", c => c.Learn.GetKerasMetadataAsync(ProjectId, LearnId));

        AssertRequest(request, "GET", "/v1/api/52187/training/keras/4/metadata", string.Empty);
    }

    [Test]
    public async Task GetKerasMetadata_ReadsLayersAndModelTypes()
    {
        var (metadata, _) = await SendAsync("Learn/getKerasMetadata.success.json", c => c.Learn.GetKerasMetadataAsync(ProjectId, LearnId));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(metadata.Created, Is.EqualTo(new DateTimeOffset(2026, 1, 14, 9, 42, 41, TimeSpan.Zero)));
            Assert.That(metadata.HasTrainedModel, Is.True);
            Assert.That(metadata.Layers, Has.Count.EqualTo(4));
            Assert.That(metadata.Layers[0].Input!.Shape, Is.EqualTo(18));
            Assert.That(metadata.Layers[0].Input!.Name, Is.EqualTo("x_input:0"));
            Assert.That(metadata.Layers[3].Output!.Shape, Is.EqualTo(4));
            Assert.That(metadata.Layers[3].Output!.Name, Is.EqualTo("y_pred/Softmax:0"));
            Assert.That(metadata.ClassNames, Is.EqualTo(new[] { "idle", "snake", "updown", "wave" }));
            Assert.That(metadata.AvailableModelTypes, Is.EqualTo(new[] { KerasModelType.Int8, KerasModelType.Float32 }));
            Assert.That(metadata.RecommendedModelType, Is.EqualTo(KerasModelType.Int8));
            Assert.That(metadata.Mode, Is.EqualTo(KerasModelMode.Classification));
            Assert.That(metadata.Mode?.IsKnown, Is.True);
            Assert.That(metadata.ObjectDetectionLastLayer, Is.Null);
            Assert.That(metadata.ImageInputScaling?.Value, Is.EqualTo("0..1"));
            Assert.That(metadata.ImageInputScaling?.IsKnown, Is.True);
            Assert.That(metadata.Thresholds.Single().Value!.AsNumber(), Is.EqualTo(0.6));
            Assert.That(metadata.TensorboardGraphs.Select(g => g.Title), Is.EqualTo(new[] { "Accuracy", "Loss" }));
            Assert.That(metadata.TensorboardGraphs[0].Data[1].Title, Is.EqualTo("Validation"));
            Assert.That(metadata.TensorboardGraphs[0].Data[1].Values, Has.Count.EqualTo(30));
            Assert.That(metadata.TensorboardGraphs[0].Data[1].Values[^1], Is.EqualTo(0.9838));
        }
    }

    [Test]
    public async Task GetKerasMetadata_ReadsValidationMetrics()
    {
        var (metadata, _) = await SendAsync("Learn/getKerasMetadata.success.json", c => c.Learn.GetKerasMetadataAsync(ProjectId, LearnId));

        var int8 = metadata.ModelValidationMetrics.Single(m => m.Type == KerasModelType.Int8);
        var float32 = metadata.ModelValidationMetrics.Single(m => m.Type == KerasModelType.Float32);
        var m4 = int8.OnDevicePerformance[0];
        using (Assert.EnterMultipleScope())
        {
            Assert.That(metadata.ModelValidationMetrics, Has.Count.EqualTo(2));
            Assert.That(int8.Accuracy, Is.EqualTo(0.981439));
            Assert.That(int8.Loss, Is.EqualTo(0.0681));
            Assert.That(float32.Accuracy, Is.EqualTo(0.985305));
            Assert.That(int8.ConfusionMatrix, Has.Count.EqualTo(4));
            Assert.That(int8.ConfusionMatrix[1], Is.EqualTo(new double[] { 0, 318, 6, 3 }));
            Assert.That(int8.Report!["snake"]?["f1-score"]?.Value<double>(), Is.EqualTo(0.969512));
            Assert.That(int8.Report["accuracy"]?.Value<double>(), Is.EqualTo(0.981439));
            Assert.That(int8.Visualization, Is.EqualTo(KerasModelMetadataMetricsVisualization.FeatureExplorer));
            Assert.That(int8.IsSupportedOnMcu, Is.True);
            Assert.That(m4.Mcu, Is.EqualTo("cortex-m4f-80mhz"));
            Assert.That(m4.IsDefault, Is.True);
            Assert.That(m4.Tflite!.RamRequired, Is.EqualTo(2136));
            Assert.That(m4.Eon!.RomRequired, Is.EqualTo(14392));
            Assert.That(m4.EonRamOptimized?.ArenaSize, Is.EqualTo(176));
            Assert.That(int8.Predictions, Has.Count.EqualTo(8));
            Assert.That(int8.Predictions?[5].SampleId, Is.EqualTo(748301597L));
            Assert.That(int8.Predictions?[5].Prediction, Is.EqualTo("updown"));
            Assert.That(int8.Predictions?[5].PredictionCorrect, Is.False);
            Assert.That(int8.AdditionalMetrics[0].Name, Is.EqualTo("Area under ROC Curve"));
            Assert.That(int8.AdditionalMetrics[0].FullPrecisionValue, Is.EqualTo(0.9991));
        }
    }

    [Test]
    public async Task GetKerasMetadata_KeepsUnknownEnumValues()
    {
        var (metadata, _) = await SendAsync("Learn/getKerasMetadata.unknown-enum.json", c => c.Learn.GetKerasMetadataAsync(ProjectId, LearnId));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(metadata.Mode?.Value, Is.EqualTo("time-series-forecast"));
            Assert.That(metadata.Mode?.IsKnown, Is.False);
            Assert.That(metadata.ObjectDetectionLastLayer?.Value, Is.EqualTo("yolo-world"));
            Assert.That(metadata.ObjectDetectionLastLayer?.IsKnown, Is.False);
            Assert.That(metadata.RecommendedModelType?.IsKnown, Is.True);
            Assert.That(metadata.Layers, Has.Count.EqualTo(4), "the rest of the payload still reads");
        }
    }

    [Test]
    public async Task DownloadLearnModel_SendsGetWithOctetStreamAccept()
    {
        var (_, request) = await DownloadAsync([1, 2, 3], c => c.Learn.DownloadLearnModelAsync(ProjectId, LearnId, "tflite-float32", CancellationToken.None));

        AssertRequest(request, "GET", "/v1/api/52187/learn-data/4/model/tflite-float32", string.Empty, OctetStream);
    }

    [Test]
    public async Task DownloadLearnModel_EscapesDownloadIdAsOnePathSegment()
    {
        var (_, request) = await DownloadAsync([1, 2, 3], c => c.Learn.DownloadLearnModelAsync(ProjectId, LearnId, "eon/int8 v2"));

        AssertRequest(request, "GET", "/v1/api/52187/learn-data/4/model/eon%2Fint8%20v2", string.Empty, OctetStream);
    }

    [Test]
    public async Task DownloadLearnModel_StreamsBytesUnchanged()
    {
        // Every byte value, so any text decoding or newline translation on the way would show.
        var served = Enumerable.Range(0, 256).Select(i => (byte)i).Concat(Encoding.ASCII.GetBytes("\r\n\n\r")).ToArray();

        var (file, _) = await DownloadAsync(served, c => c.Learn.DownloadLearnModelAsync(ProjectId, LearnId, "tflite-float32"));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(file.Bytes, Is.EqualTo(served));
            Assert.That(file.StatusCode, Is.EqualTo(200));
            Assert.That(file.ContentType, Is.EqualTo(OctetStream));
            Assert.That(file.ContentLength, Is.EqualTo(260));
        }
    }
}
