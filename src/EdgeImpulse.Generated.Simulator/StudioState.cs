using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Newtonsoft.Json.Linq;

namespace EdgeImpulse.Generated.Simulator;

/// <summary>
/// The simulated project: the impulse's blocks, their settings, the data set and the jobs. Built from the recordings,
/// changed by requests. Not thread-safe by itself: the pipeline handles one request at a time under <see cref="Gate"/>.
/// </summary>
internal sealed partial class StudioState
{
    /// <summary>The first id a new job gets: above int32, so clients that squeeze job ids into 32 bits fail visibly.</summary>
    public const long FirstJobId = (1L << 31) + 1;

    private const long FallbackProjectId = 52187;

    private static readonly Lazy<Dictionary<string, string?>> LazyKerasSettableFields = new(ReadKerasSettableFields);

    private readonly Dictionary<long, SimulatedJob> _jobs = [];
    private readonly JobTimings _timings;
    private long _nextJobId = FirstJobId;

    public StudioState(FixtureStore fixtures, SimulatorOptions options)
    {
        Fixtures = fixtures;
        Seed = options.Seed;
        _timings = options.Jobs.Validated();
        Impulse = (JObject)(fixtures.Json("Impulse/getImpulse.success.json")["impulse"] ?? throw new InvalidOperationException("The getImpulse recording has no impulse."));
        ProjectId = (long?)fixtures.Json("Dsp/getDspRawSample.success.json").SelectToken("sample.projectId") ?? FallbackProjectId;
        RecordedJob = (JObject)fixtures.Json("Jobs/getJobStatus.success.json")["job"]!;
        var metadata = fixtures.Json("Dsp/getDspMetadata.success.json");
        var axes = Impulse["inputBlocks"]?.FirstOrDefault()?["axes"]?.Count() ?? 1;
        Dataset = new Dataset(metadata, axes, Seed);

        var dspConfig = fixtures.Json("Dsp/getDspConfig.success.json");
        var initialConfig = new OrderedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var item in dspConfig.SelectTokens("config[*].items[*]"))
        {
            initialConfig[(string)item["param"]!] = (string?)item["value"] ?? string.Empty;
        }

        foreach (var block in Impulse["dspBlocks"] ?? new JArray())
        {
            var id = (long)block["id"]!;
            DspBlocks[id] = new DspBlock(id, (string?)block["name"] ?? $"DSP block {id}", (string?)block["type"] ?? "custom", new OrderedDictionary<string, string>(initialConfig, StringComparer.Ordinal));
        }

        var recordedKeras = fixtures.Json("Learn/getKeras.success.json");
        var settable = KerasSettableFields;
        foreach (var block in Impulse["learnBlocks"] ?? new JArray())
        {
            var id = (long)block["id"]!;
            var keras = new JObject(recordedKeras.Properties().Where(p => settable.ContainsKey(p.Name)).Select(p => new JProperty(p.Name, p.Value.DeepClone())));
            long[] dspIds = block["dsp"]?.Values<long>().ToArray() ?? [];
            LearnBlocks[id] = new LearnBlock(id, (string?)block["name"] ?? $"Learn block {id}", (string?)block["type"] ?? "keras", dspIds, keras);
        }

