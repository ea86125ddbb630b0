using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using Newtonsoft.Json.Linq;

namespace EdgeImpulse.Generated.Simulator;

/// <summary>
/// The handler of each of the 31 operations. Each starts from the operation's recording and adjusts ids and state; the
/// pipeline calls them one at a time under the state lock, after the project id, parameters and body were checked.
/// </summary>
internal sealed partial class StudioOperations
{
    private const int MaxLogLines = 1000;
    private static readonly string[] LogLevels = [JobScripts.Error, JobScripts.Warn, JobScripts.Info, JobScripts.Debug];

    private readonly StudioState _state;
    private readonly FixtureStore _fixtures;

    public StudioOperations(StudioState state)
    {
        _state = state;
        _fixtures = state.Fixtures;
        var handlers = new Dictionary<string, Func<OperationCall, SimResponse>>(StringComparer.Ordinal)
        {
            ["getImpulse"] = GetImpulse,
            ["getKeras"] = GetKeras,
            ["setKeras"] = SetKeras,
            ["getKerasMetadata"] = GetKerasMetadata,
            ["getDspConfig"] = GetDspConfig,
            ["setDspConfig"] = SetDspConfig,
            ["clearDspBlock"] = ClearDspBlock,
            ["getDspMetadata"] = GetDspMetadata,
            ["getDspFeatureLabels"] = RecordedForDsp,
            ["getDspFeatureImportance"] = GetDspFeatureImportance,
            ["getAutotunerResults"] = GetAutotunerResults,
            ["getPerformanceAllVariants"] = RecordedForDsp,
            ["runDspOnFeaturesArray"] = RecordedForDsp,
            ["getDspRawSample"] = GetDspRawSample,
            ["getDspSampleSlice"] = SampleResponse,
            ["runDspSampleSlice"] = RunDspSampleSlice,
            ["runDspSampleSliceReadOnly"] = SampleResponse,
            ["dspGetFeaturesForSample"] = DspGetFeaturesForSample,
            ["dspSampleTrainedFeatures"] = DspSampleTrainedFeatures,
            ["downloadDspData"] = c => Download(c, _ => _state.Dataset.Features(c.PathText("category"), c.QueryFlag("raw"))),
            ["downloadDspLabels"] = c => Download(c, _ => _state.Dataset.LabelRows(c.PathText("category"))),
            ["startProfileCustomDspBlock"] = StartProfileCustomDspBlock,
            ["generateFeaturesJob"] = GenerateFeaturesJob,
            ["autotuneDspJob"] = AutotuneDspJob,
            ["trainKerasJob"] = TrainKerasJob,
            ["downloadLearnModel"] = DownloadLearnModel,
            ["getJobStatus"] = GetJobStatus,
            ["getJobsLogs"] = GetJobsLogs,
            ["downloadJobsLogs"] = DownloadJobsLogs,
            ["cancelJob"] = CancelJob,
            ["getProfileTfliteJobResult"] = GetProfileTfliteJobResult,
        };
        AddDeploymentPathHandlers(handlers);
        Handlers = handlers;
    }

    public IReadOnlyDictionary<string, Func<OperationCall, SimResponse>> Handlers { get; }

    // ---- Impulse

    private SimResponse GetImpulse(OperationCall call)
    {
        RequireImpulse(call);
        var response = Recorded(call);
        response["impulse"] = ImpulseJson();
        return SimResponse.Json(response);
    }

    // ---- Learn

    private SimResponse GetKeras(OperationCall call)
    {
        var learn = _state.Learn(call.PathId("learnId"));
        var response = Recorded(call);
        foreach (var field in learn.Keras.Properties())
        {
            response[field.Name] = field.Value.DeepClone();
        }

        response["name"] = learn.Name;
        response["type"] = learn.Type;
        response["trained"] = learn.Training is not null;
        return SimResponse.Json(response);
    }

    private SimResponse SetKeras(OperationCall call)
    {
        MergeKeras(_state.Learn(call.PathId("learnId")), call.Body);
        return SimResponse.Success();
    }

