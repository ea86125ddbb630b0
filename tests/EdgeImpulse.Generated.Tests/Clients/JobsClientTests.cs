using System;
using System.Globalization;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using EdgeImpulse.Generated.Tests.Infrastructure;
using Newtonsoft.Json.Linq;
using NUnit.Framework;
using static EdgeImpulse.Generated.Tests.Infrastructure.WireAssert;

namespace EdgeImpulse.Generated.Tests.Clients;

/// <summary>Wire-level tests of <see cref="JobsClient"/>: what each operation sends, and what it reads back.</summary>
[TestFixture]
public sealed class JobsClientTests
{
    private const int ProjectId = 52187;
    private const int LearnId = 4;
    private const long JobId = 1847312964;
    private const long LargeJobId = 12873488112;

    [Test]
    public async Task TrainKerasJob_PostsFixtureBodyToLearnBlockPath()
    {
        var body = FixtureJson.Read<SetKerasParameterRequest>("Jobs/trainKerasJob.request.json");

        var (_, request) = await SendAsync("Jobs/trainKerasJob.success.json", c => c.Jobs.TrainKerasJobAsync(ProjectId, LearnId, body, CancellationToken.None));

        AssertRequest(request, "POST", "/v1/api/52187/jobs/train/keras/4", string.Empty);
        AssertJsonBody(request, "Jobs/trainKerasJob.request.json");
    }

