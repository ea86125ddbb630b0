using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace EdgeImpulse.Generated.Simulator;

/// <summary>What a job prints, modelled on the recorded training log (Jobs/getJobsLogs.success.json).</summary>
internal static class JobScripts
{
    public const string Info = "info";
    public const string Warn = "warn";
    public const string Error = "error";
    public const string Debug = "debug";

    /// <summary>
    /// Places a job's lines on its timeline: the scheduling lines while it is queued, "Job started" at the start,
    /// the body spread evenly over the run, the verdict at the finish.
    /// </summary>
    public static List<LogLine> Timeline(long id, DateTimeOffset created, DateTimeOffset started, DateTimeOffset finished, IReadOnlyList<(string Level, string Data)> body, bool succeeds)
    {
        var queued = started - created;
        var running = finished - started;
        var lines = new List<LogLine>
        {
            new(created, Info, $"Creating job... OK (ID: {id})\n"),
            new(created + (queued * 0.1), Info, "\n"),
            new(created + (queued * 0.5), Info, "Scheduling job in cluster...\n"),
            new(created + (queued * 0.9), Info, "Container image pulled!\n"),
            new(started, Info, "Job started\n"),
        };
        lines.AddRange(body.Select((line, i) => new LogLine(started + (running * ((i + 1) / (double)(body.Count + 1))), line.Level, line.Data)));
        lines.Add(new LogLine(finished, Info, "\n"));
        lines.Add(succeeds ? new LogLine(finished, Info, "Job completed (success)\n") : new LogLine(finished, Info, "Application exited with code 1\n"));
        return lines;
    }

    public static IReadOnlyList<(string Level, string Data)> GenerateFeatures(DspBlock block, Dataset dataset, bool featureImportance)
    {
        var samples = dataset.Samples("training");
        var perLabel = dataset.Labels.Select((label, index) => $"{label}: {samples.Where(s => s.LabelIndex == index).Sum(s => s.WindowCount)}");
        var lines = new List<(string, string)>
        {
            (Info, $"Creating windows from {samples.Length} files...\n"),
            (Info, $"[{Math.Max(1, samples.Length / 2)}/{samples.Length}] Creating windows from files...\n"),
            (Info, $"[{samples.Length}/{samples.Length}] Creating windows from files...\n"),
            (Info, $"Created {dataset.WindowCount("training")} windows: {string.Join(", ", perLabel)}\n"),
            (Info, "\n"),
            (Info, $"Generating features for {block.Name}...\n"),
            (Debug, $"Parameters: {string.Join(", ", block.Config.Select(p => $"{p.Key}={p.Value}"))}\n"),
            (Info, "Reducing dimensions for visualizations...\n"),
        };
        if (featureImportance)
        {
            lines.Add((Info, "Calculating feature importance...\n"));
        }

        lines.Add((Info, $"Generating features for {block.Name} OK\n"));
        return lines;
    }

    public static IReadOnlyList<(string Level, string Data)> TrainingWithoutFeatures(DspBlock block) =>
    [
        (Info, "Loading training data...\n"),
        (Error, $"No features were generated for DSP block \"{block.Name}\" (ID {block.Id}). Generate features for this block before training.\n"),
    ];

