using System;
using System.Collections.Generic;
using System.IO;
using System.Threading.Tasks;
using EdgeImpulse.Generated.Recorder;
using EdgeImpulse.Generated.Tests.Infrastructure;
using NUnit.Framework;

namespace EdgeImpulse.Generated.Tests.Recorder;

[TestFixture]
public sealed class RecorderSettingsTests
{
    private const string Key = "ei_0123456789abcdef0123456789abcdef_settings";

    [Test]
    public async Task MissingSettings_AreAUsageError_NamingEachVariable_WithExitCode2()
    {
        var outputDirectory = RecorderRun.NewOutputDirectory();

        var run = await RecorderRun.RunAsync(new Dictionary<string, string?> { ["EI_PROJECT_ID"] = " " }, outputDirectory);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(run.ExitCode, Is.EqualTo(FixtureRecorder.UsageError));
            Assert.That(run.Error, Does.StartWith("recorder: set EI_API_KEY (or EI_JWT_TOKEN); set EI_PROJECT_ID (or --project-id); set EI_DSP_ID (or --dsp-id); set EI_LEARN_ID (or --learn-id)."));
            Assert.That(run.Error, Does.Contain("usage: dotnet run --project tools/EdgeImpulse.Generated.Recorder"));
            Assert.That(run.Output, Is.Empty);
            Assert.That(Directory.Exists(outputDirectory), Is.False);
        }
    }

    [Test]
    public void FlagsOverrideTheEnvironment()
    {
        var settings = RecorderSettings.Parse(
            ["--project-id", "7", "--base-url", "http://localhost:4800/v1", "--out", "somewhere", "--sample-id", "99"],
            Environment(("EI_PROJECT_ID", "52187"), ("EI_BASE_URL", "https://studio.edgeimpulse.com/v1")));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(settings.ProjectId, Is.EqualTo(7));
            Assert.That(settings.BaseUrl, Is.EqualTo(new Uri("http://localhost:4800/v1")));
            Assert.That(settings.OutputDirectory, Is.EqualTo(Path.GetFullPath("somewhere")));
            Assert.That(settings.SampleId, Is.EqualTo(99));
            Assert.That(settings.DspId, Is.EqualTo(3));
            Assert.That(settings.JobId, Is.Null);
        }
    }

    [Test]
    public void Defaults_AreTheStudioAndTheRepositorysFixtureFolder()
    {
        var settings = RecorderSettings.Parse([], Environment());

        using (Assert.EnterMultipleScope())
        {
            Assert.That(settings.BaseUrl, Is.EqualTo(new Uri("https://studio.edgeimpulse.com/v1")));
            Assert.That(settings.OutputDirectory, Is.EqualTo(Path.Combine(TestPaths.RepoRoot, "tests", "EdgeImpulse.Generated.Tests", "Fixtures")));
            Assert.That(settings.Credential, Is.EqualTo(new RecorderCredential("x-api-key", Key, "EI_API_KEY")));
        }
    }

    [Test]
    public void AJwt_IsUsedWhenThereIsNoApiKey_AndTheApiKeyWinsWhenBothAreSet()
    {
        var jwtOnly = Environment(("EI_JWT_TOKEN", "eyJa.eyJb.c"));
        jwtOnly.Remove("EI_API_KEY");
        var both = Environment(("EI_JWT_TOKEN", "eyJa.eyJb.c"));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(RecorderSettings.Parse([], jwtOnly).Credential, Is.EqualTo(new RecorderCredential("x-jwt-token", "eyJa.eyJb.c", "EI_JWT_TOKEN")));
            Assert.That(RecorderSettings.Parse([], both).Credential.HeaderName, Is.EqualTo("x-api-key"));
        }
    }

    [Test]
    public async Task AKeyInTheWrongVariable_IsNotEchoed()
    {
        var run = await RecorderRun.RunAsync(Environment(("EI_PROJECT_ID", Key)), RecorderRun.NewOutputDirectory());

        using (Assert.EnterMultipleScope())
        {
            Assert.That(run.ExitCode, Is.EqualTo(FixtureRecorder.UsageError));
            Assert.That(run.Error, Does.Contain("EI_PROJECT_ID / --project-id must be a positive integer"));
            Assert.That(run.Console, Does.Not.Contain(Key));
        }
    }

    [Test]
    public void AKeyOnTheCommandLine_IsRefused_PointingToTheEnvironment()
    {
        var ex = Assert.Throws<RecorderUsageException>(() => RecorderSettings.Parse(["--api-key", "x"], Environment()));

        Assert.That(ex!.Message, Is.EqualTo("unknown option '--api-key': pass the key in EI_API_KEY, not on the command line."));
    }

    [TestCase("--dsp-id")]
    [TestCase("stray")]
    public void AFlagWithoutAValue_OrAStrayArgument_IsAUsageError(string argument) =>
        Assert.Throws<RecorderUsageException>(() => RecorderSettings.Parse([argument], Environment()));

    [TestCase("ftp://example.com/v1")]
    [TestCase("not a url")]
    public void ABaseUrlThatIsNotHttp_IsAUsageError(string baseUrl) =>
        Assert.That(
            () => RecorderSettings.Parse(["--base-url", baseUrl], Environment()),
            Throws.TypeOf<RecorderUsageException>().With.Message.Contains("EI_BASE_URL / --base-url must be an absolute http(s) URL"));

    [Test]
    public void DisplayBaseUrl_DropsTheUserInfo_AndKeepsTheRest()
    {
        var settings = RecorderSettings.Parse(["--base-url", "https://maya:hunter2@studio.example.com:8443/v1?x=1"], Environment());

        Assert.That(settings.DisplayBaseUrl, Is.EqualTo("https://studio.example.com:8443/v1?x=1"));
    }

    [Test]
    public async Task ABaseUrlWithCredentials_IsPrintedWithoutThem()
    {
        // Port 1 on the loopback refuses at once: every call fails, and every line is printed.
        var run = await RecorderRun.RunAsync(Environment(("EI_BASE_URL", "http://maya:hunter2@127.0.0.1:1/v1")), RecorderRun.NewOutputDirectory());

        using (Assert.EnterMultipleScope())
        {
            Assert.That(run.ExitCode, Is.EqualTo(FixtureRecorder.Failure));
            Assert.That(run.Output, Does.StartWith("Recording 10 operations from http://127.0.0.1:1/v1 into "));
            Assert.That(run.Console, Does.Not.Contain("hunter2"));
            Assert.That(run.Console, Does.Not.Contain("maya"));
        }
    }

    [Test]
    public void ToString_OfTheSettingsAndTheCredential_ShowsNeitherTheKeyNorTheUrlsCredentials()
    {
        var settings = RecorderSettings.Parse(["--base-url", "https://maya:hunter2@studio.example.com/v1"], Environment());

        using (Assert.EnterMultipleScope())
        {
            Assert.That(settings.Credential.ToString(), Is.EqualTo("x-api-key from EI_API_KEY"));
            Assert.That(settings.ToString(), Does.Not.Contain(Key).And.Not.Contain("hunter2").And.Not.Contain("maya"));
            Assert.That(settings.ToString(), Does.Contain("https://studio.example.com/v1").And.Contain("52187"));
        }
    }

    [Test]
    public async Task Help_PrintsTheUsage_AndSucceeds()
    {
        var run = await RecorderRun.RunAsync(new Dictionary<string, string?>(), RecorderRun.NewOutputDirectory(), ["--help"]);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(run.ExitCode, Is.EqualTo(FixtureRecorder.Success));
            Assert.That(run.Output, Does.Contain("EI_PROFILE_JOB_ID"));
        }
    }

    private static Dictionary<string, string?> Environment(params (string Name, string Value)[] overrides)
    {
        var environment = new Dictionary<string, string?>
        {
            ["EI_API_KEY"] = Key,
            ["EI_PROJECT_ID"] = "52187",
            ["EI_DSP_ID"] = "3",
            ["EI_LEARN_ID"] = "4",
        };
        foreach (var (name, value) in overrides)
        {
            environment[name] = value;
        }

        return environment;
    }
}