    private SimResponse GetKerasMetadata(OperationCall call)
    {
        var learn = _state.Learn(call.PathId("learnId"));
        var response = Recorded(call);
        if (learn.Training is not { } training)
        {
            // Untrained: the recorded shape with nothing in it (the schema's hasTrainedModel exists for this case).
            response["created"] = SimulatedJob.Timestamp(call.Now);
            response["hasTrainedModel"] = false;
            foreach (var name in new[] { "layers", "labels", "availableModelTypes", "modelValidationMetrics" })
            {
                response[name] = new JArray();
            }
        }
        else if (training.Accuracy is { } accuracy && training.Loss is { } loss)
        {
            response["created"] = SimulatedJob.Timestamp(training.Finished);
            foreach (var metrics in response["modelValidationMetrics"]?.OfType<JObject>() ?? [])
            {
                // The float32 model scores what the training log's last epoch printed; int8 quantization costs a little.
                var int8 = (string?)metrics["type"] == "int8";
                metrics["accuracy"] = Math.Round(int8 ? accuracy - 0.004 : accuracy, 6);
                metrics["loss"] = Math.Round(int8 ? loss + 0.003 : loss, 4);
                if (metrics["report"] is JObject report && report["accuracy"] is not null)
                {
                    report["accuracy"] = metrics["accuracy"]!.DeepClone();
                }
            }
        }

        if (call.QueryFlag("excludeLabels"))
        {
            response["labels"] = new JArray();
        }

        return SimResponse.Json(response);
    }

    // ---- DSP

    private SimResponse GetDspConfig(OperationCall call)
    {
        var dsp = _state.Dsp(call.PathId("dspId"));
        var response = Recorded(call);
        if (response["dsp"] is JObject info)
        {
            info["id"] = dsp.Id;
            info["name"] = dsp.Name;
            info["type"] = dsp.Type;
            info["hasAutotunerResults"] = dsp.HasAutotunerResults;
            if (dsp.Features is { } features)
            {
                info["calculateFeatureImportance"] = features.FeatureImportance;
                info["normalizeData"] = features.NormalizeData;
            }

            if (info["features"] is JObject generated)
            {
                generated["generated"] = dsp.Features is not null;
            }
        }

        foreach (var item in response.SelectTokens("config[*].items[*]").OfType<JObject>())
        {
            if ((string?)item["param"] is { } param && dsp.Config.TryGetValue(param, out var value))
            {
                item["value"] = value;
                foreach (var option in item["selectOptions"]?.OfType<JObject>() ?? [])
                {
                    option["selected"] = (string?)option["value"] == value;
                }
            }
        }

        return SimResponse.Json(response);
    }

    private SimResponse SetDspConfig(OperationCall call)
    {
        var dsp = _state.Dsp(call.PathId("dspId"));
        MergeDspConfig(dsp, (JObject)call.Body["config"]!);
        return SimResponse.Success();
    }

    private SimResponse ClearDspBlock(OperationCall call)
    {
        _state.Dsp(call.PathId("dspId")).Invalidate();
        return SimResponse.Success();
    }

    private SimResponse GetDspMetadata(OperationCall call)
    {
        var dsp = _state.Dsp(call.PathId("dspId"));
        var response = Recorded(call);
        if (dsp.Features is not { } features)
        {
            response["created"] = SimulatedJob.Timestamp(call.Now);
            response["generated"] = false;
            response["dspConfig"] = JObject.FromObject(dsp.Config);
            response["windowCount"] = 0;
            response["includedSamples"] = new JArray();
            return SimResponse.Json(response);
        }

        var category = call.QueryText("category") ?? "training";
        var samples = category == "all"
            ? _state.Dataset.Categories.Values.SelectMany(s => s).ToArray()
            : _state.Dataset.Samples(category);
        response["created"] = SimulatedJob.Timestamp(features.Created);
        response["generated"] = true;
        response["dspConfig"] = JObject.FromObject(features.Config);
        response["windowCount"] = samples.Sum(s => s.WindowCount);
        response["includedSamples"] = call.QueryFlag("excludeIncludedSamples")
            ? new JArray()
            : new JArray(samples.Select(s => new JObject { ["id"] = s.SampleId, ["windowCount"] = s.WindowCount }));
        return SimResponse.Json(response);
    }

