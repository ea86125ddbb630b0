using System;
using System.Collections.Generic;

namespace EdgeImpulse.Generated.Simulator;

/// <summary>Settings for <see cref="StudioSimulator.StartAsync"/>.</summary>
public sealed class SimulatorOptions
{
    /// <summary>The API key the simulator accepts when none is configured.</summary>
    public const string DefaultApiKey = "ei_simulator_0123456789abcdef";

    /// <summary>Gets or sets the TCP port on 127.0.0.1; 0 (the default) takes a free one.</summary>
    public int Port { get; set; }

    /// <summary>Gets or sets the key requests must send as <c>x-api-key</c> (any non-empty <c>x-jwt-token</c> is accepted too).</summary>
    public string ApiKey { get; set; } = DefaultApiKey;

    /// <summary>Gets or sets the seed of everything pseudo-random (training curves, feature values), so runs repeat exactly.</summary>
    public int Seed { get; set; } = 52187;

    /// <summary>Gets or sets how long jobs wait before they start and how long each kind runs.</summary>
    public JobTimings Jobs { get; set; } = new();

    /// <summary>
    /// Gets or sets a value indicating whether the project starts as recorded: features generated, the Keras block
    /// trained, and the recorded jobs present. By default it starts fresh (nothing generated or trained), so a
    /// workflow has to generate features before it can train.
    /// </summary>
    public bool StartTrained { get; set; }

    /// <summary>Gets or sets the clock jobs run on; tests can pass their own.</summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    /// <summary>
    /// Gets or sets a folder laid out like the test fixtures (<c>Learn/getKeras.success.json</c>, ...) whose files
    /// replace the built-in recordings; files it lacks fall back to them.
    /// </summary>
    public string? FixtureDirectory { get; set; }

    /// <summary>
    /// Gets fixture contents by relative path (<c>"Learn/getKeras.success.json"</c>) that replace both the
    /// <see cref="FixtureDirectory"/> and the built-in recordings.
    /// </summary>
    public IDictionary<string, string> FixtureOverrides { get; } = new Dictionary<string, string>(StringComparer.Ordinal);

    /// <summary>Gets or sets a value indicating whether ASP.NET Core logs warnings to the console (off by default: tests stay quiet).</summary>
    public bool ConsoleLogging { get; set; }
}

/// <summary>How a simulated job is paced: created, then started after <see cref="StartDelay"/>, then finished after its kind's duration.</summary>
public sealed class JobTimings
{
    /// <summary>Gets or sets the time from creation to start (the Studio's "Scheduling job in cluster...").</summary>
    public TimeSpan StartDelay { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>Gets or sets how long a generate-features job runs.</summary>
    public TimeSpan GenerateFeatures { get; set; } = TimeSpan.FromSeconds(3);

    /// <summary>Gets or sets how long a Keras training job runs.</summary>
    public TimeSpan TrainKeras { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Gets or sets how long a DSP autotune job runs.</summary>
    public TimeSpan AutotuneDsp { get; set; } = TimeSpan.FromSeconds(3);

    /// <summary>Gets or sets how long a DSP profiling job runs.</summary>
    public TimeSpan ProfileDsp { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Gets or sets how long a deployment build (buildOnDeviceModelJob) runs.</summary>
    public TimeSpan BuildDeployment { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Gets or sets how long a versioning job (startVersionJob) runs.</summary>
    public TimeSpan CreateVersion { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Gets timings short enough for tests: every job is done well under a second.</summary>
    public static JobTimings Fast => new()
    {
        StartDelay = TimeSpan.FromMilliseconds(20),
        GenerateFeatures = TimeSpan.FromMilliseconds(150),
        TrainKeras = TimeSpan.FromMilliseconds(250),
        AutotuneDsp = TimeSpan.FromMilliseconds(150),
        ProfileDsp = TimeSpan.FromMilliseconds(100),
        BuildDeployment = TimeSpan.FromMilliseconds(150),
        CreateVersion = TimeSpan.FromMilliseconds(100),
    };

    internal JobTimings Validated()
    {
        foreach (var (name, value) in new[] { (nameof(StartDelay), StartDelay), (nameof(GenerateFeatures), GenerateFeatures), (nameof(TrainKeras), TrainKeras), (nameof(AutotuneDsp), AutotuneDsp), (nameof(ProfileDsp), ProfileDsp), (nameof(BuildDeployment), BuildDeployment), (nameof(CreateVersion), CreateVersion) })
        {
            if (value < TimeSpan.Zero)
            {
                throw new ArgumentOutOfRangeException(name, value, "Job timings must not be negative.");
            }
        }

        return new JobTimings { StartDelay = StartDelay, GenerateFeatures = GenerateFeatures, TrainKeras = TrainKeras, AutotuneDsp = AutotuneDsp, ProfileDsp = ProfileDsp, BuildDeployment = BuildDeployment, CreateVersion = CreateVersion };
    }
}
