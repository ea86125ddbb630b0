using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace EdgeImpulse.Generated.Simulator;

/// <content>
/// The deployment path after training: deployment targets, the build job and its downloads, the samples, impulse
/// create/update and project versions. Registered by wire operationId; an operation the served spec lacks is never
/// routed to its handler (<see cref="RequestPipeline"/> keeps only the spec's).
/// </content>
internal sealed partial class StudioOperations
{
    private const string DefaultModelType = "int8";

    private void AddDeploymentPathHandlers(Dictionary<string, Func<OperationCall, SimResponse>> handlers)
    {
        handlers["listDeploymentTargetsForProject"] = ListDeploymentTargets;
        handlers["buildOnDeviceModelJob"] = BuildOnDeviceModelJob;
        handlers["getDeployment"] = GetDeployment;
        handlers["downloadBuild"] = DownloadBuild;
        handlers["listDeploymentHistory"] = ListDeploymentHistory;
        handlers["downloadHistoricDeployment"] = DownloadHistoricDeployment;
        handlers["listSamples"] = ListSamples;
        handlers["createImpulse"] = CreateImpulse;
        handlers["updateImpulse"] = UpdateImpulse;
        handlers["listVersions"] = ListVersions;
        handlers["startVersionJob"] = StartVersionJob;
    }

    // ---- Deployment

    private SimResponse ListDeploymentTargets(OperationCall call)
    {
        RequireImpulse(call);
        return SimResponse.Json(Recorded(call));
    }

    private SimResponse BuildOnDeviceModelJob(OperationCall call)
    {
        RequireImpulse(call);
        var type = call.QueryText("type") ?? string.Empty;
        var target = _state.DeploymentTargets.OfType<JObject>().FirstOrDefault(t => (string?)t["format"] == type)
            ?? throw StudioError.UnknownDeploymentTarget(type);
        var name = (string?)target["name"] ?? type;
        if ((bool?)target["disabledForProject"] == true)
        {
            throw StudioError.DeploymentTargetDisabled(name, (string?)target["reasonTargetDisabled"]);
        }

        var engine = (string)call.Body["engine"]!;
        var engines = target["supportedEngines"]?.Values<string>().OfType<string>().ToArray() ?? [];
        if (!engines.Contains(engine, StringComparer.Ordinal))
        {
            throw StudioError.EngineNotSupported(name, engine, string.Join(", ", engines));
        }

        var supportedVariants = target["modelVariants"]?.Where(v => (bool?)v["supported"] == true).Select(v => (string?)v["variant"]).OfType<string>().ToArray() ?? [];
        var modelType = (string?)call.Body["modelType"] ?? (supportedVariants.Contains(DefaultModelType) ? DefaultModelType : supportedVariants.FirstOrDefault() ?? DefaultModelType);
        if (!supportedVariants.Contains(modelType, StringComparer.Ordinal))
        {
            throw StudioError.ModelVariantNotSupported(name, modelType);
        }

        // The package is made from the impulse as it is now; it can be downloaded once the job has succeeded.
        var impulse = ImpulseJson();
        var learnBlocks = _state.LearnBlocks.Values.ToArray();
        var build = _state.AddDeployment(version => new DeploymentBuild(
            version,
            (JObject)target.DeepClone(),
            engine,
            modelType,
            _state.ImpulseId,
            (string?)impulse["name"] ?? string.Empty,
            DeploymentPackage.FileName(_state.ProjectName, type, version),
            DeploymentPackage.Build(_state.ProjectId, _state.ProjectName, impulse, target, engine, modelType, version, _state.Dataset.Labels, _state.Seed, call.Now)));

        // A learn block the simulator can train (Keras) must have been trained; otherwise the job fails, as training without features does.
        var untrained = learnBlocks.FirstOrDefault(l => l.Type.StartsWith("keras", StringComparison.Ordinal) && l.Training is null);
        var job = untrained is not null
            ? _state.StartJob(JobKind.BuildDeployment, build.Version, call.Now, _ => JobScripts.DeploymentWithoutTrainedModel(untrained), succeeds: false)
            : _state.StartJob(JobKind.BuildDeployment, build.Version, call.Now, _ => JobScripts.BuildDeployment(build, learnBlocks));
        build.JobId = job.Id;
        job.OnSuccess = () => build.Built = job.Finished;
        return SimResponse.Json(new JObject { ["success"] = true, ["id"] = job.Id, ["deploymentVersion"] = build.Version });
    }