    private SimResponse GetDspFeatureImportance(OperationCall call)
    {
        var dsp = _state.Dsp(call.PathId("dspId"));
        return dsp.Features is { FeatureImportance: true }
            ? SimResponse.Json(Recorded(call))
            : SimResponse.Json(new JObject { ["success"] = true, ["hasFeatureImportance"] = false, ["labels"] = new JObject() });
    }

    private SimResponse GetAutotunerResults(OperationCall call)
    {
        var dsp = _state.Dsp(call.PathId("dspId"));
        return dsp.HasAutotunerResults
            ? SimResponse.Json(Recorded(call))
            : SimResponse.Json(new JObject { ["success"] = true, ["results"] = new JArray() });
    }

    private SimResponse GetDspRawSample(OperationCall call)
    {
        var response = SampleJson(call);
        if (call.QueryLong("limitPayloadValues") is { } limit && response.SelectToken("payload.values") is JArray values && values.Count > limit)
        {
            response["payload"]!["values"] = new JArray(values.Take((int)Math.Max(0, limit)));
        }

        return SimResponse.Json(response);
    }

    private SimResponse SampleResponse(OperationCall call) => SimResponse.Json(SampleJson(call));

    private SimResponse RunDspSampleSlice(OperationCall call)
    {
        var response = SampleJson(call);
        if ((bool?)call.Body["store"] == true)
        {
            // "store": keep these parameters as the block's configuration, as setDspConfig would.
            var parameters = new JObject(((JObject)call.Body["params"]!).Properties().Where(p => p.Value.Type == JTokenType.String));
            MergeDspConfig(_state.Dsp(call.PathId("dspId")), parameters);
        }

        return SimResponse.Json(response);
    }

    private SimResponse DspGetFeaturesForSample(OperationCall call)
    {
        // Ids first, as for the other sample operations: an unknown sample is that, whatever the block's state.
        var dsp = _state.Dsp(call.PathId("dspId"));
        var sampleId = _state.Sample(call.PathId("sampleId"));
        RequireFeatures(dsp);
        var response = Recorded(call);
        foreach (var sample in response.SelectTokens("data[*].sample").OfType<JObject>())
        {
            sample["id"] = sampleId;
        }

        return SimResponse.Json(response);
    }

    private SimResponse DspSampleTrainedFeatures(OperationCall call)
    {
        var dsp = _state.Dsp(call.PathId("dspId"));
        RequireFeatures(dsp);
        var axes = new[] { "featureAx1", "featureAx2", "featureAx3" }.Select(a => call.QueryLong(a)!.Value.ToString(CultureInfo.InvariantCulture)).ToArray();
        var response = Recorded(call);
        foreach (var point in response.SelectTokens("data[*]").OfType<JObject>())
        {
            // X maps feature index to value: answer each axis asked for with the recorded value of that feature, read
            // by key (the order a JSON object's keys are written in means nothing); a feature not recorded reads 0.
            if (point["X"] is JObject x)
            {
                point["X"] = new JObject(axes.Distinct().Select(axis => new JProperty(axis, x[axis]?.DeepClone() ?? 0)));
            }
        }

        return SimResponse.Json(response);
    }

    private SimResponse Download(OperationCall call, Func<DspBlock, SimResponse> download)
    {
        var dsp = _state.Dsp(call.PathId("dspId"));
        RequireFeatures(dsp);
        return download(dsp);
    }

    private SimResponse DownloadLearnModel(OperationCall call)
    {
        var learn = _state.Learn(call.PathId("learnId"));
        return learn.Training == null
            ? throw StudioError.ModelNotTrained(learn)
            : SimResponse.Bytes(_state.Dataset.Artifact(learn.Id, call.PathText("modelDownloadId")), "application/octet-stream");
    }

    // ---- Jobs

