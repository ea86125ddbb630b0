// The workflow itself, separate from Program so the end-to-end tests run exactly what a newcomer runs
// (tests/EdgeImpulse.Generated.Tests/Simulator/SimulatorWorkflowTests.cs calls RunAsync against the simulator).
using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using EdgeImpulse.Generated.Npy;

namespace EdgeImpulse.Generated.Sample;

/// <summary>What one run of the workflow produced (the tests check it; the sample prints it).</summary>
internal sealed record WorkflowResult(
    int DspId,
    int LearnId,
    Job FeatureJob,
    Job TrainingJob,
    int LogLineCount,
    double? Accuracy,
    IReadOnlyList<int> FeatureShape,
    string FeatureType,
    DeploymentPackageInfo Deployment,
    DeploymentCheck DeploymentContent);

/// <summary>What the sample found inside the deployment package: how many files, and the project id its model_metadata.h names.</summary>
internal sealed record DeploymentCheck(int EntryCount, long? MetadataProjectId)
{
    private const string MetadataEntry = "model-parameters/model_metadata.h";

    /// <summary>Opens the package as a zip and reads <c>EI_CLASSIFIER_PROJECT_ID</c> from its model_metadata.h (the Studio's C++ library has one).</summary>
    public static DeploymentCheck Inspect(Stream package)
    {
        package.Position = 0;
        using var zip = new ZipArchive(package, ZipArchiveMode.Read, leaveOpen: true);
        long? projectId = null;
        if (zip.GetEntry(MetadataEntry) is { } metadata)
        {
            using var reader = new StreamReader(metadata.Open());
            var line = reader.ReadToEnd().Split('\n').FirstOrDefault(l => l.StartsWith("#define EI_CLASSIFIER_PROJECT_ID ", StringComparison.Ordinal));
            projectId = line is not null && long.TryParse(line["#define EI_CLASSIFIER_PROJECT_ID ".Length..].Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : null;
        }

        return new DeploymentCheck(zip.Entries.Count, projectId);
    }
}

/// <summary>
/// Read the impulse, save the DSP config, generate features, save the Keras settings, train while streaming the
/// log, read the validation metrics, download the features as a typed array, then build a C++ library deployment,
/// wait for it and download it.
/// </summary>
internal static class TrainingWorkflow
{
    public static async Task<WorkflowResult> RunAsync(EdgeImpulseClient client, int projectId, TextWriter output, CancellationToken cancellationToken, JobWaitOptions? waitOptions = null)
    {
        var wait = waitOptions ?? new JobWaitOptions();
        wait.Progress ??= new StateChangeReporter(output);

        // 1. The impulse says which DSP and learn blocks exist (their ids are what every other call needs).
        var impulse = (await client.Impulse.GetImpulseAsync(projectId, cancellationToken: cancellationToken).ConfigureAwait(false)).Impulse
            ?? throw new InvalidOperationException($"Project {projectId} has no impulse yet; create one in the Studio first.");
        var dsp = impulse.DspBlocks.FirstOrDefault() ?? throw new InvalidOperationException("The impulse has no DSP block.");
        var learn = impulse.LearnBlocks.FirstOrDefault(b => b.Type == LearnBlockType.Keras) ?? impulse.LearnBlocks.FirstOrDefault()
            ?? throw new InvalidOperationException("The impulse has no learn block.");
        var dspId = dsp.Id ?? throw new InvalidOperationException("The impulse's DSP block has no id.");
        var learnId = learn.Id ?? throw new InvalidOperationException("The impulse's learn block has no id.");
        output.WriteLine($"[1/8] Impulse '{impulse.Name}': DSP block {dspId} '{dsp.Title}', learn block {learnId} '{learn.Title}' ({learn.Type})");

        // 2. Save the DSP config: the values the block has now, so the sample changes nothing in a real project.
        var dspConfig = await client.Dsp.GetDspConfigAsync(projectId, dspId, cancellationToken).ConfigureAwait(false);
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var item in dspConfig.Config.SelectMany(group => group.Items).Where(item => item.Readonly != true))
        {
            // An item without a name or any value has nothing to re-send.
            if (item.Param is { } param && (item.Value ?? item.DefaultValue) is { } value)
            {
                values[param] = value;
            }
        }

        await client.Dsp.SetDspConfigAsync(projectId, dspId, new DspConfigRequest { Config = values }, cancellationToken).ConfigureAwait(false);
        output.WriteLine($"[2/8] DSP config saved: {string.Join(", ", values.Take(4).Select(v => $"{v.Key}={v.Value}"))}{(values.Count > 4 ? ", ..." : string.Empty)}");

        // 3. Generate features and wait (the training job needs them).
        output.WriteLine("[3/8] Generating features...");
        var featureJob = await client.GenerateFeaturesAsync(projectId, dspId, wait, cancellationToken).ConfigureAwait(false);

