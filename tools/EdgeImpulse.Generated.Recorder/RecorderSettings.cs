using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Reflection;

namespace EdgeImpulse.Generated.Recorder;

/// <summary>Bad or missing settings: the tool prints the message and the usage text, and exits with code 2.</summary>
internal sealed class RecorderUsageException(string message) : Exception(message);

/// <summary>How the recorder authenticates: the header name, the secret, and where the secret came from (for the log, never the value).</summary>
internal sealed record RecorderCredential(string HeaderName, string Secret, string Source)
{
    /// <summary>Names the header and the variable, never the secret (a record would print every property).</summary>
    public override string ToString() => $"{HeaderName} from {Source}";
}

/// <summary>Everything the recorder needs, from the command line and the environment (command-line flags win).</summary>
internal sealed record RecorderSettings(
    Uri BaseUrl,
    string OutputDirectory,
    RecorderCredential Credential,
    long ProjectId,
    long DspId,
    long LearnId,
    long? JobId,
    long? SampleId,
    long? ProfileJobId)
{
    public const string DefaultBaseUrl = "https://studio.edgeimpulse.com/v1";

    public const string Usage = """
        usage: dotnet run --project tools/EdgeImpulse.Generated.Recorder -- [options]

        Re-records the test fixtures from the Studio API (GET operations only), sanitized and stable.

          variable            flag              value
          EI_API_KEY          -                 project API key, sent as x-api-key (required unless EI_JWT_TOKEN is set)
          EI_JWT_TOKEN        -                 JWT, sent as x-jwt-token (used when EI_API_KEY is unset)
          EI_PROJECT_ID       --project-id      project id (required)
          EI_DSP_ID           --dsp-id          DSP block id (required)
          EI_LEARN_ID         --learn-id        learn block id (required)
          EI_SAMPLE_ID        --sample-id       a sample the DSP block reads (raw data and features fixtures)
          EI_JOB_ID           --job-id          a finished job (status and log fixtures)
          EI_PROFILE_JOB_ID   --profile-job-id  a finished profile job (getProfileTfliteJobResult)
          EI_BASE_URL         --base-url        API base URL (default https://studio.edgeimpulse.com/v1)
          -                   --out             fixture folder (default tests/EdgeImpulse.Generated.Tests/Fixtures)
          -                   --help            this text

        A flag overrides its variable. Credentials come from the environment only (flags end up in shell history).
        Exit codes: 0 all recorded, 1 an operation failed (nothing written for it), 2 usage error.
        """;

    private static readonly Dictionary<string, string> FlagToVariable = new(StringComparer.Ordinal)
    {
        ["--base-url"] = "EI_BASE_URL",
        ["--project-id"] = "EI_PROJECT_ID",
        ["--dsp-id"] = "EI_DSP_ID",
        ["--learn-id"] = "EI_LEARN_ID",
        ["--job-id"] = "EI_JOB_ID",
        ["--sample-id"] = "EI_SAMPLE_ID",
        ["--profile-job-id"] = "EI_PROFILE_JOB_ID",
        ["--out"] = "--out",
    };

    /// <summary>Gets the repository the tool was built from (default spec and fixture locations).</summary>
    public static string RepoRoot { get; } =
        typeof(RecorderSettings).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "RepoRoot").Value!;

    public static string DefaultOutputDirectory { get; } = Path.Combine(RepoRoot, "tests", "EdgeImpulse.Generated.Tests", "Fixtures");

    /// <summary>Gets the base URL to print: without its userinfo (<c>user:password@</c>), which may hold a credential.</summary>
    public string DisplayBaseUrl => BaseUrl.GetComponents(UriComponents.AbsoluteUri & ~UriComponents.UserInfo, UriFormat.UriEscaped);

    /// <summary>Prints the settings without the secret and without the base URL's userinfo.</summary>
    public override string ToString() =>
        $"RecorderSettings {{ BaseUrl = {DisplayBaseUrl}, OutputDirectory = {OutputDirectory}, Credential = {Credential}, " +
        $"ProjectId = {ProjectId}, DspId = {DspId}, LearnId = {LearnId}, JobId = {JobId}, SampleId = {SampleId}, ProfileJobId = {ProfileJobId} }}";

    public static bool IsHelp(IReadOnlyList<string> args) => args.Any(a => a is "--help" or "-h");

    /// <summary>Reads the settings; throws <see cref="RecorderUsageException"/> naming every problem (never a secret value).</summary>
    public static RecorderSettings Parse(IReadOnlyList<string> args, IReadOnlyDictionary<string, string?> environment)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, value) in environment)
        {
            if (!string.IsNullOrWhiteSpace(value))
            {
                values[name] = value.Trim();
            }
        }

        for (var i = 0; i < args.Count; i++)
        {
            if (!FlagToVariable.TryGetValue(args[i], out var variable))
            {
                throw new RecorderUsageException(args[i].StartsWith("--", StringComparison.Ordinal) && args[i].Contains("key", StringComparison.OrdinalIgnoreCase)
                    ? $"unknown option '{args[i]}': pass the key in EI_API_KEY, not on the command line."
                    : $"unknown argument '{args[i]}'.");
            }

            if (i + 1 >= args.Count)
            {
                throw new RecorderUsageException($"{args[i]} needs a value.");
            }

            values[variable] = args[++i];
        }

        var problems = new List<string>();
        var credential = values.TryGetValue("EI_API_KEY", out var apiKey) ? new RecorderCredential("x-api-key", apiKey, "EI_API_KEY")
            : values.TryGetValue("EI_JWT_TOKEN", out var jwt) ? new RecorderCredential("x-jwt-token", jwt, "EI_JWT_TOKEN")
            : null;
        if (credential is null)
        {
            problems.Add("set EI_API_KEY (or EI_JWT_TOKEN)");
        }

        var projectId = Id(values, "EI_PROJECT_ID", "--project-id", required: true, problems);
        var dspId = Id(values, "EI_DSP_ID", "--dsp-id", required: true, problems);
        var learnId = Id(values, "EI_LEARN_ID", "--learn-id", required: true, problems);
        var jobId = Id(values, "EI_JOB_ID", "--job-id", required: false, problems);
        var sampleId = Id(values, "EI_SAMPLE_ID", "--sample-id", required: false, problems);
        var profileJobId = Id(values, "EI_PROFILE_JOB_ID", "--profile-job-id", required: false, problems);

        var baseUrlText = values.GetValueOrDefault("EI_BASE_URL", DefaultBaseUrl);
        if (!Uri.TryCreate(baseUrlText, UriKind.Absolute, out var baseUrl) || baseUrl.Scheme is not ("http" or "https"))
        {
            problems.Add("EI_BASE_URL / --base-url must be an absolute http(s) URL");
        }

        if (problems.Count > 0)
        {
            throw new RecorderUsageException(string.Join("; ", problems) + ".");
        }

        return new RecorderSettings(
            baseUrl!,
            Path.GetFullPath(values.GetValueOrDefault("--out", DefaultOutputDirectory)),
            credential!,
            projectId!.Value,
            dspId!.Value,
            learnId!.Value,
            jobId,
            sampleId,
            profileJobId);
    }

    private static long? Id(Dictionary<string, string> values, string variable, string flag, bool required, List<string> problems)
    {
        if (!values.TryGetValue(variable, out var text))
        {
            if (required)
            {
                problems.Add($"set {variable} (or {flag})");
            }

            return null;
        }

        if (long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var id) && id > 0)
        {
            return id;
        }

        // The value is not echoed: a key pasted into the wrong variable must not reach the console.
        problems.Add($"{variable} / {flag} must be a positive integer");
        return null;
    }
}