    private SimResponse StartProfileCustomDspBlock(OperationCall call)
    {
        var dsp = _state.Dsp(call.PathId("dspId"));
        var job = _state.StartJob(JobKind.ProfileDsp, dsp.Id, call.Now, _ => JobScripts.Profile(dsp));
        return Started(job);
    }

    private SimResponse GenerateFeaturesJob(OperationCall call)
    {
        var dsp = _state.Dsp((long)call.Body["dspId"]!);
        var importance = (bool?)call.Body["calculateFeatureImportance"] ?? false;
        var normalize = (string?)call.Body["normalizeData"] ?? "none";
        var config = new Dictionary<string, string>(dsp.Config, StringComparer.Ordinal);
        var revision = dsp.Revision;
        var job = _state.StartJob(JobKind.GenerateFeatures, dsp.Id, call.Now, _ => JobScripts.GenerateFeatures(dsp, _state.Dataset, importance));
        job.OnSuccess = () =>
        {
            // The job ran on the parameters it started with. If they changed (or the block was cleared) meanwhile, it
            // still succeeds, but its features are stale: the block does not count as having features.
            if (dsp.Revision == revision)
            {
                dsp.Features = new GeneratedFeatures(job.Finished, config, importance, normalize);
            }
        };
        return Started(job);
    }

    private SimResponse AutotuneDspJob(OperationCall call)
    {
        var dsp = _state.Dsp((long)call.Body["dspId"]!);
        var job = _state.StartJob(JobKind.AutotuneDsp, dsp.Id, call.Now, _ => JobScripts.Autotune(dsp));
        job.OnSuccess = () => dsp.HasAutotunerResults = true;
        return Started(job);
    }

    private SimResponse TrainKerasJob(OperationCall call)
    {
        var learn = _state.Learn(call.PathId("learnId"));
        MergeKeras(learn, call.Body);

        // Whether the input features exist is decided when the job is created; without them it fails like the Studio's.
        var missing = learn.DspIds.Select(id => _state.DspBlocks.GetValueOrDefault(id)).OfType<DspBlock>().FirstOrDefault(d => d.Features is null);
        if (missing is not null)
        {
            var failing = _state.StartJob(JobKind.TrainKeras, learn.Id, call.Now, _ => JobScripts.TrainingWithoutFeatures(missing), succeeds: false);
            return Started(failing);
        }

        double accuracy = 0, loss = 0;
        var windows = learn.DspIds.Count > 0 ? _state.Dataset.WindowCount("training") : 0;
        var job = _state.StartJob(JobKind.TrainKeras, learn.Id, call.Now, id =>
        {
            var run = JobScripts.Training(
                _state.Seed,
                id,
                windows,
                (int?)learn.Keras["trainingCycles"] ?? 30,
                (double?)learn.Keras["learningRate"] ?? 0.0005,
                (double?)learn.Keras["batchSize"] ?? 32,
                (double?)learn.Keras["trainTestSplit"] ?? 0.2);
            (accuracy, loss) = (run.Accuracy, run.Loss);
            return run.Lines;
        });
        job.OnSuccess = () => learn.Training = new TrainingResult(job.Finished, accuracy, loss);
        return Started(job);
    }

    private SimResponse GetJobStatus(OperationCall call)
    {
        var job = _state.Job(call.PathId("jobId"));
        return SimResponse.Json(new JObject { ["success"] = true, ["job"] = job.ToJson(_state.RecordedJob, call.Now) });
    }

    private SimResponse GetJobsLogs(OperationCall call)
    {
        var (lines, total) = SelectLogs(call);

        // Like the Studio: the newest line first (the text download below stays chronological, like a log file).
        var stdout = new JArray(lines.Reverse().Select(l => new JObject { ["created"] = SimulatedJob.Timestamp(l.Created), ["data"] = l.Data, ["logLevel"] = l.Level }));
        return SimResponse.Json(new JObject { ["success"] = true, ["stdout"] = stdout, ["totalCount"] = total });
    }