        // 4. Save the Keras settings (again the current ones: trainKerasJob then trains with them).
        var keras = await client.Learn.GetKerasAsync(projectId, learnId, cancellationToken).ConfigureAwait(false);
        var settings = new SetKerasParameterRequest { TrainingCycles = keras.TrainingCycles, LearningRate = keras.LearningRate };
        await client.Learn.SetKerasAsync(projectId, learnId, settings, cancellationToken).ConfigureAwait(false);
        output.WriteLine($"[4/8] Keras settings saved: {settings.TrainingCycles} training cycles, learning rate {settings.LearningRate?.ToString(CultureInfo.InvariantCulture)}");

        // 5. Train, printing the job's log as it arrives; the stream ends when the job has finished.
        var training = await client.Jobs.StartTrainKerasAsync(projectId, learnId, new SetKerasParameterRequest(), cancellationToken).ConfigureAwait(false);
        output.WriteLine($"[5/8] Training job {training.JobId} started; its log:");
        var logLines = 0;
        await foreach (var line in training.StreamLogsAsync(wait, cancellationToken).ConfigureAwait(false))
        {
            logLines++;
            output.WriteLine($"      | {line.Data?.TrimEnd('\n', '\r')}");
        }

        var trainingJob = await training.WaitForCompletionAsync(wait, cancellationToken).ConfigureAwait(false);

        // 6. The validation metrics of the trained model.
        var metadata = await client.Learn.GetKerasMetadataAsync(projectId, learnId, excludeLabels: true, cancellationToken).ConfigureAwait(false);
        var metrics = metadata.ModelValidationMetrics.FirstOrDefault(m => m.Type == KerasModelType.Float32) ?? metadata.ModelValidationMetrics.FirstOrDefault();
        output.WriteLine($"[6/8] Validation ({metrics?.Type?.Value ?? "no model"}): accuracy {metrics?.Accuracy?.ToString("P1", CultureInfo.InvariantCulture) ?? "n/a"}, loss {metrics?.Loss?.ToString("F4", CultureInfo.InvariantCulture) ?? "n/a"}");

        // 7. The generated features as a typed array, streamed (no second copy of the payload in memory).
        var features = await client.Dsp.DownloadDspDataArrayAsync(projectId, dspId, RawDataCategory.Training, cancellationToken: cancellationToken).ConfigureAwait(false);
        output.WriteLine($"[7/8] Training features: {features}");

        // 8. Deploy: build the impulse as a C++ library (the "zip" target), wait for the build, download the package
        //    (into memory here; a FileStream works the same) and look inside.
        output.WriteLine("[8/8] Building a C++ library deployment (EON Compiler)...");
        using var package = new MemoryStream();
        var deployment = await client.BuildAndDownloadDeploymentToStreamAsync(projectId, "zip", new BuildOnDeviceModelRequest { Engine = DeploymentTargetEngine.TfliteEon }, package, wait, cancellationToken).ConfigureAwait(false);
        var content = DeploymentCheck.Inspect(package);
        var matches = content.MetadataProjectId == projectId ? "matches this project" : $"expected {projectId}";
        output.WriteLine($"      Downloaded {deployment.FileName}: {deployment.Length} bytes, deployment version {deployment.DeploymentVersion}, {content.EntryCount} files; " +
                         $"model_metadata.h names project {content.MetadataProjectId?.ToString(CultureInfo.InvariantCulture) ?? "none"} ({matches})");

        output.WriteLine();
        output.WriteLine($"Done: features job {featureJob.Id}, training job {trainingJob.Id} ({logLines} log lines), " +
                         $"accuracy {metrics?.Accuracy?.ToString("P1", CultureInfo.InvariantCulture) ?? "n/a"}, features ({string.Join(", ", features.Shape)}) {features.DType.Name}, " +
                         $"deployment {deployment.FileName} ({deployment.Length} bytes).");
        return new WorkflowResult(dspId, learnId, featureJob, trainingJob, logLines, metrics?.Accuracy, features.Shape, features.DType.Name, deployment, content);
    }

    /// <summary>One progress line per job state change, so a long wait shows it is alive without flooding the log.</summary>
    private sealed class StateChangeReporter(TextWriter output) : IProgress<JobProgress>
    {
        private readonly Dictionary<long, JobProgressState> _last = new();

        public void Report(JobProgress value)
        {
            lock (_last)
            {
                // Keyed by the job's id, which every polled status carries (JobOperation rejects one without it).
                var jobId = value.Job.Id ?? 0;
                if (_last.TryGetValue(jobId, out var state) && state == value.State)
                {
                    return;
                }

                _last[jobId] = value.State;
                output.WriteLine($"      ... job {jobId} ({value.Job.Category}) {value.State.ToString().ToLowerInvariant()} after {value.Elapsed.TotalSeconds.ToString("F1", CultureInfo.InvariantCulture)} s");
            }
        }
    }
}