    /// <summary>The Keras log of a training run and its final validation metrics, from a seeded learning curve.</summary>
    public static (IReadOnlyList<(string Level, string Data)> Lines, double Accuracy, double Loss) Training(int seed, long jobId, int windows, int epochs, double learningRate, double batchSize, double validationSplit)
    {
        var random = new Random(unchecked((seed * 397) ^ (int)jobId ^ (int)(jobId >> 32)));
        var validating = (int)Math.Round(windows * validationSplit);
        var training = windows - validating;
        var steps = Math.Max(1, (int)Math.Ceiling(training / Math.Max(1, batchSize)));

        // Accuracy climbs towards a ceiling that more epochs and a sane learning rate raise; loss falls with it.
        var ceiling = Math.Min(0.995, 0.9 + (0.08 * (1 - Math.Exp(-epochs / 12.0))) + ((random.NextDouble() - 0.5) * 0.01));
        var first = 0.55 + (random.NextDouble() * 0.2);
        var pace = Math.Clamp(epochs / 5.0 * Math.Sqrt(0.0005 / Math.Max(1e-6, learningRate)), 1, 50);
        var lines = new List<(string, string)>
        {
            (Info, "Splitting data into training and validation sets...\n"),
            (Info, "Splitting data into training and validation sets OK\n"),
            (Info, "\n"),
            (Info, "Training model...\n"),
            (Info, $"Training on {training} inputs, validating on {validating} inputs\n"),
        };
        double valAccuracy = first, valLoss = 1.2;
        for (var epoch = 1; epoch <= epochs; epoch++)
        {
            var progress = 1 - Math.Exp(-(epoch - 1) / pace);
            valAccuracy = Math.Min(0.999, first + ((ceiling - first) * progress) + ((random.NextDouble() - 0.5) * 0.004));
            valLoss = Math.Max(0.01, 1.2 - ((1.2 - (1 - ceiling) * 3.5) * progress) + ((random.NextDouble() - 0.5) * 0.004));
            var accuracy = Math.Max(0, valAccuracy - 0.01 - (random.NextDouble() * 0.01));
            var loss = valLoss + 0.01 + (random.NextDouble() * 0.02);
            var seconds = epoch == 1 ? 2 : 1;
            lines.Add((Info, $"Epoch {epoch}/{epochs}\n"));
            lines.Add((Info, string.Create(CultureInfo.InvariantCulture, $"{steps}/{steps} - {seconds}s - loss: {loss:F4} - accuracy: {accuracy:F4} - val_loss: {valLoss:F4} - val_accuracy: {valAccuracy:F4} - {seconds}s/epoch - {5 + random.Next(3)}ms/step\n")));
        }

        lines.AddRange(
        [
            (Info, "Finished training\n"),
            (Info, "\n"),
            (Info, "Saving best performing model...\n"),
            (Info, "Saving best performing model OK\n"),
            (Info, "\n"),
            (Info, "Converting TensorFlow Lite float32 model...\n"),
            (Info, "Converting TensorFlow Lite int8 quantized model...\n"),
            (Info, "Calculating performance metrics...\n"),
            (Info, "Profiling float32 model...\n"),
            (Info, "Profiling int8 model...\n"),
            (Info, "\n"),
            (Info, "Model training complete\n"),
        ]);
        return (lines, Math.Round(valAccuracy, 6), Math.Round(valLoss, 4));
    }

    public static IReadOnlyList<(string Level, string Data)> Autotune(DspBlock block) =>
    [
        (Info, $"Autotuning parameters for {block.Name}...\n"),
        (Info, "[1/3] Evaluating candidate configurations...\n"),
        (Info, "[2/3] Evaluating candidate configurations...\n"),
        (Info, "[3/3] Evaluating candidate configurations...\n"),
        (Info, $"Autotuning parameters for {block.Name} OK\n"),
    ];

    public static IReadOnlyList<(string Level, string Data)> Profile(DspBlock block) =>
    [
        (Info, $"Profiling {block.Name}...\n"),
        (Info, "Compiling DSP block for cortex-m4f-80mhz...\n"),
        (Info, $"Profiling {block.Name} OK\n"),
    ];

    public static IReadOnlyList<(string Level, string Data)> DeploymentWithoutTrainedModel(LearnBlock block) =>
    [
        (Info, "Exporting model...\n"),
        (Error, $"ERR: The model of learn block \"{block.Name}\" (ID {block.Id}) has not been trained yet. Train it before building a deployment.\n"),
    ];

    public static IReadOnlyList<(string Level, string Data)> BuildDeployment(DeploymentBuild build, IEnumerable<LearnBlock> learnBlocks) =>
    [
        (Info, $"Building {build.Target["name"]} ({build.Type}) for impulse \"{build.ImpulseName}\" (ID {build.ImpulseId}), deployment version {build.Version}\n"),
        (Info, $"Engine: {build.Engine}, model: {build.ModelType}\n"),
        .. learnBlocks.Select(l => (Info, $"Exporting {build.ModelType} model of learn block \"{l.Name}\" (ID {l.Id})... OK\n")),
        .. build.Engine.StartsWith("tflite-eon", StringComparison.Ordinal) ? [(Info, "Compiling the model with the EON Compiler... OK\n")] : Array.Empty<(string, string)>(),
        (Info, "Compiling the inferencing library...\n"),
        (Info, $"Packaging {build.FileName}... OK\n"),
        (Info, string.Create(CultureInfo.InvariantCulture, $"Built {build.FileName} ({build.Package.Length} bytes)\n")),
    ];

    public static IReadOnlyList<(string Level, string Data)> CreateVersion(long projectId, int version, string description, int sampleCount, bool runModelTesting) =>
    [
        (Info, $"Creating version {version} of project {projectId}: \"{description}\"\n"),
        (Info, $"Copying {sampleCount} samples...\n"),
        (Info, "Copying the impulse, its blocks and trained models...\n"),
        .. runModelTesting ? [(Info, "Running model testing...\n")] : Array.Empty<(string, string)>(),
        (Info, $"Version {version} created\n"),
    ];
}