    private SimResponse GetDeployment(OperationCall call)
    {
        RequireImpulse(call);
        var latest = LatestBuild(call);
        var response = new JObject { ["success"] = true, ["hasDeployment"] = latest is not null };
        if (latest is not null)
        {
            response["version"] = latest.Version;
        }

        return SimResponse.Json(response);
    }

    private SimResponse DownloadBuild(OperationCall call)
    {
        RequireImpulse(call);
        return Package(LatestBuild(call) ?? throw StudioError.NoDeploymentBuilt(call.QueryText("type") ?? string.Empty));
    }

    private SimResponse ListDeploymentHistory(OperationCall call)
    {
        var impulseId = call.QueryLong("impulseId");
        var built = _state.Deployments
            .Where(d => d.Built is not null && (impulseId is null || d.ImpulseId == impulseId))
            .OrderByDescending(d => d.Version)
            .ToArray();
        var page = built.Skip((int)Math.Max(0, call.QueryLong("offset") ?? 0)).Take((int)Math.Max(0, call.QueryLong("limit") ?? built.Length));
        var deployments = new JArray(page.Select(d => new JObject
        {
            ["created"] = SimulatedJob.Timestamp(d.Built!.Value),
            ["deploymentVersion"] = d.Version,
            ["deploymentFormat"] = d.Type,
            ["deploymentTarget"] = d.Target.DeepClone(),
            ["engine"] = d.Engine,
            ["modelType"] = d.ModelType,
            ["impulseId"] = d.ImpulseId,
            ["impulseName"] = d.ImpulseName,
            ["impulseIsDeleted"] = false,
            ["impulseHasChangedSinceDeployment"] = _state.LearnBlocks.Values.Any(l => l.Training is null || l.Training.Finished > d.Built.Value),
            ["downloadUrl"] = string.Create(CultureInfo.InvariantCulture, $"{RouteTable.Prefix}/api/{_state.ProjectId}/deployment/history/{d.Version}/download"),
        }));
        return SimResponse.Json(new JObject { ["success"] = true, ["deployments"] = deployments, ["totalDeploymentCount"] = built.Length });
    }

    private SimResponse DownloadHistoricDeployment(OperationCall call)
    {
        var version = call.PathId("deploymentVersion");
        var build = _state.Deployments.FirstOrDefault(d => d.Version == version) ?? throw StudioError.DeploymentVersionNotFound(version);
        if (build.Built is null)
        {
            var job = _state.Job(build.JobId);
            throw StudioError.DeploymentNotReady(build.Version, build.JobId, failed: job.IsFinished(call.Now));
        }

        return Package(build);
    }

    // The newest successful build of the asked type (and engine / model variant, when given).
    private DeploymentBuild? LatestBuild(OperationCall call)
    {
        var type = call.QueryText("type");
        var engine = call.QueryText("engine");
        var modelType = call.QueryText("modelType");
        return _state.Deployments.LastOrDefault(d => d.Built is not null
            && d.Type == type
            && (engine is null || d.Engine == engine)
            && (modelType is null || d.ModelType == modelType));
    }

    private static SimResponse Package(DeploymentBuild build) =>
        SimResponse.Bytes(build.Package, "application/zip") with { ExtraHeader = ("Content-Disposition", $"attachment; filename=\"{build.FileName}\"") };

    // ---- Raw data

