using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Text;
using System.Threading.Tasks;
using EdgeImpulse.Generated.Recorder;
using EdgeImpulse.Generated.Simulator;
using EdgeImpulse.Generated.Tests.Infrastructure;
using EdgeImpulse.Generated.Tests.Simulator;
using Newtonsoft.Json.Linq;
using NUnit.Framework;

namespace EdgeImpulse.Generated.Tests.Recorder;

/// <summary>What one in-process run of the recorder did: exit code, console text, and every file it wrote.</summary>
internal sealed record RecorderRunResult(int ExitCode, string Output, string Error, string OutputDirectory, IReadOnlyDictionary<string, byte[]> Files)
{
    public string Console => Output + Error;

    public string Text(string relativePath) => Encoding.UTF8.GetString(Files[relativePath]);

    public JToken Json(string relativePath) => StableJson.Parse(Text(relativePath));
}

/// <summary>
/// Runs the recorder in-process against any server (the scripted loopback server, the simulator) and checks what it
/// wrote. A backend-specific test only has to start its server, call <see cref="RunAsync"/> with an
/// <see cref="Environment(Uri, string)"/>, and call the <see cref="RecordedFixtureAssert"/> checks with its own secrets.
/// </summary>
internal static class RecorderRun
{
    /// <summary>The ids of the fixture story (project 52187, DSP block 3, learn block 4, its jobs and a sample).</summary>
    public static Dictionary<string, string?> Environment(Uri baseUrl, string apiKey) => new()
    {
        ["EI_API_KEY"] = apiKey,
        ["EI_BASE_URL"] = baseUrl.ToString(),
        ["EI_PROJECT_ID"] = "52187",
        ["EI_DSP_ID"] = "3",
        ["EI_LEARN_ID"] = "4",
        ["EI_JOB_ID"] = "1847312964",
        ["EI_SAMPLE_ID"] = "748301546",
        ["EI_PROFILE_JOB_ID"] = "1847330187",
    };

    /// <summary>
    /// The environment a user would set for the simulated project: its key, base URL and block ids, and the job,
    /// profile job and sample ids of the recordings (which a simulator started with StartTrained knows).
    /// </summary>
    public static Dictionary<string, string?> Environment(StudioSimulator sim)
    {
        var environment = Environment(sim.BaseUrl, sim.ApiKey);
        environment["EI_PROJECT_ID"] = Id(sim.ProjectId);
        environment["EI_DSP_ID"] = Id(sim.DspId);
        environment["EI_LEARN_ID"] = Id(sim.LearnId);
        environment["EI_JOB_ID"] = Id((long)StableJson.Parse(TestPaths.ReadFixture("Jobs/getJobStatus.success.json")).SelectToken("job.id")!);
        environment["EI_PROFILE_JOB_ID"] = Id((long)StableJson.Parse(TestPaths.ReadFixture("Dsp/startProfileCustomDspBlock.success.json"))["id"]!);
        environment["EI_SAMPLE_ID"] = Id(SimulatorTestKit.RecordedSampleId);
        return environment;
    }

    /// <summary>Runs the recorder into <paramref name="outputDirectory"/> and collects the files found there afterwards.</summary>
    public static async Task<RecorderRunResult> RunAsync(
        IReadOnlyDictionary<string, string?> environment,
        string outputDirectory,
        IEnumerable<string>? extraArgs = null,
        HttpMessageHandler? handler = null)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var args = new[] { "--out", outputDirectory }.Concat(extraArgs ?? []).ToArray();
        var exitCode = await FixtureRecorder.RunAsync(args, environment, output, error, handler);
        var files = Directory.Exists(outputDirectory)
            ? Directory.GetFiles(outputDirectory, "*", SearchOption.AllDirectories).ToDictionary(
                f => Path.GetRelativePath(outputDirectory, f).Replace(Path.DirectorySeparatorChar, '/'),
                File.ReadAllBytes,
                StringComparer.Ordinal)
            : [];
        return new RecorderRunResult(exitCode, output.ToString(), error.ToString(), outputDirectory, files);
    }

    private static string Id(long id) => id.ToString(System.Globalization.CultureInfo.InvariantCulture);

    public static string NewOutputDirectory() => Path.Combine(Path.GetTempPath(), "ei-recorder-tests", Guid.NewGuid().ToString("N"));
}

/// <summary>Checks on what the recorder wrote, usable with any backend.</summary>
internal static class RecordedFixtureAssert
{
    /// <summary>Scans the raw bytes of every written file, and the console output, for each secret (also in lower case).</summary>
    public static void ContainNoSecret(RecorderRunResult run, IEnumerable<string> secrets)
    {
        using (Assert.EnterMultipleScope())
        {
            foreach (var secret in secrets)
            {
                foreach (var form in new[] { secret, secret.ToLowerInvariant() }.Distinct())
                {
                    var bytes = Encoding.UTF8.GetBytes(form);
                    foreach (var (path, content) in run.Files)
                    {
                        Assert.That(content.AsSpan().IndexOf(bytes), Is.EqualTo(-1), $"'{form}' survived in {path}");
                    }

                    Assert.That(run.Console, Does.Not.Contain(form).IgnoreCase, "console output");
                }
            }
        }
    }

    /// <summary>Every JSON file parses, has its keys sorted, and is exactly what formatting it again gives (stable); every file uses '\n' and ends with one.</summary>
    public static void AreStable(RecorderRunResult run)
    {
        Assert.That(run.Files, Is.Not.Empty);
        using (Assert.EnterMultipleScope())
        {
            foreach (var (path, content) in run.Files)
            {
                var text = Encoding.UTF8.GetString(content);
                Assert.That(content.Take(3), Is.Not.EqualTo(new byte[] { 0xEF, 0xBB, 0xBF }), $"{path} has a BOM");
                Assert.That(text, Does.Not.Contain("\r"), path);
                Assert.That(text, Does.EndWith("\n"), path);
                if (path.EndsWith(".json", StringComparison.Ordinal))
                {
                    var json = StableJson.Parse(text);
                    Assert.That(UnsortedObjects(json), Is.Empty, $"{path}: objects whose keys are not sorted");
                    Assert.That(StableJson.Format(json), Is.EqualTo(text), $"{path} is not in the stable format");
                }
            }
        }
    }

    // Ordinal order, except that the top level starts with the envelope (success, then error) and integer keys come
    // before the others in numeric order (short of JavaScript's 2^32 - 2 limit, which these files never reach).
    private static IEnumerable<string> UnsortedObjects(JToken json) =>
        (json is JContainer container ? container.DescendantsAndSelf() : [json]).OfType<JObject>()
            .Where(o => !o.Properties().Select(p => p.Name).SequenceEqual(ExpectedOrder(o)))
            .Select(o => o.Path);

    private static IEnumerable<string> ExpectedOrder(JObject obj)
    {
        static bool IsIndex(string name) => name.Length is > 0 and < 10 && name.All(char.IsAsciiDigit) && (name == "0" || name[0] != '0');
        var all = obj.Properties().Select(p => p.Name).ToList();
        var names = all.Where(IsIndex).OrderBy(n => int.Parse(n, System.Globalization.CultureInfo.InvariantCulture))
            .Concat(all.Where(n => !IsIndex(n)).Order(StringComparer.Ordinal)).ToList();
        if (obj.Parent is not null)
        {
            return names;
        }

        string[] envelope = ["success", "error"];
        return envelope.Where(names.Contains).Concat(names.Where(n => !envelope.Contains(n)));
    }
}