    private SimResponse DownloadJobsLogs(OperationCall call)
    {
        var (lines, _) = SelectLogs(call);
        var text = new StringBuilder();
        foreach (var line in lines)
        {
            text.Append(line.Data);
        }

        return SimResponse.Text(text.ToString());
    }

    private SimResponse CancelJob(OperationCall call)
    {
        _state.Job(call.PathId("jobId")).Cancel(call.Now);
        return SimResponse.Success();
    }

    private SimResponse GetProfileTfliteJobResult(OperationCall call)
    {
        var id = call.PathId("jobId");
        var job = _state.Job(id);
        if (job.Kind != JobKind.ProfileDsp)
        {
            throw StudioError.NotAProfileJob(id);
        }

        if (!job.IsFinished(call.Now))
        {
            throw StudioError.JobNotFinished(id);
        }

        return job.FinishedSuccessfully(call.Now) ? SimResponse.Json(Recorded(call)) : throw StudioError.JobFailed(id);
    }

    // ---- Shared

    private static SimResponse Started(SimulatedJob job) => SimResponse.Json(new JObject { ["success"] = true, ["id"] = job.Id });

    // The logs endpoints return the most recent lines, at most `limit` (1000 at most, as documented);
    // `logLevel` keeps that level and the more severe ones. totalCount counts every line the filter keeps.
    private (IReadOnlyList<LogLine> Lines, int Total) SelectLogs(OperationCall call)
    {
        var job = _state.Job(call.PathId("jobId"));
        var limit = call.QueryLong("limit") ?? MaxLogLines;
        if (limit < 1)
        {
            throw StudioError.InvalidRequest($"query.limit: must be at least 1, got {limit}");
        }

        var level = call.QueryText("logLevel");
        var severity = level is null ? LogLevels.Length - 1 : Array.IndexOf(LogLevels, level);
        var lines = job.LogsAt(call.Now).Where(l => Array.IndexOf(LogLevels, l.Level) <= severity).ToArray();
        var take = (int)Math.Min(Math.Min(limit, MaxLogLines), lines.Length);
        return (lines[^take..], lines.Length);
    }

    private static void RequireFeatures(DspBlock dsp)
    {
        if (dsp.Features is null)
        {
            throw StudioError.FeaturesNotGenerated(dsp);
        }
    }

    private JObject SampleJson(OperationCall call)
    {
        _state.Dsp(call.PathId("dspId"));
        var sampleId = _state.Sample(call.PathId("sampleId"));
        var response = Recorded(call);
        if (response.SelectToken("sample.sample") is JObject nested)
        {
            nested["id"] = sampleId;
        }
        else if (response["sample"] is JObject sample)
        {
            sample["id"] = sampleId;
        }

        return response;
    }

    private SimResponse RecordedForDsp(OperationCall call)
    {
        _state.Dsp(call.PathId("dspId"));
        return SimResponse.Json(Recorded(call));
    }

    private JObject Recorded(OperationCall call) => _fixtures.Success(call.Operation);

    private static void MergeDspConfig(DspBlock dsp, JObject values)
    {
        var changed = false;
        foreach (var (name, value) in values)
        {
            var text = (string?)value ?? string.Empty;
            changed |= !dsp.Config.TryGetValue(name, out var current) || current != text;
            dsp.Config[name] = text;
        }

        // Changed parameters make the generated features stale (also those a running job will produce): the Studio
        // asks to generate them again.
        if (changed)
        {
            dsp.Invalidate();
        }
    }

    // A partial update ("only fields defined in this object are set"): fields KerasConfig also has are kept, as the
    // type getKeras declares (the request's batchSize is a number, KerasConfig's an integer).
    private static void MergeKeras(LearnBlock learn, JObject request)
    {
        var settable = StudioState.KerasSettableFields;
        foreach (var property in request.Properties())
        {
            if (!settable.TryGetValue(property.Name, out var type))
            {
                continue;
            }

            learn.Keras[property.Name] = type == "integer" && property.Value.Type == JTokenType.Float
                ? new JValue((long)Math.Round((double)property.Value))
                : property.Value.DeepClone();
        }
    }
}