    [Test]
    public async Task TrainKerasJob_ReadsStartedJobId()
    {
        var body = FixtureJson.Read<SetKerasParameterRequest>("Jobs/trainKerasJob.request.json");

        var (response, _) = await SendAsync("Jobs/trainKerasJob.success.json", c => c.Jobs.TrainKerasJobAsync(ProjectId, LearnId, body));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(response.Success, Is.True);
            Assert.That(response.Error, Is.Null);
            Assert.That(response.Id, Is.EqualTo(JobId));
        }
    }

    [Test]
    public async Task TrainKerasJob_ReadsJobIdAboveInt32()
    {
        var body = FixtureJson.Read<SetKerasParameterRequest>("Jobs/trainKerasJob.request.json");

        var (response, _) = await SendAsync("Jobs/trainKerasJob.large-id.json", c => c.Jobs.TrainKerasJobAsync(ProjectId, LearnId, body));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(response.Success, Is.True);
            Assert.That(response.Id, Is.EqualTo(LargeJobId));
            Assert.That(response.Id, Is.GreaterThan(int.MaxValue));
        }
    }

    [Test]
    public async Task GenerateFeaturesJob_PostsFixtureBodyToProjectPath()
    {
        var body = FixtureJson.Read<GenerateFeaturesRequest>("Jobs/generateFeaturesJob.request.json");

        var (_, request) = await SendAsync("Jobs/generateFeaturesJob.success.json", c => c.Jobs.GenerateFeaturesJobAsync(ProjectId, body, CancellationToken.None));

        AssertRequest(request, "POST", "/v1/api/52187/jobs/generate-features", string.Empty);
        AssertJsonBody(request, "Jobs/generateFeaturesJob.request.json");
    }

    [Test]
    public async Task GenerateFeaturesJob_ReadsStartedJobId()
    {
        var body = new GenerateFeaturesRequest { DspId = 3, CalculateFeatureImportance = true, NormalizeData = DspNormalizeData.None };

        var (response, request) = await SendAsync("Jobs/generateFeaturesJob.success.json", c => c.Jobs.GenerateFeaturesJobAsync(ProjectId, body));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(response.Success, Is.True);
            Assert.That(response.Id, Is.EqualTo(1847306511L));
            Assert.That(JObject.Parse(request.Body)["normalizeData"]?.ToString(), Is.EqualTo("none"));
            Assert.That(JObject.Parse(request.Body).ContainsKey("skipFeatureExplorer"), Is.False, "an unset optional field must not be sent");
        }
    }

    [Test]
    public async Task AutotuneDspJob_PostsFixtureBodyToProjectPath()
    {
        var body = FixtureJson.Read<AutotuneDspRequest>("Jobs/autotuneDspJob.request.json");

        var (_, request) = await SendAsync("Jobs/autotuneDspJob.success.json", c => c.Jobs.AutotuneDspJobAsync(ProjectId, body, CancellationToken.None));

        AssertRequest(request, "POST", "/v1/api/52187/jobs/autotune-dsp", string.Empty);
        AssertJsonBody(request, "Jobs/autotuneDspJob.request.json");
    }

    [Test]
    public async Task AutotuneDspJob_ReadsStartedJobId()
    {
        var body = FixtureJson.Read<AutotuneDspRequest>("Jobs/autotuneDspJob.request.json");

        var (response, _) = await SendAsync("Jobs/autotuneDspJob.success.json", c => c.Jobs.AutotuneDspJobAsync(ProjectId, body));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(body.DspId, Is.EqualTo(3));
            Assert.That(body.Config, Does.ContainKey("spectral-power-edges").WithValue("0.1, 0.5, 1.0, 2.0, 5.0"));
            Assert.That(response.Success, Is.True);
            Assert.That(response.Id, Is.EqualTo(1847298420L));
        }
    }

    [Test]
    public async Task GetJobStatus_SendsGetToJobStatusPath()
    {
        var (_, request) = await SendAsync("Jobs/getJobStatus.success.json", c => c.Jobs.GetJobStatusAsync(ProjectId, JobId, CancellationToken.None));

        AssertRequest(request, "GET", "/v1/api/52187/jobs/1847312964/status", string.Empty);
    }

    [Test]
    public async Task GetJobStatus_SendsJobIdAboveInt32VerbatimInPath()
    {
        var (response, request) = await SendAsync("Jobs/getJobStatus.large-id.json", c => c.Jobs.GetJobStatusAsync(ProjectId, LargeJobId));

        AssertRequest(request, "GET", "/v1/api/52187/jobs/12873488112/status", string.Empty);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(response.Job!.Id, Is.EqualTo(LargeJobId));
            Assert.That(response.Job.FinishedSuccessful, Is.True);
            Assert.That(response.Job.ComputeTime, Is.EqualTo(166.44));
        }
    }

    [Test]
    public async Task GetJobStatus_ReadsFinishedJob()
    {
        var (response, _) = await SendAsync("Jobs/getJobStatus.success.json", c => c.Jobs.GetJobStatusAsync(ProjectId, JobId));

        var job = response.Job!;
        using (Assert.EnterMultipleScope())
        {
            Assert.That(response.Success, Is.True);
            Assert.That(job.Id, Is.EqualTo(JobId));
            Assert.That(job.Category, Is.EqualTo("Training model"));
            Assert.That(job.CategoryKey, Is.EqualTo("learn-train-studio-wrapper"));
            Assert.That(job.Key, Is.EqualTo("keras-4"));
            Assert.That(job.Created, Is.EqualTo(Utc(2026, 1, 14, 9, 40, 2, 114)));
            Assert.That(job.Created?.Offset, Is.EqualTo(TimeSpan.Zero));
            Assert.That(job.Started, Is.EqualTo(Utc(2026, 1, 14, 9, 40, 9, 871)));
            Assert.That(job.Finished, Is.EqualTo(Utc(2026, 1, 14, 9, 42, 53, 402)));
            Assert.That(job.FinishedSuccessful, Is.True);
            Assert.That(job.JobNotificationUids, Is.EqualTo(new[] { 1 }));
            Assert.That(job.ComputeTime, Is.EqualTo(163.53));
            // The recorder's placeholder user (a recording writes these, whoever started the job).
            Assert.That(job.CreatedByUser?.Username, Is.EqualTo("example-user"));
            Assert.That(job.CreatedByUser?.Name, Is.EqualTo("Example User"));
            Assert.That(job.CreatedByUser?.Id, Is.EqualTo(1));
        }
    }

    [Test]
    public async Task GetJobStatus_ReadsRunningJobWithoutFinishFields()
    {
        var (response, _) = await SendAsync("Jobs/getJobStatus.running.json", c => c.Jobs.GetJobStatusAsync(ProjectId, JobId));

        var job = response.Job!;
        using (Assert.EnterMultipleScope())
        {
            Assert.That(job.Id, Is.EqualTo(JobId));
            Assert.That(job.Started, Is.EqualTo(Utc(2026, 1, 14, 9, 40, 9, 871)));
            Assert.That(job.Finished, Is.Null);
            Assert.That(job.FinishedSuccessful, Is.Null);
            Assert.That(job.ComputeTime, Is.Null);
        }
    }

    [Test]
    public async Task GetJobStatus_ReadsFailedJob()
    {
        var (response, _) = await SendAsync("Jobs/getJobStatus.failed.json", c => c.Jobs.GetJobStatusAsync(ProjectId, 1847341876));

        var job = response.Job!;
        using (Assert.EnterMultipleScope())
        {
            Assert.That(response.Success, Is.True, "a failed job is still a successful status call");
            Assert.That(job.Id, Is.EqualTo(1847341876L));
            Assert.That(job.Finished, Is.EqualTo(Utc(2026, 1, 15, 13, 6, 20, 712)));
            Assert.That(job.FinishedSuccessful, Is.False);
            Assert.That(job.ComputeTime, Is.EqualTo(42.62));
        }
    }

    [Test]
    public async Task GetJobStatus_ToleratesMissingRequiredFields()
    {
        // The fixture lacks the required 'category' and 'jobNotificationUids': servers of other versions do that,
        // so the client reads what is there instead of failing the call.
        var (response, _) = await SendAsync("Jobs/getJobStatus.missing-required.json", c => c.Jobs.GetJobStatusAsync(ProjectId, 1847306511));

        var job = response.Job!;
        using (Assert.EnterMultipleScope())
        {
            Assert.That(job.Id, Is.EqualTo(1847306511L));
            Assert.That(job.CategoryKey, Is.EqualTo("dsp-generate-features"));
            Assert.That(job.Key, Is.EqualTo("dsp-3"));
            Assert.That(job.Category, Is.Null);
            Assert.That(job.JobNotificationUids, Is.Empty);
            Assert.That(job.FinishedSuccessful, Is.True);
        }
    }

    [Test]
    public async Task GetJobsLogs_SendsLimitAndLogLevelInQuery()
    {
        var (_, request) = await SendAsync("Jobs/getJobsLogs.success.json", c => c.Jobs.GetJobsLogsAsync(ProjectId, JobId, 100, JobLogLevel.Info, CancellationToken.None));

        AssertRequest(request, "GET", "/v1/api/52187/jobs/1847312964/stdout", "limit=100&logLevel=info");
    }

    [Test]
    public async Task GetJobsLogs_SendsNoQueryWhenOptionalParametersOmitted()
    {
        var (_, request) = await SendAsync("Jobs/getJobsLogs.success.json", c => c.Jobs.GetJobsLogsAsync(ProjectId, LargeJobId));

        AssertRequest(request, "GET", "/v1/api/52187/jobs/12873488112/stdout", string.Empty);
    }

    [Test]
    public async Task GetJobsLogs_ReadsLogLinesWithDatesAndLevels()
    {
        var (response, _) = await SendAsync("Jobs/getJobsLogs.success.json", c => c.Jobs.GetJobsLogsAsync(ProjectId, JobId));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(response.TotalCount, Is.EqualTo(92));
            Assert.That(response.Stdout, Has.Count.EqualTo(92));
            // The Studio sends the newest line first.
            Assert.That(response.Stdout[^1].Data, Is.EqualTo("Creating job... OK (ID: 1847312964)\n"));
            Assert.That(response.Stdout[^1].Created, Is.EqualTo(Utc(2026, 1, 14, 9, 40, 2, 149)));
            Assert.That(response.Stdout[^1].LogLevel, Is.EqualTo(JobLogLevel.Info));
            Assert.That(response.Stdout[17].LogLevel?.Value, Is.EqualTo("warn"));
            Assert.That(response.Stdout[17].LogLevel?.IsKnown, Is.True);
            Assert.That(response.Stdout[17].Data, Does.StartWith("WARNING:absl:"));
            Assert.That(response.Stdout.Count(s => s.LogLevel == JobLogLevel.Warn), Is.EqualTo(1));
            Assert.That(response.Stdout[0].Data, Is.EqualTo("Job completed (success)\n"));
        }
    }

    [Test]
    public async Task DownloadJobsLogs_SendsTextPlainAcceptAndQuery()
    {
        var (_, request) = await SendAsync(LogText(), c => c.Jobs.DownloadJobsLogsAsync(ProjectId, JobId, 500, JobLogLevel.Warn, CancellationToken.None));

        AssertRequest(request, "GET", "/v1/api/52187/jobs/1847312964/stdout/download", "limit=500&logLevel=warn", "text/plain");
    }

    [Test]
    public async Task DownloadJobsLogs_SendsNoQueryWhenOptionalParametersOmitted()
    {
        var (_, request) = await SendAsync(LogText(), c => c.Jobs.DownloadJobsLogsAsync(ProjectId, JobId));

        AssertRequest(request, "GET", "/v1/api/52187/jobs/1847312964/stdout/download", string.Empty, "text/plain");
    }

    [Test]
    public async Task DownloadJobsLogs_ReturnsPlainTextBody()
    {
        var expected = TestPaths.ReadFixture("Jobs/downloadJobsLogs.success.txt");

        var (text, _) = await SendAsync(LogText(), c => c.Jobs.DownloadJobsLogsAsync(ProjectId, JobId, 1000, JobLogLevel.Debug));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(text, Is.EqualTo(expected));
            Assert.That(text, Does.StartWith("Creating job... OK (ID: 1847312964)\n"));
            Assert.That(text, Does.EndWith("Job completed (success)\n"));
            Assert.That(text.Split('\n'), Has.Length.EqualTo(93));
        }
    }

    [Test]
    public async Task CancelJob_SendsForceCancelAsStringQuery()
    {
        var (_, request) = await SendAsync("Jobs/cancelJob.success.json", c => c.Jobs.CancelJobAsync(ProjectId, JobId, true, CancellationToken.None));

        AssertRequest(request, "POST", "/v1/api/52187/jobs/1847312964/cancel", "forceCancel=true");
        Assert.That(request.Body, Is.Empty);
    }

    [Test]
    public async Task CancelJob_SendsNoQueryWhenForceCancelOmitted()
    {
        var (_, request) = await SendAsync("Jobs/cancelJob.success.json", c => c.Jobs.CancelJobAsync(ProjectId, LargeJobId));

        AssertRequest(request, "POST", "/v1/api/52187/jobs/12873488112/cancel", string.Empty);
        Assert.That(request.Body, Is.Empty);
    }

    [Test]
    public async Task CancelJob_ReadsSuccessEnvelope()
    {
        var (response, _) = await SendAsync("Jobs/cancelJob.success.json", c => c.Jobs.CancelJobAsync(ProjectId, JobId, true));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(response.Success, Is.True);
            Assert.That(response.Error, Is.Null);
            Assert.That(response.AdditionalProperties, Is.Empty);
        }
    }

    [Test]
    public async Task GetProfileTfliteJobResult_SendsGetToResultPath()
    {
        var (_, request) = await SendAsync("Jobs/getProfileTfliteJobResult.success.json", c => c.Jobs.GetProfileTfliteJobResultAsync(ProjectId, 1847330187, CancellationToken.None));

        AssertRequest(request, "GET", "/v1/api/52187/jobs/profile-tflite/1847330187/result", string.Empty);
    }

    [Test]
    public async Task GetProfileTfliteJobResult_ReadsMemoryAndPerformance()
    {
        var (response, _) = await SendAsync("Jobs/getProfileTfliteJobResult.success.json", c => c.Jobs.GetProfileTfliteJobResultAsync(ProjectId, 1847330187));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(response.Variant, Is.EqualTo(KerasModelVariant.Int8));
            Assert.That(response.Variant?.IsKnown, Is.True);
            Assert.That(response.Device, Is.EqualTo("cortex-m4f-80mhz"));
            Assert.That(response.TfliteFileSizeBytes, Is.EqualTo(3072));
            Assert.That(response.IsSupportedOnMcu, Is.True);
            Assert.That(response.Memory?.Tflite?.Ram, Is.EqualTo(2136));
            Assert.That(response.Memory?.Eon?.Rom, Is.EqualTo(14392));
            Assert.That(response.Memory?.EonRamOptimized?.ArenaSize, Is.EqualTo(176));
            Assert.That(response.TimePerInferenceMs, Is.EqualTo(1));
            Assert.That(response.CustomMetrics, Is.Empty);
            Assert.That(response.HasPerformance, Is.True);
        }
    }

    private static CannedResponse LogText() => CannedResponse.Text(TestPaths.ReadFixture("Jobs/downloadJobsLogs.success.txt"));

    private static DateTimeOffset Utc(int year, int month, int day, int hour, int minute, int second, int millisecond) =>
        new(year, month, day, hour, minute, second, millisecond, TimeSpan.Zero);

    [Test]
    public async Task BuildOnDeviceModelJob_PostsTheEngineAndVariant_WithTheTargetInTheQuery()
    {
        var body = FixtureJson.Read<BuildOnDeviceModelRequest>("Jobs/buildOnDeviceModelJob.request.json");

        var (_, plain) = await SendAsync("Jobs/buildOnDeviceModelJob.success.json", c => c.Jobs.BuildOnDeviceModelJobAsync(ProjectId, "zip", body, cancellationToken: CancellationToken.None));
        var (_, forImpulse) = await SendAsync("Jobs/buildOnDeviceModelJob.success.json", c => c.Jobs.BuildOnDeviceModelJobAsync(ProjectId, "arduino", body, 1));

        AssertRequest(plain, "POST", "/v1/api/52187/jobs/build-ondevice-model", "type=zip");
        AssertJsonBody(plain, "Jobs/buildOnDeviceModelJob.request.json");
        AssertRequest(forImpulse, "POST", "/v1/api/52187/jobs/build-ondevice-model", "type=arduino&impulseId=1");
        Assert.That(JObject.Parse(plain.Body).ContainsKey("parameters"), Is.False, "an unset optional field must not be sent");
    }

    [Test]
    public async Task BuildOnDeviceModelJob_ReadsTheJobIdAndTheDeploymentVersion()
    {
        var body = new BuildOnDeviceModelRequest { Engine = DeploymentTargetEngine.TfliteEon, ModelType = KerasModelVariant.Int8 };

        var (response, request) = await SendAsync("Jobs/buildOnDeviceModelJob.success.json", c => c.Jobs.BuildOnDeviceModelJobAsync(ProjectId, "zip", body));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(response.Success, Is.True);
            Assert.That(response.Id, Is.EqualTo(1847341178L));
            Assert.That(response.DeploymentVersion, Is.EqualTo(3));
            Assert.That(JObject.Parse(request.Body)["engine"]?.ToString(), Is.EqualTo("tflite-eon"));
            Assert.That(JObject.Parse(request.Body)["modelType"]?.ToString(), Is.EqualTo("int8"));
        }
    }

    [Test]
    public async Task BuildOnDeviceModelJob_ReadsAJobIdAboveInt32()
    {
        var (response, _) = await SendAsync(CannedResponse.Json("""{"success": true, "id": 12873488112, "deploymentVersion": 4}"""), c => c.Jobs.BuildOnDeviceModelJobAsync(ProjectId, "zip", new BuildOnDeviceModelRequest { Engine = DeploymentTargetEngine.Tflite }));

        Assert.That(response.Id, Is.EqualTo(LargeJobId));
    }

    [Test]
    public async Task BuildOnDeviceModelJob_WithoutTheRequiredEngine_IsRefusedBeforeSending()
    {
        var ex = await Assert.ThrowsAsync<ArgumentException>(() => SendAsync("Jobs/buildOnDeviceModelJob.success.json", c => c.Jobs.BuildOnDeviceModelJobAsync(ProjectId, "zip", new BuildOnDeviceModelRequest { ModelType = KerasModelVariant.Int8 })));

        Assert.That(ex!.Message, Does.Contain("Engine"));
    }

    [Test]
    public async Task StartVersionJob_PostsTheDescription_AndReadsTheJobId()
    {
        var body = FixtureJson.Read<ProjectVersionRequest>("Jobs/startVersionJob.request.json");

        var (response, request) = await SendAsync("Jobs/startVersionJob.success.json", c => c.Jobs.StartVersionJobAsync(ProjectId, body, CancellationToken.None));

        AssertRequest(request, "POST", "/v1/api/52187/jobs/version", string.Empty);
        AssertJsonBody(request, "Jobs/startVersionJob.request.json");
        using (Assert.EnterMultipleScope())
        {
            Assert.That(body.MakePublic, Is.False);
            Assert.That(response.Success, Is.True);
            Assert.That(response.Id, Is.EqualTo(1847352240L));
        }
    }

    [Test]
    public async Task GetJobStatus_ReadsABuildJob()
    {
        var (response, _) = await SendAsync("Jobs/getJobStatus.build-deployment.json", c => c.Jobs.GetJobStatusAsync(ProjectId, 1847341178));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(response.Job!.Id, Is.EqualTo(1847341178L));
            Assert.That(response.Job.CategoryKey, Is.EqualTo("build-ondevice-model"));
            Assert.That(response.Job.Key, Is.EqualTo("build-ondevice-model-3"));
            Assert.That(response.Job.FinishedSuccessful, Is.True);
        }
    }
}