    private SimResponse ListSamples(OperationCall call)
    {
        var category = call.QueryText("category") ?? "training";
        var dataset = _state.Dataset;
        IEnumerable<(string Category, SampleWindows Sample)> samples = category == "all"
            ? dataset.Categories.SelectMany(c => c.Value.Select(s => (c.Key, s)))
            : dataset.Samples(category).Select(s => (category, s));
        if (call.QueryText("labels") is { } labelFilter)
        {
            var labels = ParseLabelFilter(labelFilter);
            samples = samples.Where(s => labels.Contains(dataset.Labels[s.Sample.LabelIndex]));
        }

        var ordered = call.QueryText("sortBy") == "random"
            ? samples.OrderBy(s => new Random(unchecked((_state.Seed * 31) ^ (int)s.Sample.SampleId)).Next()).ToArray()
            : samples.OrderByDescending(s => s.Sample.SampleId).ToArray();
        var offset = (int)Math.Max(0, call.QueryLong("offset") ?? 0);
        var limit = (int)Math.Max(0, call.QueryLong("limit") ?? ordered.Length);
        var template = (JObject)Recorded(call)["samples"]![0]!;
        var excludeSensors = call.QueryFlag("excludeSensors");
        var page = ordered.Skip(offset).Take(limit).Select(s => SampleJson(template, s.Category, s.Sample, excludeSensors));
        return SimResponse.Json(new JObject { ["success"] = true, ["samples"] = new JArray(page), ["totalCount"] = ordered.Length });
    }

    // A sample of the data set in the recorded sample's shape: its id, label and category, a length that gives its windows.
    private JObject SampleJson(JObject template, string category, SampleWindows sample, bool excludeSensors)
    {
        var dataset = _state.Dataset;
        var label = dataset.Labels[sample.LabelIndex];
        var json = (JObject)template.DeepClone();
        var lengthMs = ((Math.Max(1, sample.WindowCount) - 1) * dataset.WindowIncreaseMs) + dataset.WindowSizeMs;
        var suffix = sample.SampleId.ToString("x", CultureInfo.InvariantCulture);
        json["id"] = sample.SampleId;
        json["category"] = category;
        json["label"] = label;
        json["filename"] = $"{label}.{suffix}.json";
        json["coldstorageFilename"] = $"ingestion/{_state.ProjectId}/{label}.json.{suffix}.cbor";
        json["totalLengthMs"] = lengthMs;
        json["valuesCount"] = (int)Math.Round(lengthMs * ((double?)json["frequency"] ?? 62.5) / 1000);
        json["projectId"] = _state.ProjectId;
        if (excludeSensors)
        {
            json["sensors"] = new JArray();
        }

        return json;
    }

    private static HashSet<string> ParseLabelFilter(string filter)
    {
        try
        {
            return JArray.Parse(filter).Values<string>().OfType<string>().ToHashSet(StringComparer.Ordinal);
        }
        catch (JsonException)
        {
            throw StudioError.InvalidRequest($"query.labels: expected a JSON array of labels, got '{filter}'");
        }
    }

    // ---- Impulse

    private SimResponse CreateImpulse(OperationCall call)
    {
        RequireImpulse(call, orCreate: true);
        var body = call.Body;
        CheckBlockReferences(body);
        _state.ReplaceImpulse(body, call.Now);
        return SimResponse.Json(new JObject { ["success"] = true, ["id"] = _state.ImpulseId });
    }

    private SimResponse UpdateImpulse(OperationCall call)
    {
        RequireImpulse(call, orCreate: true);
        var body = call.Body;
        if (body["name"] is { Type: JTokenType.String } name)
        {
            _state.Impulse["name"] = name.DeepClone();
        }

        if (body["type"] is { Type: JTokenType.String } type)
        {
            _state.Impulse["type"] = type.DeepClone();
        }

        if (body["tags"] is JArray tags)
        {
            _state.ImpulseTags.Clear();
            _state.ImpulseTags.AddRange(tags.Values<string>().OfType<string>());
        }

        return SimResponse.Success();
    }

