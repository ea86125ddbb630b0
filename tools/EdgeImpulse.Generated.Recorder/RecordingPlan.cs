using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using EdgeImpulse.Generated.SpecTool;

namespace EdgeImpulse.Generated.Recorder;

/// <summary>Which optional id an operation needs besides the project, DSP and learn block ids.</summary>
internal enum RecordingInput
{
    None,
    Sample,
    Job,
    ProfileJob,
}

/// <summary>One operation the recorder calls: its id, the optional id it needs, and the values of its other parameters.</summary>
internal sealed record RecordingEntry(string OperationId, RecordingInput Needs, IReadOnlyDictionary<string, string> FixedArguments)
{
    public RecordingEntry(string operationId, RecordingInput needs = RecordingInput.None)
        : this(operationId, needs, new Dictionary<string, string>())
    {
    }
}

/// <summary>A call the recorder makes: the operation, the URL relative to the base URL, and the fixture it becomes.</summary>
internal sealed record PlannedCall(SpecOperation Operation, string RelativeUrl, string FixturePath)
{
    public bool IsJson => Operation.ResponseContentType == "application/json";
}

/// <summary>An operation the recorder does not call, and why.</summary>
internal sealed record SkippedOperation(string OperationId, string Reason);

/// <summary>
/// The recording table: the safe (GET) operations the recorder calls, in this order, and the operations it never calls.
/// Paths, query parameter names and content types come from the spec; only the values are chosen here.
/// </summary>
internal sealed record RecordingPlan(IReadOnlyList<PlannedCall> Calls, IReadOnlyList<SkippedOperation> Skipped)
{
    /// <summary>The operations recorded, in call order (the order is part of the contract: tests replay responses in it).</summary>
    public static IReadOnlyList<RecordingEntry> Recorded { get; } =
    [
        new("getImpulse"),
        new("getKeras"),
        new("getKerasMetadata"),
        new("getDspConfig"),
        new("getDspMetadata"),
        new("getDspFeatureLabels"),
        new("getDspFeatureImportance"),
        new("getAutotunerResults"),
        new("getPerformanceAllVariants"),
        // X in the answer is keyed by these feature indices: the fixture story's (the client tests read X["6"], X["12"]).
        // A DSP block with fewer than 13 features has no feature 12.
        new("dspSampleTrainedFeatures", RecordingInput.None, new Dictionary<string, string>
        {
            ["category"] = "training",
            ["featureAx1"] = "0",
            ["featureAx2"] = "6",
            ["featureAx3"] = "12",
        }),
        // Image samples can be large; 1000 values is plenty for a fixture.
        new("getDspRawSample", RecordingInput.Sample, new Dictionary<string, string> { ["limitPayloadValues"] = "1000" }),
        new("getDspSampleSlice", RecordingInput.Sample, new Dictionary<string, string> { ["sliceStart"] = "0" }),
        new("dspGetFeaturesForSample", RecordingInput.Sample),
        new("runDspSampleSliceReadOnly", RecordingInput.Sample, new Dictionary<string, string> { ["sliceStart"] = "0" }),
        new("getJobStatus", RecordingInput.Job),
        new("getJobsLogs", RecordingInput.Job),
        new("downloadJobsLogs", RecordingInput.Job),
        new("getProfileTfliteJobResult", RecordingInput.ProfileJob),
    ];

    /// <summary>
    /// Operations of the training story never called against a user's project, with why; their fixtures stay authored.
    /// Every other operation that is not a GET is never called either, by rule (see <see cref="Build"/>).
    /// </summary>
    public static IReadOnlyDictionary<string, string> NotRecorded { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["setKeras"] = "POST: changes the learn block's settings",
        ["trainKerasJob"] = "POST: starts a training job",
        ["setDspConfig"] = "POST: changes the DSP block's parameters",
        ["clearDspBlock"] = "POST: deletes the DSP block's generated features",
        ["runDspSampleSlice"] = "POST: may store the DSP parameters ('store'); runDspSampleSliceReadOnly is recorded instead",
        ["runDspOnFeaturesArray"] = "POST: runs on an authored features array (runDspOnFeaturesArray.request.json)",
        ["startProfileCustomDspBlock"] = "POST: starts a profiling job",
        ["generateFeaturesJob"] = "POST: starts a feature generation job",
        ["autotuneDspJob"] = "POST: starts an autotuner job",
        ["cancelJob"] = "POST: cancels a job",
        ["downloadDspData"] = "binary download (.npy); the fixture set holds no binary fixtures",
        ["downloadDspLabels"] = "binary download (.npy); the fixture set holds no binary fixtures",
    };