        SampleIds = [.. Dataset.SampleIds, .. RecordedSampleIds(fixtures)];
        if (options.StartTrained)
        {
            SeedRecordedHistory(metadata, dspConfig, recordedKeras);
            SeedRecordedVersions();
        }
    }

    /// <summary>Gets the lock every request holds while it reads or changes the project.</summary>
    public object Gate { get; } = new();

    public FixtureStore Fixtures { get; }

    public int Seed { get; }

    public long ProjectId { get; }

    public JObject Impulse { get; }

    public JObject RecordedJob { get; }

    public Dataset Dataset { get; }

    public Dictionary<long, DspBlock> DspBlocks { get; } = [];

    public Dictionary<long, LearnBlock> LearnBlocks { get; } = [];

    public HashSet<long> SampleIds { get; }

    public DspBlock Dsp(long id) => DspBlocks.GetValueOrDefault(id) ?? throw StudioError.DspBlockNotFound(id);

    public LearnBlock Learn(long id) => LearnBlocks.GetValueOrDefault(id) ?? throw StudioError.LearnBlockNotFound(id);

    public SimulatedJob Job(long id) => _jobs.GetValueOrDefault(id) ?? throw StudioError.JobNotFound(id);

    public long Sample(long id) => SampleIds.Contains(id) ? id : throw StudioError.SampleNotFound(id);

    /// <summary>Applies what every job that has finished by <paramref name="now"/> leaves behind, in the order they finished.</summary>
    public void Advance(DateTimeOffset now)
    {
        foreach (var job in _jobs.Values.Where(j => !j.Settled && j.IsFinished(now)).OrderBy(j => j.Finished).ThenBy(j => j.Id).ToArray())
        {
            job.Settled = true;
            if (job.FinishedSuccessfully(now))
            {
                job.OnSuccess?.Invoke();
            }
        }
    }

    /// <summary>Gets or sets the failure a JobFails fault scripted for the job the current request starts (set under <see cref="Gate"/>).</summary>
    public string? ScriptedJobFailure { get; set; }

    /// <summary>Plans a new job from now: queued for the start delay, then running for its kind's duration (a failing job stops early).</summary>
    public SimulatedJob StartJob(JobKind kind, long blockId, DateTimeOffset now, Func<long, IReadOnlyList<(string Level, string Data)>> body, bool succeeds = true)
    {
        if (ScriptedJobFailure is { } reason)
        {
            // A JobFails fault: the job runs its usual lines, then fails with the scripted reason.
            ScriptedJobFailure = null;
            succeeds = false;
            var usual = body;
            body = jobId => [.. usual(jobId), (JobScripts.Error, reason + "\n")];
        }

        var id = _nextJobId++;
        var started = now + _timings.StartDelay;
        var duration = kind switch
        {
            JobKind.GenerateFeatures => _timings.GenerateFeatures,
            JobKind.TrainKeras => _timings.TrainKeras,
            JobKind.AutotuneDsp => _timings.AutotuneDsp,
            JobKind.BuildDeployment => _timings.BuildDeployment,
            JobKind.CreateVersion => _timings.CreateVersion,
            _ => _timings.ProfileDsp,
        };
        var finished = started + (succeeds ? duration : duration * 0.25);
        var job = NewJob(id, kind, blockId, now, started, finished, succeeds, JobScripts.Timeline(id, now, started, finished, body(id), succeeds));
        _jobs[id] = job;
        return job;
    }

    /// <summary>Gets the KerasConfig fields a SetKerasParameterRequest can change, with their JSON type in KerasConfig.</summary>
    public static IReadOnlyDictionary<string, string?> KerasSettableFields => LazyKerasSettableFields.Value;

    private static Dictionary<string, string?> ReadKerasSettableFields()
    {
        var config = (JObject)StudioSpec.Component("KerasConfig")["properties"]!;
        var request = (JObject)StudioSpec.Component("SetKerasParameterRequest")["properties"]!;
        return request.Properties()
            .Where(p => config[p.Name] is not null)
            .ToDictionary(p => p.Name, p => (string?)config[p.Name]!["type"], StringComparer.Ordinal);
    }

    private static SimulatedJob NewJob(long id, JobKind kind, long blockId, DateTimeOffset created, DateTimeOffset started, DateTimeOffset finished, bool succeeds, IEnumerable<LogLine> script)
    {
        var (category, categoryKey, key) = kind switch
        {
            JobKind.TrainKeras => ("Training model", "learn-train-studio-wrapper", $"keras-{blockId}"),
            JobKind.GenerateFeatures => ("Generating features", "dsp-generate-features", $"dsp-{blockId}"),
            JobKind.AutotuneDsp => ("Autotuning DSP parameters", "dsp-autotune", $"dsp-{blockId}"),
            JobKind.BuildDeployment => ("Building on-device model", "build-ondevice-model", $"build-ondevice-model-{blockId}"),
            JobKind.CreateVersion => ("Creating project version", "project-version", $"version-{blockId}"),
            _ => ("Profiling DSP block", "dsp-profile", $"dsp-{blockId}"),
        };
        return new SimulatedJob(id, kind, category, categoryKey, key, created, started, finished, succeeds, script);
    }

    private static IEnumerable<long> RecordedSampleIds(FixtureStore fixtures) =>
        new[] { "Dsp/getDspRawSample.success.json", "Dsp/getDspSampleSlice.success.json", "Dsp/runDspSampleSlice.success.json", "Dsp/runDspSampleSliceReadOnly.success.json", "Dsp/dspGetFeaturesForSample.success.json" }
            .SelectMany(path => fixtures.Json(path).SelectTokens("$..sample.id"))
            .Select(id => (long)id);

    // The project as recorded: features generated, the Keras block trained, and the recorded jobs (ids from the
    // recordings, so e.g. getJobStatus(1847312964) and getJobsLogs answer as they did in the Studio).
    private void SeedRecordedHistory(JObject metadata, JObject dspConfig, JObject recordedKeras)
    {
        var generatedAt = Time(metadata["created"]);
        var importance = (bool?)dspConfig.SelectToken("dsp.calculateFeatureImportance") ?? false;
        foreach (var dsp in DspBlocks.Values)
        {
            dsp.Features = new GeneratedFeatures(generatedAt, new Dictionary<string, string>(dsp.Config), importance, "none");
            dsp.HasAutotunerResults = (bool?)dspConfig.SelectToken("dsp.hasAutotunerResults") ?? false;
        }

        var trainingJob = Fixtures.Json("Jobs/getJobStatus.success.json")["job"]!;
        var trainedAt = Time(trainingJob["finished"]);
        foreach (var learn in LearnBlocks.Values.Where(l => (bool?)recordedKeras["trained"] == true))
        {
            learn.Training = new TrainingResult(trainedAt, null, null);
        }

        var dspId = DspBlocks.Keys.FirstOrDefault();
        var recordedLogs = Fixtures.Json("Jobs/getJobsLogs.success.json")["stdout"]!
            .Select(l => new LogLine(Time(l["created"]), (string?)l["logLevel"] ?? JobScripts.Info, (string)l["data"]!));
        var training = new SimulatedJob(
            (long)trainingJob["id"]!,
            JobKind.TrainKeras,
            (string)trainingJob["category"]!,
            (string)trainingJob["categoryKey"]!,
            (string)trainingJob["key"]!,
            Time(trainingJob["created"]),
            Time(trainingJob["started"]),
            trainedAt,
            succeeds: true,
            recordedLogs);
        training.Settled = true;
        _jobs[training.Id] = training;

        if (DspBlocks.Count == 0)
        {
            return;
        }

        // The other recorded job ids, placed around the training; their logs are simulated.
        var recorded = new (string Fixture, JobKind Kind, long BlockId, DateTimeOffset Finished)[]
        {
            ("Jobs/generateFeaturesJob.success.json", JobKind.GenerateFeatures, dspId, generatedAt),
            ("Jobs/autotuneDspJob.success.json", JobKind.AutotuneDsp, dspId, generatedAt - TimeSpan.FromMinutes(20)),
            ("Dsp/startProfileCustomDspBlock.success.json", JobKind.ProfileDsp, dspId, trainedAt + TimeSpan.FromMinutes(5)),
        };
        foreach (var (fixture, kind, blockId, finished) in recorded)
        {
            var id = (long)Fixtures.Json(fixture)["id"]!;
            var started = finished - TimeSpan.FromSeconds(60);
            var created = started - TimeSpan.FromSeconds(6);
            var block = Dsp(blockId);
            var body = kind switch
            {
                JobKind.GenerateFeatures => JobScripts.GenerateFeatures(block, Dataset, importance),
                JobKind.AutotuneDsp => JobScripts.Autotune(block),
                _ => JobScripts.Profile(block),
            };
            _jobs[id] = NewJob(id, kind, blockId, created, started, finished, true, JobScripts.Timeline(id, created, started, finished, body, succeeds: true));
            _jobs[id].Settled = true;
        }
    }

    private static DateTimeOffset Time(JToken? recorded) => DateTimeOffset.Parse((string)recorded!, CultureInfo.InvariantCulture);
}