    // Ids unique per kind, DSP inputs and learn-block dependencies pointing at blocks of the same body.
    private static void CheckBlockReferences(JObject body)
    {
        long[] Ids(string kind) => (body[kind] as JArray ?? []).Select(b => (long)b["id"]!).ToArray();
        var inputs = Ids("inputBlocks");
        var dsps = Ids("dspBlocks");
        foreach (var (kind, ids) in new[] { ("inputBlocks", inputs), ("dspBlocks", dsps), ("learnBlocks", Ids("learnBlocks")) })
        {
            if (ids.GroupBy(id => id).FirstOrDefault(g => g.Count() > 1) is { } duplicate)
            {
                throw StudioError.InvalidImpulse($"{kind} uses ID {duplicate.Key} twice");
            }
        }

        foreach (var dsp in body["dspBlocks"] ?? new JArray())
        {
            if ((long?)dsp["input"] is { } input && !inputs.Contains(input))
            {
                throw StudioError.InvalidImpulse($"DSP block {dsp["id"]} takes input block {input}, which is not in the impulse");
            }
        }

        foreach (var learn in body["learnBlocks"] ?? new JArray())
        {
            if (learn["dsp"]?.Values<long>().FirstOrDefault(d => !dsps.Contains(d)) is { } missing and not 0)
            {
                throw StudioError.InvalidImpulse($"learn block {learn["id"]} takes DSP block {missing}, which is not in the impulse");
            }
        }
    }

    // ---- Versions

    private SimResponse ListVersions(OperationCall call)
    {
        var response = Recorded(call);
        response["nextVersion"] = _state.NextVersion;
        response["versions"] = new JArray(_state.Versions.Reverse().Select(v => v.DeepClone()));
        return SimResponse.Json(response);
    }

    private SimResponse StartVersionJob(OperationCall call)
    {
        var body = call.Body;
        if (body["bucketId"] is { Type: not JTokenType.Null })
        {
            throw StudioError.BucketsNotSimulated();
        }

        var description = (string?)body["description"] ?? string.Empty;
        var makePublic = (bool?)body["makePublic"] ?? false;
        var runModelTesting = (bool?)body["runModelTestingWhileVersioning"] ?? false;
        var number = _state.ReserveVersion();
        var sampleCount = _state.Dataset.SampleIds.Count();
        var job = _state.StartJob(JobKind.CreateVersion, number, call.Now, _ => JobScripts.CreateVersion(_state.ProjectId, number, description, sampleCount, runModelTesting));
        var accuracy = _state.LearnBlocks.Values.Select(l => l.Training?.Accuracy).FirstOrDefault(a => a is not null);
        job.OnSuccess = () =>
        {
            var recorded = _state.RecordedVersion;
            var version = new JObject
            {
                ["id"] = (_state.ProjectId * 100) + number,
                ["version"] = number,
                ["description"] = description,
                ["bucket"] = new JObject { ["path"] = $"/projects/{_state.ProjectId}/versions/{number}", ["bucket"] = recorded.SelectToken("bucket.bucket")?.DeepClone() },
                ["created"] = SimulatedJob.Timestamp(job.Finished),
                ["userId"] = recorded["userId"]?.DeepClone(),
                ["userName"] = recorded["userName"]?.DeepClone(),
                ["userPhoto"] = recorded["userPhoto"]?.DeepClone(),
                ["totalSamplesCount"] = sampleCount.ToString(CultureInfo.InvariantCulture),
            };
            if (accuracy is { } trained)
            {
                version["trainingAccuracy"] = trained;
            }

            if (makePublic)
            {
                version["publicProjectId"] = (_state.ProjectId * 10) + number;
                version["publicProjectUrl"] = $"https://studio.edgeimpulse.com/public/{(_state.ProjectId * 10) + number}/live";
            }

            _state.AddVersion(version);
        };
        return Started(job);
    }

    // ---- Shared

    // The optional impulseId query: the simulated impulse, or (for create/update, which would make a new one) an error saying so.
    private void RequireImpulse(OperationCall call, bool orCreate = false)
    {
        if (call.QueryLong("impulseId") is { } impulseId && impulseId != _state.ImpulseId)
        {
            throw orCreate ? StudioError.OtherImpulseNotSimulated(impulseId, _state.ImpulseId) : StudioError.ImpulseNotFound(impulseId);
        }
    }

    private JObject ImpulseJson()
    {
        var impulse = (JObject)_state.Impulse.DeepClone();
        if (_state.ImpulseTags.Count > 0)
        {
            impulse["tags"] = new JArray(_state.ImpulseTags);
        }

        return impulse;
    }
}