    /// <summary>Plans the calls for these settings; <paramref name="recorded"/> replaces the table (tests check the guards with it).</summary>
    public static RecordingPlan Build(SpecCatalog catalog, RecorderSettings settings, IReadOnlyList<RecordingEntry>? recorded = null)
    {
        recorded ??= Recorded;
        var calls = new List<PlannedCall>();
        var skipped = new List<SkippedOperation>();
        foreach (var entry in recorded)
        {
            var operation = catalog.Get(entry.OperationId);
            if (operation.Method != "GET")
            {
                // The safety net for a table edit: the recorder runs against users' real projects.
                throw new SpecToolException($"refusing to record {entry.OperationId}: it is a {operation.Method}, and only GET operations are recorded.");
            }

            var missing = MissingInput(entry.Needs, settings);
            if (missing is not null)
            {
                skipped.Add(new SkippedOperation(entry.OperationId, $"needs {missing}"));
                continue;
            }

            var arguments = new Dictionary<string, string>(entry.FixedArguments, StringComparer.Ordinal)
            {
                ["projectId"] = Format(settings.ProjectId),
                ["dspId"] = Format(settings.DspId),
                ["learnId"] = Format(settings.LearnId),
            };
            var jobId = entry.Needs == RecordingInput.ProfileJob ? settings.ProfileJobId : settings.JobId;
            if (jobId is { } job)
            {
                arguments["jobId"] = Format(job);
            }

            if (settings.SampleId is { } sample)
            {
                arguments["sampleId"] = Format(sample);
            }

            calls.Add(new PlannedCall(operation, RelativeUrl(operation, arguments, entry.FixedArguments.Keys), FixturePath(operation)));
        }

        var recordedIds = recorded.Select(e => e.OperationId).ToHashSet(StringComparer.Ordinal);
        foreach (var operation in catalog.Operations.Where(o => !recordedIds.Contains(o.OperationId)).OrderBy(o => o.OperationId, StringComparer.Ordinal))
        {
            var reason = NotRecorded.TryGetValue(operation.OperationId, out var known)
                ? operation.Method == "GET" ? known : known + "; its fixtures stay authored"
                : operation.Method != "GET" ? $"{operation.Method}: may change the project, and only GET operations are recorded"
                : "not in the recorder's table yet (add it to RecordingPlan.Recorded or NotRecorded)";
            skipped.Add(new SkippedOperation(operation.OperationId, reason));
        }

        return new RecordingPlan(calls, skipped);
    }

    /// <summary>The fixture's path under the fixture folder: <c>&lt;tag&gt;/&lt;operationId&gt;.success.json</c> (or <c>.txt</c> for text).</summary>
    public static string FixturePath(SpecOperation operation) => operation.ResponseContentType switch
    {
        "application/json" => $"{operation.Tag}/{operation.OperationId}.success.json",
        "text/plain" => $"{operation.Tag}/{operation.OperationId}.success.txt",
        _ => throw new SpecToolException($"{operation.OperationId} answers {operation.ResponseContentType}; only JSON and text responses are recorded."),
    };

    private static string? MissingInput(RecordingInput needs, RecorderSettings settings) => needs switch
    {
        RecordingInput.Sample when settings.SampleId is null => "EI_SAMPLE_ID (or --sample-id)",
        RecordingInput.Job when settings.JobId is null => "EI_JOB_ID (or --job-id)",
        RecordingInput.ProfileJob when settings.ProfileJobId is null => "EI_PROFILE_JOB_ID (or --profile-job-id)",
        _ => null,
    };

    private static string RelativeUrl(SpecOperation operation, Dictionary<string, string> arguments, IEnumerable<string> fixedNames)
    {
        var declared = operation.Parameters.Select(p => p.Name).ToHashSet(StringComparer.Ordinal);
        var undeclared = fixedNames.Where(n => !declared.Contains(n)).ToList();
        if (undeclared.Count > 0)
        {
            throw new SpecToolException($"{operation.OperationId}: the recorder passes {string.Join(", ", undeclared)}, which the spec does not declare.");
        }

        var path = operation.PathTemplate;
        var query = new List<string>();
        foreach (var parameter in operation.Parameters)
        {
            if (!arguments.TryGetValue(parameter.Name, out var value))
            {
                if (parameter.Required)
                {
                    throw new SpecToolException($"{operation.OperationId}: required {parameter.In} parameter '{parameter.Name}' has no value in the recorder's table.");
                }

                continue;
            }

            switch (parameter.In)
            {
                case "path":
                    path = path.Replace("{" + parameter.Name + "}", Uri.EscapeDataString(value), StringComparison.Ordinal);
                    break;
                case "query":
                    query.Add($"{Uri.EscapeDataString(parameter.Name)}={Uri.EscapeDataString(value)}");
                    break;
                default:
                    throw new SpecToolException($"{operation.OperationId}: parameter '{parameter.Name}' is in '{parameter.In}', which the recorder does not send.");
            }
        }

        return query.Count == 0 ? path : path + "?" + string.Join("&", query);
    }

    private static string Format(long id) => id.ToString(CultureInfo.InvariantCulture);
}
